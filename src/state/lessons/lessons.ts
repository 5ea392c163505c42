/**
 * Every shipped lesson, read at build time from lessons/NN-slug/ at the project root (content,
 * not code: adding a lesson is adding a folder with an index.md, and a teacher.md for the guide).
 */
import { parseLesson } from './lessonFile';
import type { Lesson } from './lessonFile';

const files = import.meta.glob('../../../lessons/*/index.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const guides = import.meta.glob('../../../lessons/*/teacher.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const slugOf = (path: string) => path.split('/').slice(-2, -1)[0].replace(/^\d+-/, '');
const folderOf = (path: string) => path.split('/').slice(-2, -1)[0];

export interface ShippedLesson extends Lesson {
  /** Folder name (NN-slug); lessons are listed in its order. */
  folder: string;
  /** The teacher guide's Markdown, when the lesson has one. */
  teacher: string | null;
}

export const LESSONS: readonly ShippedLesson[] = Object.entries(files)
  .map(([path, text]) => {
    const folder = folderOf(path);
    const teacher = Object.entries(guides).find(([p]) => folderOf(p) === folder)?.[1] ?? null;
    return { ...parseLesson(slugOf(path), text), folder, teacher };
  })
  .sort((a, b) => a.folder.localeCompare(b.folder));

export function lessonBySlug(slug: string | undefined): ShippedLesson | undefined {
  return LESSONS.find((l) => l.meta.slug === slug);
}
