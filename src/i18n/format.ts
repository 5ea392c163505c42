/**
 * Numbers and dates written the way the interface language writes them ("0.52" and "12,000" in
 * English, "0,52" and "12.000" in Spanish). Formatters are made once per language and shape.
 */
import { lang } from './lang.svelte';

const cache = new Map<string, Intl.NumberFormat>();
function nf(opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang.current}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang.current, opts);
    cache.set(key, f);
  }
  return f;
}

const DASH = '–';

/** A number with exactly `digits` decimals (toFixed in the language's notation). */
export function fixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return DASH;
  return nf({ minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(x);
}

/** A whole number, grouped by thousands from 10,000 up (steps, counts). */
export function int(n: number): string {
  if (!Number.isFinite(n)) return DASH;
  return Math.abs(n) >= 10_000 ? nf({ maximumFractionDigits: 0 }).format(n) : nf({ maximumFractionDigits: 0, useGrouping: false }).format(n);
}

/** A share (0.52) as a percentage with `digits` decimals ("52%", "52 %" where the language spaces it). */
export function percent(share: number, digits = 0): string {
  if (!Number.isFinite(share)) return DASH;
  return nf({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);
}

/** A number with at most `digits` decimals, trailing zeros dropped. */
export function decimal(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return DASH;
  return nf({ maximumFractionDigits: digits, useGrouping: false }).format(x);
}

/** The decimal separator of the current language ("." or ","), for text that builds numbers itself. */
export function decimalSeparator(): string {
  return nf({ minimumFractionDigits: 1 }).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

const dateCache = new Map<string, Intl.DateTimeFormat>();
/** A date and time as the language writes it (lesson reports, run files). */
export function dateTime(d: Date | number | string): string {
  const key = lang.current;
  let f = dateCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang.current, { dateStyle: 'medium', timeStyle: 'short' });
    dateCache.set(key, f);
  }
  const date = d instanceof Date ? d : new Date(d);
  return Number.isFinite(date.getTime()) ? f.format(date) : DASH;
}
