/**
 * The class view's results: students' report files read back (state/lessons/report.ts) and
 * gathered per lesson — each question's answers, and one measured number per student for the
 * dot plot. Pure; the files never leave the browser.
 */
import { parseReport } from '../lessons/report';
import type { ReportData } from '../lessons/report';
import { t } from '../../i18n';

export interface LoadedReport {
  file: string;
  report: ReportData;
}

export interface ClassMeasure {
  id: string;
  /** In the interface language, read when shown. */
  readonly label: string;
  /** The value's range on the plot. */
  max: number;
  value: (r: ReportData) => number | null;
}

const minority = (r: ReportData) => r.final?.groups.find((g) => g.id === 'minority') ?? null;

/** What the dot plot can show, one value per student's final lab. */
export const MEASURES: readonly ClassMeasure[] = [
  {
    id: 'minority-ratio',
    get label() {
      return t().teach.measures.minorityRatio;
    },
    max: 2,
    value: (r) => minority(r)?.ratio ?? null,
  },
  {
    id: 'detective',
    get label() {
      return t().teach.measures.detective;
    },
    max: 1,
    value: (r) => r.final?.accuracy ?? null,
  },
  {
    id: 'judge',
    get label() {
      return t().teach.measures.judge;
    },
    max: 1,
    value: (r) => r.final?.judge ?? null,
  },
];

export function readReports(files: { name: string; text: string }[]): { loaded: LoadedReport[]; problems: string[] } {
  const loaded: LoadedReport[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const r = parseReport(f.text);
    if (typeof r === 'string') problems.push(`${f.name}: ${r}`);
    else loaded.push({ file: f.name, report: r });
  }
  return { loaded, problems };
}

export interface QuestionAnswers {
  id: string;
  prompt: string;
  answers: { student: string; text: string }[];
}

export function answersByQuestion(reports: readonly LoadedReport[]): QuestionAnswers[] {
  const out = new Map<string, QuestionAnswers>();
  for (const { report, file } of reports)
    for (const a of report.answers) {
      const q = out.get(a.id) ?? { id: a.id, prompt: a.prompt, answers: [] };
      q.answers.push({ student: report.student || file, text: a.text });
      out.set(a.id, q);
    }
  return [...out.values()];
}

export interface Dot {
  student: string;
  group: string;
  value: number;
}

/** One dot per student with a value, grouped by the recipe their lab used. */
export function dots(reports: readonly LoadedReport[], measure: ClassMeasure): Dot[] {
  const out: Dot[] = [];
  for (const { report, file } of reports) {
    const v = measure.value(report);
    if (v !== null && Number.isFinite(v)) out.push({ student: report.student || file, group: report.final?.recipe ?? 'unknown', value: v });
  }
  return out;
}
