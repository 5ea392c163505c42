/**
 * The experiments view's link (#/experiments): its settings table (core/settings/experiments.ts:
 * the playground's keys for the rebalancing experiment's data and both GANs, `steps` and
 * `hminority`) read and written by the shared link codec (state/shared/url.ts).
 */
import type { Config } from '../../core/settings/config';
import { EXPERIMENTS_TABLE, EXPERIMENT_BASE } from '../../core/settings/experiments';
import type { ExperimentExtras } from '../../core/settings/experiments';
import type { NumberRow } from '../../core/settings/table';
import { decodeTable, encodeTable } from '../shared/url';
import { DEFAULT_SIGMAS } from '../../core/privacy/sweep';
import { fmt, t } from '../../i18n';
import { settingWord } from '../../i18n/settings';

export { EXPERIMENT_BASE };

export interface ExperimentSettings extends ExperimentExtras {
  /** Data and GAN settings of the rebalancing experiment; seed and recipe are shared with hiring. */
  config: Config;
  /** Noise multipliers of the privacy–fidelity sweep (link key `sigmas`, comma-separated). */
  sigmas: number[];
}

function rangeOf(key: keyof ExperimentExtras) {
  const row = EXPERIMENTS_TABLE.rows.find((r) => r.key === key) as NumberRow;
  return { min: row.min, max: row.max, default: EXPERIMENTS_TABLE.defaults[key] } as const;
}
export const STEPS_RANGE = rangeOf('steps');
export const HIRING_MINORITY_RANGE = rangeOf('hiringMinority');
export const SWEEP_STEPS_RANGE = rangeOf('sweepSteps');

const split = ({ steps, hiringMinority, sweepSteps, ...config }: Config & ExperimentExtras, sigmas: number[] = [...DEFAULT_SIGMAS]): ExperimentSettings => ({
  config,
  steps,
  hiringMinority,
  sweepSteps,
  sigmas,
});

export const DEFAULT_EXPERIMENTS: ExperimentSettings = split({ ...EXPERIMENTS_TABLE.defaults });

/** The most noise multipliers a sweep runs, and the largest σ. */
export const MAX_SIGMAS = 8;
export const MAX_SIGMA = 20;

/**
 * Noise multipliers from text such as "0, 0.5, 2": sorted, repeats dropped. Bad text gives an
 * error sentence and no list (the caller keeps what it had).
 */
export function parseSigmas(text: string): { sigmas: number[] } | { error: string } {
  const m = t().experiments.privacy.sigmaErrors;
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  if (!parts.length) return { error: m.none };
  const vals = parts.map(Number);
  const bad = parts.find((_, i) => !Number.isFinite(vals[i]) || vals[i] < 0 || vals[i] > MAX_SIGMA);
  if (bad !== undefined) return { error: m.bad(bad.slice(0, 12), fmt.int(MAX_SIGMA)) };
  const sigmas = [...new Set(vals.map((v) => Number(v.toPrecision(4))))].sort((a, b) => a - b);
  if (sigmas.length > MAX_SIGMAS) return { error: m.tooMany(fmt.int(MAX_SIGMAS)) };
  return { sigmas };
}

export function decodeExperiments(params: URLSearchParams): { settings: ExperimentSettings; notices: string[] } {
  const d = decodeTable(EXPERIMENTS_TABLE, params, { allowed: ['present', 'embed', 'sigmas'] });
  const settings = split(d.settings);
  const raw = params.get('sigmas');
  if (raw !== null) {
    const p = parseSigmas(raw);
    if ('error' in p) d.notices.push(t().experiments.notices.sigmas(p.error));
    else settings.sigmas = p.sigmas;
  }
  // the experiments need the two-group data
  if (settings.config.data !== 'groups') {
    settings.config.data = 'groups';
    d.notices.push(t().experiments.notices.groups(settingWord('Real data')));
  }
  return { settings, notices: d.notices };
}

export const encodeExperiments = (s: ExperimentSettings, extra: Record<string, string> = {}): string =>
  encodeTable(
    EXPERIMENTS_TABLE,
    { ...s.config, steps: s.steps, hiringMinority: s.hiringMinority, sweepSteps: s.sweepSteps },
    sameSigmas(s.sigmas, DEFAULT_SIGMAS) ? extra : { ...extra, sigmas: s.sigmas.join(',') },
  );

const sameSigmas = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);
