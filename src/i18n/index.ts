/**
 * The message catalogue. Every string the interface shows comes from here: `t()` gives the
 * current language's catalogue (reading it inside a template or $derived redraws on a switch).
 * English (`en/`) is the reference; every other language must have the same keys and the same
 * message shapes, which the compiler checks (`Catalog`) and test/unit/i18n checks again at run
 * time. A message is a string, or a function of its numbers and words when it needs them.
 *
 * Settings are the exception: their labels, help and options live in each view's settings table
 * (core/settings, English), and `setting*()` in ./settings translates them by their English text.
 */
import { en } from './en';
import { es } from './es';
import { lang } from './lang.svelte';
import type { Lang } from './lang.svelte';

export type Catalog = typeof en;

const CATALOGS: Record<Lang, Catalog> = { en, es };

/** The current language's messages. */
export function t(): Catalog {
  return CATALOGS[lang.current];
}

/** A language's messages, whatever the current one is (tests, the switcher). */
export const catalogFor = (l: Lang): Catalog => CATALOGS[l];

export { lang, setLang, LANGS, LANG_NAMES, isLang, followLink } from './lang.svelte';
export type { Lang } from './lang.svelte';
export * as fmt from './format';
