/**
 * One lesson file (lessons/NN-slug/index.md) read into a lesson: front matter (YAML between the
 * leading `---` lines, read by js-yaml), then Markdown read by markdown-it, with its ```lab and
 * ```question fences turned into live parts. Pure (no DOM): the HTML it returns is not yet
 * sanitised — the view passes it through DOMPurify (state/lessons/sanitize.ts) before showing it.
 * A lesson's `problems` list everything wrong with it in plain words, and `translationProblems`
 * what a translation (index.<lang>.md) changed that only wording may change; the tests require none.
 */
import MarkdownIt from 'markdown-it';
import { load } from 'js-yaml';
import { SETTINGS } from '../../core/settings/config';
import { decodeConfig, VIEW_KEYS } from '../shared/url';

export const LAB_VIEWS = ['plot', 'metrics', 'charts', 'representation', 'judge', 'memorisation', 'privacy'] as const;
export type LabView = (typeof LAB_VIEWS)[number];
export const QUESTION_KINDS = ['predict', 'observe', 'explain'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
/** Headings every lesson has (its people section and its sources). */
export const REQUIRED_HEADINGS = ['What this means for people', 'Read more'] as const;
/** The same headings in each language a lesson may be written in (a translation keeps its own). */
export const REQUIRED_HEADINGS_BY_LANG: Readonly<Record<string, readonly string[]>> = {
  en: REQUIRED_HEADINGS,
  es: ['Qué significa esto para las personas', 'Para leer más'],
};
/** Keys a lesson's link may carry besides settings. */
export const LESSON_KEYS = [...VIEW_KEYS, 'lab'] as const;

export interface LessonMeta {
  slug: string;
  title: string;
  summary: string;
  minutes: number;
  goals: string[];
  /** The lab's starting settings, as a playground link's query. */
  preset: string;
  /** Settings (URL keys) the lab offers besides those its presets set. */
  controls: string[];
  /** Settings (URL keys) the lab never offers. */
  hide: string[];
  sources: string[];
}

export interface LabBlock {
  label: string;
  preset: string;
  views: LabView[];
}

export interface Question {
  id: string;
  kind: QuestionKind;
  prompt: string;
}

export type Block = { kind: 'html'; html: string } | { kind: 'lab'; index: number; lab: LabBlock } | { kind: 'question'; question: Question };

export interface Lesson {
  meta: LessonMeta;
  blocks: Block[];
  /** The lab the lesson opens with (front matter preset, the first lab block's views). */
  startLab: LabBlock;
  labs: LabBlock[];
  questions: Question[];
  headings: string[];
  /** Problems found while reading (empty for a good lesson). */
  problems: string[];
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: true });

/** Split a file into its front matter text and body. */
export function splitFrontMatter(text: string): { front: string | null; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { front: null, body: text };
  return { front: m[1], body: text.slice(m[0].length) };
}

