/**
 * The privacy–fidelity sweep (issue 14, item 6) as worker tasks: one call trains and measures
 * one noise multiplier σ (core/privacy/sweep.ts), so a job of several calls shows each σ as soon
 * as it finishes and cancelling keeps the σ already measured. Returning false from progress
 * stops the run (the task gives null).
 */
import { privacySweep } from '../../core/privacy/sweep';
import type { SweepPoint } from '../../core/privacy/sweep';
import type { Config } from '../../core/settings/config';
import type { TaskProgress, TaskTable } from '../shared/protocol';

export interface SweepPointArgs {
  sigma: number;
  steps: number;
  clip?: number;
}

/** One σ of the sweep on the sweep's small-n preset: null when stopped. */
export function sweepPoint(cfg: Config, a: SweepPointArgs, progress?: TaskProgress): SweepPoint | null {
  const r = privacySweep(cfg, { sigmas: [a.sigma], steps: a.steps, clip: a.clip, onProgress: progress && ((d, t) => progress(d, t)) });
  return r ? r[0] : null;
}

export const privacyTasks = {
  /** One σ of the privacy–fidelity sweep: [config, { sigma, steps, clip? }]. */
  'privacy.sweepPoint': (args: [cfg: Config, point: SweepPointArgs], progress: TaskProgress) => sweepPoint(args[0], args[1], progress),
} satisfies TaskTable;
