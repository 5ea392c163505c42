/**
 * One headless privacy run of a 2-D config: train on the config's training set (optionally with
 * DP-SGD on the detective), then measure memorisation against the held-out twin, fidelity
 * against fresh real data, and both per group. The sweep and the claim tests run through here.
 */
import type { Config } from '../settings/config';
import { makeSource } from '../data/datasets';
import { Trainer, specFromConfig } from '../gan/trainer';
import type { DpOptions } from '../gan/dp';
import { makeEvalContext } from '../metrics/evaluate';
import { assignGroup, OFF_DATA } from '../metrics/groups';
import { coverage, jsOfPoints, representationRatio } from '../metrics/metrics';
import type { StepProgress } from '../runs/trainAndEvaluate';
import { Rng } from '../shared/rng';
import { trainAndHoldout } from './holdout';
import { memorisation } from './memorisation';
import type { Memorisation } from './memorisation';
import { epsilon } from './accountant';
import type { EpsilonResult } from './accountant';

export interface PrivacyRunOptions {
  steps: number;
  dp?: DpOptions;
  /** Generated points measured (default 2,048, the playground's evaluation size). */
  samples?: number;
  onProgress?: StepProgress;
  /** Progress every this many steps (default 50). */
  every?: number;
}

export interface GroupFidelity {
  group: number;
  /** Share of generated points assigned to the group (core/metrics/groups.ts), and of real points. */
  share: number;
  realShare: number;
  /** share / realShare (1 = faithful). */
  ratio: number;
  /** Coverage (Naeem et al. 2020, k = 5) of the group's fresh real points. */
  coverage: number;
  /** JS (bits) between the group's generated points and its fresh real points, 32×32 grid. */
  js: number;
}

export interface PrivacyRunResult {
  seed: number;
  points: number;
  steps: number;
  /**
   * Fidelity: JS divergence (bits, core/metrics jsOfPoints on the 32×32 grid) between the
   * generated points and the run's fixed fresh real reference sample (2,048 points never trained
   * on, core/metrics/evaluate makeEvalContext), with its noise floor.
   */
  js: number;
  floor: number;
  offData: number;
  perGroup: GroupFidelity[];
  memorisation: Memorisation;
  /** The budget spent, at δ = 1/n (absent without DP). */
  epsilon?: EpsilonResult;
  delta?: number;
  /** The generated points measured (samples × 2). */
  generated: Float32Array;
}

/** Train and measure one run; null when progress asked to stop. */
export function privacyRun(cfg: Config, opts: PrivacyRunOptions): PrivacyRunResult | null {
  const source = makeSource(cfg);
  const { train, holdout } = trainAndHoldout(source, cfg.points, cfg.seed);
  const trainer = new Trainer({ ...specFromConfig(cfg), dp: opts.dp }, train);
  let generated: Float32Array;
  const every = opts.every ?? 50;
  try {
    for (let s = 1; s <= opts.steps; s++) {
      trainer.step();
      if (opts.onProgress && (s % every === 0 || s === opts.steps) && opts.onProgress(s, opts.steps) === false) return null;
    }
    const t = trainer.sample(new Rng(cfg.seed).fork('privacy-evaluation'), opts.samples ?? 2048);
    generated = t.dataSync() as Float32Array;
    t.dispose();
  } finally {
    trainer.dispose();
  }
  const n = generated.length / 2;
  const ctx = makeEvalContext(source, cfg.seed);
  const ref = ctx.reference;
  const groups = Int32Array.from({ length: n }, (_, i) => assignGroup(ctx.density, generated[2 * i], generated[2 * i + 1]));
  const perGroup: GroupFidelity[] = source.groups.map((_, g) => {
    const mine: number[] = [];
    for (let i = 0; i < n; i++) if (groups[i] === g) mine.push(generated[2 * i], generated[2 * i + 1]);
    const realMine: number[] = [];
    for (let i = 0; i < ref.n; i++) if (ref.g[i] === g) realMine.push(ref.x[2 * i], ref.x[2 * i + 1]);
    const share = mine.length / 2 / n;
    return {
      group: g,
      share,
      realShare: ctx.realShares[g],
      ratio: representationRatio(share, ctx.realShares[g]),
      coverage: coverage(ref.x, ref.n, generated, n, 2, 5, (i) => ref.g[i] === g),
      js: mine.length ? jsOfPoints(mine, mine.length / 2, realMine, realMine.length / 2) : 1,
    };
  });
  const delta = 1 / train.n;
  return {
    seed: cfg.seed,
    points: train.n,
    steps: opts.steps,
    js: jsOfPoints(generated, n, ref.x, ref.n),
    floor: ctx.floor,
    offData: groups.filter((g) => g === OFF_DATA).length / n,
    perGroup,
    memorisation: memorisation({ x: generated, n, dim: 2 }, train, holdout, { generatedGroups: groups }),
    epsilon: opts.dp ? epsilon({ q: Math.min(1, cfg.batch / train.n), sigma: opts.dp.sigma, steps: opts.steps * cfg.dSteps, delta }) : undefined,
    delta: opts.dp ? delta : undefined,
    generated,
  };
}
