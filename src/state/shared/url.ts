/**
 * Hash routes and the URL codec. The state lives in the hash's query (`#/?seed=7&data=groups`).
 * Decoding never throws: unknown keys and bad values are dropped or clamped, and each becomes
 * a notice that names what was ignored.
 */
import { DEFAULT_CONFIG, SETTINGS, clampSetting } from '../../core/settings/config';
import type { Config, NumberSetting } from '../../core/settings/config';

export type RouteName = 'playground' | 'lessons' | 'lesson' | 'teach' | 'bench' | 'faces' | 'experiments' | 'notfound';

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
export const AUDIT_ROUTES: readonly string[] = ['#/', '#/?data=ring&present=1', '#/?data=drawn', '#/faces', '#/faces?present=1', '#/experiments', '#/lessons', '#/lessons/forger-and-detective', '#/teach', '#/bench', '#/no-such-page'];

/** Keys the URL may carry besides settings. */
export const VIEW_KEYS = ['present', 'embed', 'manifold', 'arrows', 'field', 'play', 'steps'] as const;

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
  } else if (parts.length === 1 && (parts[0] === 'teach' || parts[0] === 'bench' || parts[0] === 'faces' || parts[0] === 'experiments')) {
    name = parts[0];
  }
  return { name, slug, path: decoded, params };
}

/**
 * A number written in plain decimal ("3", "-0.25", "1e-3"), else NaN: Number() alone would also
 * take "0x10", "0b1", "Infinity" and "" and show a student a value the link never spelled out.
 */
export function parseDecimal(text: string): number {
  const t = text.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN;
}

/** Links keep 4 significant digits of a non-integer setting; decoding keeps the same. */
export const roundForLink = (v: number) => Number(v.toPrecision(4));

function formatNumber(s: NumberSetting, v: number): string {
  if (s.kind === 'int') return String(Math.round(v));
  return String(roundForLink(v));
}

export interface Decoded {
  config: Config;
  /** Settings the URL set explicitly. */
  set: (keyof Config)[];
  notices: string[];
}

/**
 * Settings from URL parameters over a base config. Keys that are not settings are ignored
 * silently only when listed in `allowed` (view keys such as present=1).
 */
export function decodeConfig(params: URLSearchParams, base: Config = DEFAULT_CONFIG, allowed: readonly string[] = VIEW_KEYS): Decoded {
  const config: Config = { ...base };
  const notices: string[] = [];
  const set: (keyof Config)[] = [];
  const seen = new Set<string>();
  for (const [rawKey, rawValue] of params) {
    const key = rawKey.trim();
    const shown = JSON.stringify(rawKey.length > 40 ? rawKey.slice(0, 40) + '…' : rawKey);
    if (seen.has(key)) {
      notices.push(`The link sets ${shown} twice; the first value was used.`);
      continue;
    }
    seen.add(key);
    const s = SETTINGS.find((x) => x.url === key);
    if (!s) {
      if (!allowed.includes(key)) notices.push(`The link’s setting ${shown} is not one ForgeLab knows, so it was ignored.`);
      continue;
    }
    const value = rawValue.trim();
    const shownValue = JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
    if (s.kind === 'enum') {
      const opt = s.options.find((o) => o.value === value);
      if (!opt) {
        notices.push(`${s.label}: ${shownValue} is not an option (${s.options.map((o) => o.value).join(', ')}), so the default was kept.`);
        continue;
      }
      (config as unknown as Record<string, unknown>)[s.key] = opt.value;
      set.push(s.key);
    } else {
      const num = parseDecimal(value);
      const c = clampSetting(s, num);
      const clamped = c === null || s.kind === 'int' ? c : roundForLink(c);
      if (clamped === null) {
        notices.push(`${s.label}: ${shownValue} is not a number, so the default was kept.`);
        continue;
      }
      if (clampSetting(s, num) !== num) {
        notices.push(`${s.label}: ${shownValue} is outside ${formatNumber(s, s.min)}–${formatNumber(s, s.max)}${s.kind === 'int' && num >= s.min && num <= s.max ? ' or not whole' : ''}, so ${formatNumber(s, clamped)} was used.`);
      }
      (config as unknown as Record<string, unknown>)[s.key] = clamped;
      set.push(s.key);
    }
  }
  return { config, set, notices };
}

/** Only settings that differ from the defaults go into the URL, in SETTINGS order. */
export function encodeConfig(config: Config, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const s of SETTINGS) {
    const v = config[s.key];
    if (v === DEFAULT_CONFIG[s.key]) continue;
    p.set(s.url, s.kind === 'enum' ? String(v) : formatNumber(s, v as number));
  }
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

export function hashFor(path: string, query: string): string {
  return `#${path}${query ? `?${query}` : ''}`;
}
