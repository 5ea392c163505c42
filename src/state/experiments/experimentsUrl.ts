/**
 * The URL codec of the experiments view (#/experiments). Keys: the playground's settings keys
 * (seed, recipe, minority, place, n, …) for the rebalancing experiment's data and both GANs,
 * `steps` (training steps per GAN) and `hminority` (the hiring case's minority share). Never
 * throws; out-of-range values are clamped and unknown keys ignored, each with a notice.
 */
import { DEFAULT_CONFIG } from '../../core/settings/config';
import type { Config } from '../../core/settings/config';
import { DEFAULT_HIRING } from '../../core/experiments/hiring';
import { decodeConfig, encodeConfig, parseDecimal, roundForLink } from '../shared/url';

export interface ExperimentSettings {
  /** Data and GAN settings of the rebalancing experiment; seed and recipe are shared with hiring. */
  config: Config;
  steps: number;
  /** Minority share of the hiring case's applicants. */
  hiringMinority: number;
}

export const EXPERIMENT_BASE: Readonly<Config> = Object.freeze({ ...DEFAULT_CONFIG, data: 'groups', minority: 0.1 });
export const STEPS_RANGE = { min: 50, max: 20000, default: 3000 } as const;
export const HIRING_MINORITY_RANGE = { min: 0.05, max: 0.5, default: DEFAULT_HIRING.minority } as const;

export const DEFAULT_EXPERIMENTS: ExperimentSettings = {
  config: { ...EXPERIMENT_BASE },
  steps: STEPS_RANGE.default,
  hiringMinority: HIRING_MINORITY_RANGE.default,
};

const EXTRA_KEYS = ['steps', 'hminority', 'present', 'embed'];

function clampNumber(
  raw: string | null,
  range: { min: number; max: number; default: number },
  label: string,
  notices: string[],
  int: boolean,
): number {
  if (raw === null) return range.default;
  const v = parseDecimal(raw);
  if (!Number.isFinite(v)) {
    notices.push(`${label}: ${JSON.stringify(raw.slice(0, 40))} is not a number, so ${range.default} was used.`);
    return range.default;
  }
  const inRange = Math.min(range.max, Math.max(range.min, int ? Math.round(v) : v));
  const c = int ? inRange : roundForLink(inRange);
  if (inRange !== v) notices.push(`${label}: ${JSON.stringify(raw.slice(0, 40))} is outside ${range.min}–${range.max}${int && v >= range.min && v <= range.max ? ' or not whole' : ''}, so ${c} was used.`);
  return c;
}

export function decodeExperiments(params: URLSearchParams): { settings: ExperimentSettings; notices: string[] } {
  const decoded = decodeConfig(params, EXPERIMENT_BASE, EXTRA_KEYS);
  const notices = [...decoded.notices];
  // the experiments need the two-group data
  const config: Config = { ...decoded.config, data: 'groups' };
  if (decoded.config.data !== 'groups') notices.push('The experiments use the two-group data, so “Real data” was set to two groups.');
  const steps = clampNumber(params.get('steps'), STEPS_RANGE, 'Training steps', notices, true);
  const hiringMinority = clampNumber(params.get('hminority'), HIRING_MINORITY_RANGE, 'Minority share of applicants', notices, false);
  return { settings: { config, steps, hiringMinority }, notices };
}

export function encodeExperiments(s: ExperimentSettings, extra: Record<string, string> = {}): string {
  const keep: Record<string, string> = {};
  if (s.steps !== STEPS_RANGE.default) keep.steps = String(s.steps);
  if (s.hiringMinority !== HIRING_MINORITY_RANGE.default) keep.hminority = String(roundForLink(s.hiringMinority));
  const query = new URLSearchParams(encodeConfig(s.config, { ...keep, ...extra }));
  // the experiments' own default minority share is 10%: leave it out of the link
  if (s.config.minority === EXPERIMENT_BASE.minority) query.delete('minority');
  else if (!query.has('minority')) query.set('minority', String(s.config.minority));
  return query.toString();
}
