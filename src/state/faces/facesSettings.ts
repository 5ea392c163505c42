/**
 * The faces view's settings and their URL codec (`#/faces?darker=0.1&seed=3&size=16&backend=wasm`).
 * Like state/url.ts for the playground: decoding never throws, out-of-range values are clamped,
 * unknown keys and bad values are dropped, and each becomes a notice that names it. Only
 * non-default settings are written back.
 */
import type { BackendChoice } from '../../core/settings/config';
import { parseDecimal } from '../shared/url';
import { FACE_SIZES, MAX_DARKER_SHARE, MIN_DARKER_SHARE } from '../../core/faces/faces';
import type { FaceSize } from '../../core/faces/faces';

export interface FaceSettings {
  /** Share of darker-toned faces in the training set, 0.01–0.5. */
  darker: number;
  seed: number;
  size: FaceSize;
  backend: BackendChoice;
}

export const DEFAULT_FACE_SETTINGS: Readonly<FaceSettings> = Object.freeze({ darker: 0.1, seed: 1, size: 16, backend: 'auto' });

/** The skew presets, lighter/darker in percent. */
export const FACE_PRESETS: readonly { label: string; darker: number }[] = [
  { label: '50/50', darker: 0.5 },
  { label: '70/30', darker: 0.3 },
  { label: '90/10', darker: 0.1 },
  { label: '97/3', darker: 0.03 },
];

/** Keys the faces URL may carry besides settings. */
export const FACE_VIEW_KEYS = ['present', 'embed', 'play'] as const;

const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'webgl', 'wasm', 'cpu'];
const SEED_MAX = 999999;

export interface DecodedFaces {
  settings: FaceSettings;
  notices: string[];
}

const show = (s: string) => JSON.stringify(s.length > 40 ? s.slice(0, 40) + '…' : s);

/** Round a share to whole tenths of a percent, so URLs stay short and presets match exactly. */
export const roundShare = (v: number) => Math.round(v * 1000) / 1000;

export function decodeFaces(params: URLSearchParams): DecodedFaces {
  const settings: FaceSettings = { ...DEFAULT_FACE_SETTINGS };
  const notices: string[] = [];
  const seen = new Set<string>();
  for (const [rawKey, rawValue] of params) {
    const key = rawKey.trim();
    const value = rawValue.trim();
    if (seen.has(key)) {
      notices.push(`The link sets ${show(rawKey)} twice; the first value was used.`);
      continue;
    }
    seen.add(key);
    const num = parseDecimal(value);
    switch (key) {
      case 'darker': {
        if (!Number.isFinite(num)) {
          notices.push(`Darker share: ${show(value)} is not a number, so ${DEFAULT_FACE_SETTINGS.darker} was kept.`);
          break;
        }
        const v = roundShare(Math.min(MAX_DARKER_SHARE, Math.max(MIN_DARKER_SHARE, num)));
        if (v !== num) notices.push(`Darker share: ${show(value)} is outside ${MIN_DARKER_SHARE}–${MAX_DARKER_SHARE}${num >= MIN_DARKER_SHARE && num <= MAX_DARKER_SHARE ? ' or too finely split' : ''}, so ${v} was used.`);
        settings.darker = v;
        break;
      }
      case 'seed': {
        if (!Number.isFinite(num)) {
          notices.push(`Seed: ${show(value)} is not a number, so ${DEFAULT_FACE_SETTINGS.seed} was kept.`);
          break;
        }
        const v = Math.round(Math.min(SEED_MAX, Math.max(1, num)));
        if (v !== num) notices.push(`Seed: ${show(value)} is outside 1–${SEED_MAX} or not whole, so ${v} was used.`);
        settings.seed = v;
        break;
      }
      case 'size': {
        const v = FACE_SIZES.find((s) => s === num);
        if (v === undefined) notices.push(`Image size: ${show(value)} is not an option (${FACE_SIZES.join(', ')}), so ${DEFAULT_FACE_SETTINGS.size} was kept.`);
        else settings.size = v;
        break;
      }
      case 'backend': {
        const v = BACKEND_CHOICES.find((b) => b === value);
        if (!v) notices.push(`Compute backend: ${show(value)} is not an option (${BACKEND_CHOICES.join(', ')}), so the automatic choice was kept.`);
        else settings.backend = v;
        break;
      }
      default:
        if (!(FACE_VIEW_KEYS as readonly string[]).includes(key)) notices.push(`The link’s setting ${show(rawKey)} is not one the faces view knows, so it was ignored.`);
    }
  }
  return { settings, notices };
}

export function encodeFaces(s: FaceSettings, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (s.darker !== DEFAULT_FACE_SETTINGS.darker) p.set('darker', String(roundShare(s.darker)));
  if (s.seed !== DEFAULT_FACE_SETTINGS.seed) p.set('seed', String(s.seed));
  if (s.size !== DEFAULT_FACE_SETTINGS.size) p.set('size', String(s.size));
  if (s.backend !== DEFAULT_FACE_SETTINGS.backend) p.set('backend', s.backend);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

/** "90/10" for a darker share of 0.1. */
export function splitLabel(darker: number): string {
  const d = Math.round(darker * 1000) / 10;
  return `${Math.round((100 - d) * 10) / 10}/${d}`;
}
