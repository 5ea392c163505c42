/**
 * The faces view's link (`#/faces?darker=0.1&seed=3&size=16&backend=wasm`): its settings table
 * (core/settings/faces.ts) read and written by the shared link codec (state/shared/url.ts).
 */
import { FACES_TABLE } from '../../core/settings/faces';
import type { FaceSettings } from '../../core/settings/faces';
import { SKEW_PRESETS } from '../../core/skew/skew';
import { decodeTable, encodeTable } from '../shared/url';
import { fmt, t } from '../../i18n';

export type { FaceSettings };

export const DEFAULT_FACE_SETTINGS: Readonly<FaceSettings> = FACES_TABLE.defaults;

/** The skew presets, lighter/darker in percent: the same splits as the playground's (core/skew). */
export const FACE_PRESETS: readonly { label: string; darker: number }[] = SKEW_PRESETS.map((p) => ({ label: p.label, darker: p.config.minority ?? 0.5 }));

/** Keys the faces URL may carry besides settings. */
export const FACE_VIEW_KEYS = ['present', 'embed', 'play'] as const;

export interface DecodedFaces {
  settings: FaceSettings;
  notices: string[];
}

/** Round a share to whole tenths of a percent, so slider values stay short and presets match exactly. */
export const roundShare = (v: number) => Math.round(v * 1000) / 1000;

export function decodeFaces(params: URLSearchParams): DecodedFaces {
  const { settings, notices } = decodeTable(FACES_TABLE, params, { allowed: FACE_VIEW_KEYS, knownBy: t().faces.view.knownBy });
  return { settings, notices };
}

export const encodeFaces = (s: FaceSettings, extra: Record<string, string> = {}): string => encodeTable(FACES_TABLE, s, extra);

/** "90/10" for a darker share of 0.1 ("87.5/12.5", "87,5/12,5" in Spanish). */
export function splitLabel(darker: number): string {
  const d = Math.round(darker * 1000) / 10;
  return `${fmt.decimal(Math.round((100 - d) * 10) / 10, 1)}/${fmt.decimal(d, 1)}`;
}
