/**
 * The lab report: Markdown a student downloads (or prints) with their name, each question and
 * answer, the numbers the lab showed when they answered, a picture of their own plot and the link
 * that reproduces the lab — and the same results as data, in a fenced ```json block, which the
 * class view (#/teach) reads back. Pure functions: building and reading never touch the DOM.
 */
import type { LabMetrics } from './labMetrics';
import { metricsLine } from './labMetrics';
import { t, fmt } from '../../i18n';

export const REPORT_KIND = 'forgelab-lesson-report';
export const REPORT_VERSION = 1;

export interface ReportAnswer {
  id: string;
  kind: string;
  prompt: string;
  text: string;
  metrics: LabMetrics | null;
}

export interface ReportData {
  kind: typeof REPORT_KIND;
  version: number;
  lesson: string;
  title: string;
  student: string;
  createdAt: string;
  /** Absolute link to the lab's settings in the playground. */
  link: string;
  /** The lab when the report was made. */
  final: LabMetrics | null;
  answers: ReportAnswer[];
}

/** The report in the interface language: its headings and labels; answers and prompts stay as they were shown and typed. */
export function reportMarkdown(data: ReportData, plotPng: string | null): string {
  const w = t().lessons.report;
  const kinds: Record<string, string> = t().lessons.kinds;
  const lines: string[] = [];
  lines.push(`# ${w.title(data.title)}`, '');
  lines.push(`- ${w.student}: ${data.student.trim() || w.noName}`);
  lines.push(`- ${w.made}: ${fmt.dateTime(data.createdAt)}`);
  lines.push(`- ${w.reproduce}: <${data.link}>`, '');
  lines.push(`## ${w.answers}`, '');
  data.answers.forEach((a, i) => {
    lines.push(`### ${i + 1}. ${kinds[a.kind] ?? a.kind}: ${a.prompt}`, '');
    lines.push(a.text.trim() ? a.text.trim() : `_${w.notAnswered}_`, '');
    if (a.metrics) lines.push(`_${w.whenAnswered(metricsLine(a.metrics))}_`, '');
  });
  lines.push(`## ${w.myPlot}`, '');
  if (data.final) lines.push(w.atEnd(metricsLine(data.final)), '');
  if (plotPng) lines.push(`![${w.plotAlt(fmt.int(data.final?.step ?? 0))}](${plotPng})`, '');
  lines.push(`## ${w.dataHeading}`, '', w.dataNote, '');
  lines.push('```json', JSON.stringify(data, null, 2), '```', '');
  return lines.join('\n');
}

/** Read a report's data block back (in either language); a message for people when the file is not a ForgeLab report. */
export function parseReport(text: string): ReportData | string {
  const blocks = [...text.matchAll(/```json\s*\n([\s\S]*?)\n```/g)];
  for (const b of blocks.reverse()) {
    try {
      const v = JSON.parse(b[1]) as Partial<ReportData>;
      if (v && v.kind === REPORT_KIND && typeof v.lesson === 'string' && Array.isArray(v.answers)) {
        if ((v.version ?? 0) > REPORT_VERSION) return t().lessons.report.newer;
        return {
          kind: REPORT_KIND,
          version: v.version ?? REPORT_VERSION,
          lesson: v.lesson,
          title: String(v.title ?? v.lesson),
          student: String(v.student ?? ''),
          createdAt: String(v.createdAt ?? ''),
          link: String(v.link ?? ''),
          final: v.final ?? null,
          answers: v.answers.filter((a) => a && typeof a.id === 'string').map((a) => ({ id: a.id, kind: String(a.kind ?? ''), prompt: String(a.prompt ?? ''), text: String(a.text ?? ''), metrics: a.metrics ?? null })),
        };
      }
    } catch {
      // not this block
    }
  }
  return t().lessons.report.noBlock;
}

/** A file name for the download: "forgelab-<lesson>-<student>.md". */
export function reportFileName(data: Pick<ReportData, 'lesson' | 'student'>): string {
  const who = data.student.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `forgelab-${data.lesson}${who ? `-${who}` : ''}.md`;
}