function readYaml(text: string, where: string, problems: string[]): Record<string, unknown> {
  try {
    const v = load(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    problems.push(`${where} is not a list of “key: value” lines.`);
  } catch (e) {
    problems.push(`${where} is not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  return {};
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const strList = (v: unknown) => (Array.isArray(v) ? v.map(str).filter(Boolean) : typeof v === 'string' && v.trim() ? [v.trim()] : []);

/** Notices a preset raises when decoded (none for a good preset). */
export function presetProblems(preset: string): string[] {
  return decodeConfig(new URLSearchParams(preset), undefined, []).notices;
}

function readLab(raw: Record<string, unknown>, fallback: string, where: string, problems: string[]): LabBlock {
  const preset = str(raw.preset) || fallback;
  for (const n of presetProblems(preset)) problems.push(`${where}: ${n}`);
  const views = strList(raw.views);
  for (const v of views) if (!(LAB_VIEWS as readonly string[]).includes(v)) problems.push(`${where}: “${v}” is not a lab view (${LAB_VIEWS.join(', ')}).`);
  return { label: str(raw.label) || 'The lab', preset, views: (views.length ? views : ['plot', 'metrics']).filter((v): v is LabView => (LAB_VIEWS as readonly string[]).includes(v)) };
}

/** Read a lesson file; `lang` is the language it is written in (its required headings are that language's). */
export function parseLesson(slug: string, text: string, lang = 'en'): Lesson {
  const problems: string[] = [];
  const { front, body } = splitFrontMatter(text);
  if (front === null) problems.push('The file does not start with front matter between --- lines.');
  const fm = front === null ? {} : readYaml(front, 'The front matter', problems);
  const meta: LessonMeta = {
    slug,
    title: str(fm.title),
    summary: str(fm.summary),
    minutes: typeof fm.minutes === 'number' ? fm.minutes : Number(fm.minutes),
    goals: strList(fm.goals),
    preset: str(fm.preset),
    controls: strList(fm.controls),
    hide: strList(fm.hide),
    sources: strList(fm.sources),
  };
  for (const k of ['title', 'summary', 'preset'] as const) if (!meta[k]) problems.push(`The front matter has no ${k}.`);
  if (!(meta.minutes > 0)) problems.push('The front matter’s minutes is not a positive number.');
  if (!meta.goals.length) problems.push('The front matter lists no goals.');
  if (!meta.sources.length) problems.push('The front matter lists no sources.');
  for (const k of [...meta.controls, ...meta.hide]) if (!SETTINGS.some((s) => s.url === k)) problems.push(`“${k}” (in controls or hide) is not a setting’s URL key.`);
  for (const n of presetProblems(meta.preset)) problems.push(`The front matter’s preset: ${n}`);

  const env = {};
  const tokens = md.parse(body, env);
  const blocks: Block[] = [];
  const labs: LabBlock[] = [];
  const questions: Question[] = [];
  const headings: string[] = [];
  let run: typeof tokens = [];
  const flush = () => {
    if (run.length) blocks.push({ kind: 'html', html: md.renderer.render(run, md.options, env) });
    run = [];
  };
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open') headings.push(tokens[i + 1]?.content.trim() ?? '');
    const info = t.type === 'fence' ? t.info.trim() : '';
    if (info === 'lab') {
      flush();
      const lab = readLab(readYaml(t.content, `Lab block ${labs.length + 1}`, problems), meta.preset, `Lab block ${labs.length + 1}`, problems);
      blocks.push({ kind: 'lab', index: labs.length, lab });
      labs.push(lab);
    } else if (info === 'question') {
      flush();
      const raw = readYaml(t.content, `Question ${questions.length + 1}`, problems);
      const q: Question = { id: str(raw.id), kind: str(raw.kind) as QuestionKind, prompt: str(raw.prompt) };
      const where = `Question ${questions.length + 1}${q.id ? ` (${q.id})` : ''}`;
      if (!/^[a-z0-9][a-z0-9-]*$/.test(q.id)) problems.push(`${where}: its id must be lower-case letters, digits and dashes.`);
      if (!QUESTION_KINDS.includes(q.kind)) problems.push(`${where}: its kind must be one of ${QUESTION_KINDS.join(', ')}.`);
      if (!q.prompt) problems.push(`${where} has no prompt.`);
      if (questions.some((o) => o.id === q.id)) problems.push(`${where}: the id is used twice.`);
      blocks.push({ kind: 'question', question: q });
      questions.push(q);
    } else run.push(t);
  });
  flush();
  if (questions.length < 3) problems.push(`The lesson asks ${questions.length} questions; it needs at least 3.`);
  const required = REQUIRED_HEADINGS_BY_LANG[lang];
  if (!required) problems.push(`ForgeLab does not know the required headings in “${lang}” (add them to REQUIRED_HEADINGS_BY_LANG).`);
  for (const h of required ?? []) if (!headings.includes(h)) problems.push(`The lesson has no “${h}” heading.`);
  const startLab: LabBlock = { label: labs[0]?.label ?? 'The lab', preset: meta.preset, views: labs[0]?.views ?? ['plot', 'metrics'] };
  return { meta, blocks, startLab, labs, questions, headings, problems };
}

const listed = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join(', ') || 'none';

/**
 * What a translation changed beyond wording: it must ask the original's questions (same ids and
 * kinds, in the same order, so saved answers are the same answers in either language), set up
 * the same labs (presets and views) and keep the front matter's settings, minutes and sources.
 */
export function translationProblems(original: Lesson, translation: Lesson): string[] {
  const problems: string[] = [];
  const ids = original.questions.map((q) => q.id);
  const trIds = translation.questions.map((q) => q.id);
  for (const id of ids) if (!trIds.includes(id)) problems.push(`The translation has no question “${id}”.`);
  for (const id of trIds) if (!ids.includes(id)) problems.push(`The translation’s question “${id}” is not in the original.`);
  if (!problems.length && ids.join(' ') !== trIds.join(' ')) problems.push(`The translation asks its questions in another order (${listed(trIds)}; the original: ${listed(ids)}).`);
  for (const q of translation.questions) {
    const o = original.questions.find((x) => x.id === q.id);
    if (o && o.kind !== q.kind) problems.push(`Question “${q.id}” is of kind ${o.kind} in the original, not ${q.kind}.`);
  }
  if (original.labs.length !== translation.labs.length) problems.push(`The original has ${original.labs.length} lab blocks; the translation has ${translation.labs.length}.`);
  original.labs.forEach((lab, i) => {
    const tr = translation.labs[i];
    if (!tr) return;
    if (tr.preset !== lab.preset) problems.push(`Lab block ${i + 1}: the translation’s preset “${tr.preset}” is not the original’s “${lab.preset}”.`);
    if (tr.views.join(',') !== lab.views.join(',')) problems.push(`Lab block ${i + 1}: the translation shows ${listed(tr.views)}; the original shows ${listed(lab.views)}.`);
  });
  const a = original.meta;
  const b = translation.meta;
  if (b.preset !== a.preset) problems.push(`The translation’s front matter preset “${b.preset}” is not the original’s “${a.preset}”.`);
  for (const k of ['controls', 'hide', 'sources'] as const) if (b[k].join('\n') !== a[k].join('\n')) problems.push(`The translation’s front matter ${k} differ from the original’s (keep them as they are).`);
  if (b.minutes !== a.minutes) problems.push(`The translation’s minutes (${b.minutes}) are not the original’s (${a.minutes}).`);
  if (b.goals.length !== a.goals.length) problems.push(`The translation lists ${b.goals.length} goals; the original lists ${a.goals.length}.`);
  return problems;
}

/** A teacher guide (lessons/NN-slug/teacher.md): plain Markdown, rendered to (unsanitised) HTML. */
export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** The settings (URL keys) a lab offers: those its presets set plus `controls`, less `hide`. */
export function labControls(lesson: Lesson): string[] {
  const keys = new Set<string>();
  for (const p of [lesson.meta.preset, ...lesson.labs.map((l) => l.preset)]) for (const k of new URLSearchParams(p).keys()) keys.add(k);
  for (const k of lesson.meta.controls) keys.add(k);
  for (const k of lesson.meta.hide) keys.delete(k);
  keys.delete('seed');
  keys.delete('backend');
  return SETTINGS.filter((s) => keys.has(s.url)).map((s) => s.url);
}
