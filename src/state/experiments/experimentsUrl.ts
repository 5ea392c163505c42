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

export { EXPERIMENT_BASE };

export interface ExperimentSettings extends ExperimentExtras {
  /** Data and GAN settings of the rebalancing experiment; seed and recipe are shared with hiring. */
  config: Config;
}

function rangeOf(key: keyof ExperimentExtras) {
  const row = EXPERIMENTS_TABLE.rows.find((r) => r.key === key) as NumberRow;
  return { min: row.min, max: row.max, default: EXPERIMENTS_TABLE.defaults[key] } as const;
}
export const STEPS_RANGE = rangeOf('steps');
export const HIRING_MINORITY_RANGE = rangeOf('hiringMinority');

const split = ({ steps, hiringMinority, ...config }: Config & ExperimentExtras): ExperimentSettings => ({ config, steps, hiringMinority });

export const DEFAULT_EXPERIMENTS: ExperimentSettings = split({ ...EXPERIMENTS_TABLE.defaults });

export function decodeExperiments(params: URLSearchParams): { settings: ExperimentSettings; notices: string[] } {
  const d = decodeTable(EXPERIMENTS_TABLE, params, { allowed: ['present', 'embed'] });
  const settings = split(d.settings);
  // the experiments need the two-group data
  if (settings.config.data !== 'groups') {
    settings.config.data = 'groups';
    d.notices.push('The experiments use the two-group data, so “Real data” was set to two groups.');
  }
  return { settings, notices: d.notices };
}

export const encodeExperiments = (s: ExperimentSettings, extra: Record<string, string> = {}): string =>
  encodeTable(EXPERIMENTS_TABLE, { ...s.config, steps: s.steps, hiringMinority: s.hiringMinority }, extra);
