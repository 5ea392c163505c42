/**
 * Settings' words in the interface language. Labels, help lines and option names are written
 * once, in English, in each view's settings table (core/settings); other languages translate
 * them by that English text (es/settings.ts), so a table row needs no key of its own and a row
 * added without a translation is caught by test/unit/i18n.
 */
import type { SettingRow } from '../core/settings/table';
import { lang } from './lang.svelte';
import type { Lang } from './lang.svelte';
import { ES_SETTINGS } from './es/settings';

const BY_LANG: Record<Exclude<Lang, 'en'>, Readonly<Record<string, string>>> = { es: ES_SETTINGS };

/** Any English text of a settings table in the current language (itself in English or when untranslated). */
export function settingWord(english: string): string {
  if (lang.current === 'en') return english;
  return BY_LANG[lang.current][english] ?? english;
}

export const settingLabel = (row: SettingRow) => settingWord(row.label);
export const settingHelp = (row: SettingRow) => settingWord(row.help);

/** Every English text a table holds (labels, help, option names, zero labels): what a translation must cover. */
export function settingTexts(rows: readonly SettingRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    out.push(r.label, r.help);
    if (r.kind === 'enum' || r.kind === 'choice') for (const o of r.options) out.push(o.label);
    else if (r.zeroLabel) out.push(r.zeroLabel);
  }
  return [...new Set(out)].filter((s) => s.trim() !== '');
}
