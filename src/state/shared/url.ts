/**
 * Hash routes and the one link codec of every view. A view's state lives in the hash's query
 * (`#/?seed=7&data=groups`) and is read and written by its settings table (core/settings):
 * decodeTable never throws — unknown keys and bad values are dropped or clamped, and each
 * becomes a notice that names what was ignored — and encodeTable writes only non-defaults.
 */
import { DEFAULT_CONFIG, PLAYGROUND_TABLE } from '../../core/settings/config';
import type { Config } from '../../core/settings/config';
import { clampNumber, roundForLink } from '../../core/settings/table';
import type { SettingRow, SettingsTable } from '../../core/settings/table';
import { t, isLang, LANGS } from '../../i18n';
import { settingLabel, settingWord } from '../../i18n/settings';

/** Every view the router knows, besides `notfound`; the docs test holds INTERFACE.md to it. */
export const ROUTE_NAMES = ['playground', 'faces', 'experiments', 'generations', 'lessons', 'lesson', 'teach', 'bench'] as const;
/** Views addressed by one path segment, `#/<name>`. */
const SINGLE_SEGMENT: readonly string[] = ['teach', 'bench', 'faces', 'experiments', 'generations'];

export type RouteName = (typeof ROUTE_NAMES)[number] | 'notfound';

export interface Route {
  name: RouteName;
  /** Lesson slug for the lesson route. */
  slug?: string;
  path: string;
  params: URLSearchParams;
}

/**
 * One address per view, used by the audits (axe, the off-origin request check): a route added
 * here is tested automatically.
 */
export const AUDIT_ROUTES: readonly string[] = ['#/', '#/?data=ring&present=1', '#/?data=drawn', '#/faces', '#/faces?present=1', '#/experiments', '#/generations', '#/lessons', '#/lessons/forger-and-detective', '#/teach', '#/bench', '#/no-such-page'];

/** Keys every view's link may carry: the interface language. */
export const GLOBAL_KEYS: readonly string[] = ['lang'];

/** Keys the URL may carry besides settings. */
export const VIEW_KEYS = ['lang', 'present', 'embed', 'manifold', 'arrows', 'field', 'heldout', 'copies', 'play', 'steps'] as const;

export function parseHash(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = raw.indexOf('?');
  let path = q >= 0 ? raw.slice(0, q) : raw;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  } catch {
    params = new URLSearchParams();
  }
  if (path === '' || path === '/') path = '/';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  const parts = decoded.split('/').filter(Boolean);
  let name: RouteName = 'notfound';
  let slug: string | undefined;
  if (parts.length === 0) name = 'playground';
  else if (parts[0] === 'lessons' && parts.length === 1) name = 'lessons';
  else if (parts[0] === 'lessons' && parts.length === 2) {
    name = 'lesson';
    slug = parts[1];
  } else if (parts.length === 1 && SINGLE_SEGMENT.includes(parts[0])) {
    name = parts[0] as RouteName;
  }
  return { name, slug, path: decoded, params };
}

/**
 * A number written in plain decimal ("3", "-0.25", "1e-3"), else NaN: Number() alone would also
 * take "0x10", "0b1", "Infinity" and "" and show a student a value the link never spelled out.
 */
export function parseDecimal(text: string): number {
  const s = text.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number(s) : NaN;
}

export { roundForLink };

/** A key or value of the link, quoted (and escaped, so a stray newline or quote shows as such). */
const shorten = (s: string) => t().shared.link.quote(s.length > 40 ? s.slice(0, 40) + '…' : s);

/** A value as a link writes it: integers whole, other numbers to 4 significant digits, words as they are. */
function formatValue(row: SettingRow, v: unknown): string {
  if (row.kind === 'enum' || row.kind === 'choice') return String(v);
  return row.kind === 'int' ? String(Math.round(v as number)) : String(roundForLink(v as number));
}

/**
 * A value as a notice names it: an option by its label in the interface language, a number as a
 * link writes it (the notice is about the link, so its numbers keep the link's notation).
 */
function describeValue(row: SettingRow, v: unknown): string {
  if (row.kind === 'enum' || row.kind === 'choice') {
    const label = row.options.find((o) => o.value === v)?.label;
    return label === undefined ? String(v) : settingWord(label);
  }
  return formatValue(row, v);
}

export interface DecodeOptions<T> {
  /** Settings a link that does not set them keeps (the table's defaults unless given). */
  base?: Readonly<T>;
  /** Keys that are not settings but may be in the link (view keys such as present=1): ignored silently. */
  allowed?: readonly string[];
  /** Who does not know an unknown key, in its notice, in the interface language (t().shared.link.knownBy). */
  knownBy?: string;
}

