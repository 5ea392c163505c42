/**
 * Every shipped lesson, read at build time from lessons/NN-slug/ at the project root (content,
 * not code: adding a lesson is adding a folder with an index.md, and a teacher.md for the guide).
 */
import { parseLesson, translationProblems } from './lessonFile';
import type { Lesson } from './lessonFile';

const files = import.meta.glob('../../../lessons/*/index.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
/** Translations: lessons/NN-slug/index.<lang>.md (issue 17: a lesson is translated by adding a file). */
const translated = import.meta.glob('../../../lessons/*/index.*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const guides = import.meta.glob('../../../lessons/*/teacher.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const slugOf = (path: string) => path.split('/').slice(-2, -1)[0].replace(/^\d+-/, '');
const folderOf = (path: string) => path.split('/').slice(-2, -1)[0];

export interface ShippedLesson extends Lesson {
  /** Folder name (NN-slug); lessons are listed in its order. */
  folder: string;
  /** The teacher guide's Markdown, when the lesson has one. */
  teacher: string | null;
  /** The lesson in other languages, by language code, when translated. */
  translations: Readonly<Record<string, Lesson>>;
}

const langOf = (path: string) => /index\.([a-z]{2})\.md$/.exec(path)?.[1] ?? null;

export const LESSONS: readonly ShippedLesson[] = Object.entries(files)
  .map(([path, text]) => {
    const folder = folderOf(path);
    const teacher = Object.entries(guides).find(([p]) => folderOf(p) === folder)?.[1] ?? null;
    const original = parseLesson(slugOf(path), text);
    const translations: Record<string, Lesson> = {};
    for (const [p, body] of Object.entries(translated)) {
      const l = langOf(p);
      if (!l || folderOf(p) !== folder) continue;
      // checked against its own language's headings, and against the original's questions and labs
      const tr = parseLesson(slugOf(path), body, l);
      translations[l] = { ...tr, problems: [...tr.problems, ...translationProblems(original, tr)] };
    }
    return { ...original, folder, teacher, translations };
  })
  .sort((a, b) => a.folder.localeCompare(b.folder));

export function lessonBySlug(slug: string | undefined): ShippedLesson | undefined {
  return LESSONS.find((l) => l.meta.slug === slug);
}

/**
 * A lesson in a language: its translation when there is one, else the English original (with
 * `translated: false`, so the page can say so). The slug, folder and teacher guide stay the same,
 * so answers saved in one language are the same answers in the other.
 */
export function inLanguage(lesson: ShippedLesson, lang: string): ShippedLesson & { translated: boolean } {
  const tr = lang === 'en' ? undefined : lesson.translations[lang];
  return tr ? { ...lesson, ...tr, meta: { ...tr.meta, slug: lesson.meta.slug }, folder: lesson.folder, teacher: lesson.teacher, translations: lesson.translations, translated: true } : { ...lesson, translated: lang === 'en' };
}
