/**
 * Memorisation during a live run: the training loop measures it on its own evaluations (the
 * 2,048 generated evaluation points against the run's training set and held-out twin), so any
 * loop — in the page or a worker — carries it. It is O(generated × n) work (about 8 ms at
 * n = 32, 20 ms at 500 and 130 ms at 2,000 on the lead's machine), so it runs at most once a
 * `MEMORISATION_INTERVAL_MS`, and never more often than ten times its own last cost.
 */
import type { PointSet } from '../data/datasets';
import { memorisation } from './memorisation';
import type { Memorisation } from './memorisation';
import { PRIVACY_MAX_POINTS } from './holdout';

export const MEMORISATION_INTERVAL_MS = 1000;
/** Suspicious generated points kept for the plot's copy lines. */
export const LIVE_SUSPICIOUS = 12;

export interface MemorisationSets {
  train: PointSet;
  holdout: PointSet;
}

export interface LiveMemorisation {
  /** The step of the evaluation it was measured on. */
  step: number;
  /** The generated points measured (rows of 2): the loop's evaluation sample of that step. */
  generated: Float32Array;
  value: Memorisation;
}

/** Whether a run's training set can have a held-out twin (16…2,000 points, at least two). */
export const memorisationApplies = (trainPoints: number) => trainPoints >= 2 && trainPoints <= PRIVACY_MAX_POINTS;

/** Decides when to measure, and measures. `now` is the host's clock (ms). */
export class MemorisationMeter {
  private last = -Infinity;
  private cost = 0;
  constructor(readonly sets: MemorisationSets, readonly intervalMs = MEMORISATION_INTERVAL_MS) {}

  due(now: number, force = false): boolean {
    return force || now - this.last >= Math.max(this.intervalMs, 10 * this.cost);
  }

  /** Measure `generated` (rows of 2) now; `clock` times it. */
  measure(generated: Float32Array, step: number, now: number, clock: () => number = () => now): LiveMemorisation {
    const t0 = clock();
    const value = memorisation({ x: generated, n: generated.length / 2, dim: 2 }, this.sets.train, this.sets.holdout, { suspicious: LIVE_SUSPICIOUS });
    this.cost = clock() - t0;
    this.last = now;
    return { step, generated, value };
  }
}
