/**
 * A student's answers to one lesson, kept in memory while the tab is open and saved through
 * state/shared/storage.ts as they are typed (at most 250 ms after the last key, and at once on
 * blur and when the page is hidden or closed). Each answer carries the lab's numbers at the moment
 * it was written. Keys are versioned per lesson and question (`lesson:v1:<slug>:<id>`), so a new
 * app version that keeps the format reads them back; a refused or full store sets `saveFailed`
 * (the view says so) and nothing typed is lost until the tab closes.
 */
import { onDestroy } from 'svelte';
import { readPref, writePref } from '../shared/storage';
import type { LabMetrics } from './labMetrics';

export const ANSWER_FORMAT = 1;
export const SAVE_DELAY_MS = 250;

export interface AnswerRecord {
  text: string;
  /** ISO time of the last edit. */
  savedAt: string;
  /** The lab when the answer was last edited (null when the lab had no numbers yet). */
  metrics: LabMetrics | null;
}

export const answerKey = (slug: string, id: string) => `lesson:v${ANSWER_FORMAT}:${slug}:${id}`;
export const NAME_KEY = `lesson:v${ANSWER_FORMAT}:student-name`;

export function readAnswer(slug: string, id: string): AnswerRecord | null {
  const raw = readPref(answerKey(slug, id));
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<AnswerRecord>;
    if (typeof v.text !== 'string') return null;
    return { text: v.text, savedAt: typeof v.savedAt === 'string' ? v.savedAt : '', metrics: v.metrics ?? null };
  } catch {
    return null;
  }
}

/** How many of a lesson's questions have a non-empty saved answer. */
export function answeredCount(slug: string, ids: readonly string[]): number {
  return ids.filter((id) => (readAnswer(slug, id)?.text.trim() ?? '') !== '').length;
}

export class AnswerBook {
  answers = $state<Record<string, AnswerRecord>>({});
  name = $state('');
  /** The browser refused the last save. */
  saveFailed = $state(false);
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly slug: string,
    ids: readonly string[],
  ) {
    const loaded: Record<string, AnswerRecord> = {};
    for (const id of ids) {
      const r = readAnswer(slug, id);
      if (r) loaded[id] = r;
    }
    this.answers = loaded;
    this.name = readPref(NAME_KEY) ?? '';
    const onHide = () => this.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && this.flush();
    addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    onDestroy(() => {
      this.flush();
      removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    });
  }

  /** The student typed: keep it, note the lab's numbers, save shortly. */
  type(id: string, text: string, metrics: LabMetrics | null): void {
    this.answers = { ...this.answers, [id]: { text, savedAt: new Date().toISOString(), metrics } };
    this.pending.add(id);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }

  setName(name: string): void {
    this.name = name;
    this.saveFailed = !writePref(NAME_KEY, name) || this.saveFailed;
  }

  /** Save everything not yet saved. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let ok = true;
    for (const id of this.pending) {
      const r = this.answers[id];
      if (r && !writePref(answerKey(this.slug, id), JSON.stringify(r))) ok = false;
    }
    if (ok) this.pending.clear();
    this.saveFailed = !ok;
  }

  answered(): number {
    return Object.values(this.answers).filter((a) => a.text.trim() !== '').length;
  }
}
