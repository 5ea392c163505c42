/**
 * The experiments view's settings table (`#/experiments`): the playground's rows for the
 * rebalancing experiment's data and both GANs (with a 10% minority by default), the training
 * steps per GAN and the hiring case's minority share.
 */
import { PLAYGROUND_TABLE } from './config';
import type { Config, SettingSection } from './config';
import { extendTable } from './table';
import type { NumberRow } from './table';
import { DEFAULT_HIRING } from '../experiments/hiring';
import { SWEEP_STEPS } from '../privacy/sweep';

export interface ExperimentExtras {
  steps: number;
  /** Minority share of the hiring case's applicants. */
  hiringMinority: number;
  /** Training steps of each σ of the privacy–fidelity sweep (core/privacy/sweep.ts). */
  sweepSteps: number;
}

/** The experiments' data and GAN settings when the link sets none: two groups, a 10% minority. */
export const EXPERIMENT_BASE: Readonly<Config> = Object.freeze({ ...PLAYGROUND_TABLE.defaults, data: 'groups', minority: 0.1 });

const STEPS: NumberRow<'steps', 'training'> = { key: 'steps', url: 'steps', kind: 'int', section: 'training', min: 50, max: 20000, step: 100,
  label: 'Training steps', help: 'Training steps of each GAN.' };
const HIRING_MINORITY: NumberRow<'hiringMinority', 'data'> = { key: 'hiringMinority', url: 'hminority', kind: 'float', section: 'data', min: 0.05, max: 0.5, step: 0.01,
  format: 'percent', label: 'Minority share of applicants', help: 'How many of the hiring case’s applicants belong to the smaller group.' };

const SWEEP_STEPS_ROW: NumberRow<'sweepSteps', 'training'> = { key: 'sweepSteps', url: 'psteps', kind: 'int', section: 'training', min: 20, max: 10000, step: 100,
  label: 'Steps per noise level', help: 'Training steps of each run of the privacy–fidelity sweep (one run per noise multiplier σ).' };

export const EXPERIMENTS_TABLE = extendTable<Config, ExperimentExtras, SettingSection>(
  PLAYGROUND_TABLE,
  [STEPS, HIRING_MINORITY, SWEEP_STEPS_ROW],
  Object.freeze({ ...EXPERIMENT_BASE, steps: 3000, hiringMinority: DEFAULT_HIRING.minority, sweepSteps: SWEEP_STEPS }),
);
