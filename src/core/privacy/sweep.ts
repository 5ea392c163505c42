/**
 * The privacy–fidelity sweep: the same small-n run trained with DP-SGD on the detective at
 * several noise multipliers σ, each measured for its budget ε, its fidelity and its memorisation,
 * overall and per group, so the view can show what privacy costs and on whom it falls
 * (Bagdasaryan et al. 2019: DP costs under-represented groups more).
 *
 * Pure and headless (a worker task): a progress callback reports steps done over the whole
 * sweep and may return false to stop, which makes the sweep return null.
 */
import type { Config } from '../settings/config';
import { privacyRun } from './run';
import type { GroupFidelity } from './run';
import type { EpsilonResult } from './accountant';

export const DEFAULT_SIGMAS: readonly number[] = [0, 0.5, 1, 2, 4];

/** The sweep's small-n preset: 200 training points (an 80/20 split: 40 minority points), plain game. */
export const SWEEP_PRESET: Partial<Config> = { points: 200, recipe: 'plain' };
export const SWEEP_STEPS = 2000;
export const SWEEP_CLIP = 1;

export interface SweepOptions {
  /** Noise multipliers, one run each (default 0, 0.5, 1, 2, 4). σ = 0 still clips, adds no noise (ε = ∞). */
  sigmas?: readonly number[];
  /** Training steps per run (default 2,000). */
  steps?: number;
  /** Clipping norm C (default 1). */
  clip?: number;
  /** Steps done over the whole sweep, of the total; return false to stop. */
  onProgress?: (done: number, total: number) => boolean | void;
}

export interface SweepGroup extends GroupFidelity {
  /** Closer-to-train share among the group's generated points. */
  closerToTrain: number;
}

export interface SweepPoint {
  sigma: number;
  /** ε at δ = 1/n for the run's q, σ and steps. */
  epsilon: EpsilonResult;
  delta: number;
  /** Fidelity: JS (bits) to the fresh real reference sample, and its floor (core/privacy/run.ts). */
  js: number;
  floor: number;
  closerToTrain: number;
  copyRate: number;
  holdoutCopyRate: number;
  offData: number;
  perGroup: SweepGroup[];
}

/**
 * Run the sweep for a config (the preset's points and recipe applied over it unless `cfg` is
 * passed through as is with `usePreset: false`).
 */
export function privacySweep(cfg: Config, opts: SweepOptions = {}, usePreset = true): SweepPoint[] | null {
  const sigmas = opts.sigmas ?? DEFAULT_SIGMAS;
  const steps = opts.steps ?? SWEEP_STEPS;
  const clip = opts.clip ?? SWEEP_CLIP;
  const run = usePreset ? { ...cfg, ...SWEEP_PRESET } : cfg;
  const total = sigmas.length * steps;
  const out: SweepPoint[] = [];
  for (const [k, sigma] of sigmas.entries()) {
    const r = privacyRun(run, {
      steps,
      dp: { clip, sigma, noiseSeed: run.seed },
      onProgress: opts.onProgress && ((s) => opts.onProgress!(k * steps + s, total)),
    });
    if (!r) return null;
    const m = r.memorisation;
    out.push({
      sigma,
      epsilon: r.epsilon!,
      delta: r.delta!,
      js: r.js,
      floor: r.floor,
      closerToTrain: m.closerToTrain,
      copyRate: m.copyRate,
      holdoutCopyRate: m.holdoutCopyRate,
      offData: r.offData,
      perGroup: r.perGroup.map((g, i) => ({ ...g, closerToTrain: m.perGroup[i]?.closerToTrain ?? NaN })),
    });
  }
  return out;
}