export interface DecodedTable<T> {
  settings: T;
  /** Settings the link set explicitly. */
  set: (keyof T & string)[];
  notices: string[];
}

/**
 * Settings from a link by a view's table. Never throws: a value out of range is clamped, an
 * integer rounded and any other number kept to 4 significant digits; a value that is not a
 * plain decimal number or not an option, an unknown key and a repeated key are dropped. Each of
 * these becomes a notice that names the key or value.
 */
export function decodeTable<T extends object>(table: SettingsTable<T>, params: URLSearchParams, opts: DecodeOptions<T> = {}): DecodedTable<T> {
  const settings = { ...(opts.base ?? table.defaults) } as T;
  const out = settings as Record<string, unknown>;
  const allowed = opts.allowed ?? VIEW_KEYS;
  const notices: string[] = [];
  const say = t().shared.link;
  const set: (keyof T & string)[] = [];
  const seen = new Set<string>();
  for (const [rawKey, rawValue] of params) {
    const key = rawKey.trim();
    if (seen.has(key)) {
      notices.push(say.twice(shorten(rawKey)));
      continue;
    }
    seen.add(key);
    const row = table.rows.find((r) => r.url === key);
    if (!row && key === 'lang' && !isLang(rawValue.trim().toLowerCase())) {
      notices.push(say.badLang(shorten(rawValue), LANGS.join(', ')));
      continue;
    }
    if (!row) {
      if (!allowed.includes(key) && !GLOBAL_KEYS.includes(key)) notices.push(say.unknown(shorten(rawKey), opts.knownBy ?? say.knownBy));
      continue;
    }
    const value = rawValue.trim();
    const label = settingLabel(row);
    const kept = describeValue(row, out[row.key]);
    if (row.kind === 'enum' || row.kind === 'choice') {
      const opt = row.kind === 'enum' ? row.options.find((o) => o.value === value) : row.options.find((o) => o.value === parseDecimal(value));
      if (!opt) {
        notices.push(say.notOption(label, shorten(value), row.options.map((o) => o.value).join(', '), kept));
        continue;
      }
      out[row.key] = opt.value;
    } else {
      const num = parseDecimal(value);
      const c = clampNumber(row, num);
      if (c === null) {
        notices.push(say.notNumber(label, shorten(value), kept));
        continue;
      }
      if (c !== num) {
        const shown = shorten(value);
        const used = formatValue(row, c);
        if (num < row.min || num > row.max) notices.push(say.outside(label, shown, formatValue(row, row.min), formatValue(row, row.max), used));
        else notices.push(row.kind === 'int' ? say.notWhole(label, shown, used) : say.tooPrecise(label, shown, used));
      }
      out[row.key] = c;
    }
    set.push(row.key);
  }
  return { settings, set, notices };
}

/** A view's link: only settings that differ from the table's defaults, in table order, then `extra`. */
export function encodeTable<T extends object>(table: SettingsTable<T>, settings: Readonly<T>, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  const values = settings as Record<string, unknown>;
  const defaults = table.defaults as Record<string, unknown>;
  for (const row of table.rows) {
    const v = formatValue(row, values[row.key]);
    if (v !== formatValue(row, defaults[row.key])) p.set(row.url, v);
  }
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

export interface Decoded {
  config: Config;
  /** Settings the URL set explicitly. */
  set: (keyof Config)[];
  notices: string[];
}

/** The playground's settings from a link, over a base config (its table's defaults unless given). */
export function decodeConfig(params: URLSearchParams, base: Config = DEFAULT_CONFIG, allowed: readonly string[] = VIEW_KEYS): Decoded {
  const d = decodeTable(PLAYGROUND_TABLE, params, { base, allowed });
  return { config: d.settings, set: d.set, notices: d.notices };
}

/** The playground's link: only settings that differ from the defaults, in SETTINGS order. */
export const encodeConfig = (config: Config, extra: Record<string, string> = {}): string => encodeTable(PLAYGROUND_TABLE, config, extra);

export function hashFor(path: string, query: string): string {
  return `#${path}${query ? `?${query}` : ''}`;
}

/** `list` with the entries of `before` (the last link's notices) replaced by `after`, in place. */
export function rewordNotices(list: readonly string[], before: readonly string[], after: readonly string[]): string[] {
  const out = [...list];
  const at = before.map((n) => out.indexOf(n)).filter((i) => i >= 0);
  if (at.length !== before.length || before.length !== after.length) return [...out.filter((n) => !before.includes(n)), ...after];
  at.forEach((i, k) => (out[i] = after[k]));
  return out;
}
