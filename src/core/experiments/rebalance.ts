/**
 * "Fix it with synthetic data" (issue 4, item 4): from a skewed two-group training set, top the
 * minority up to a target share (50%) with generated minority points, made two ways:
 *   (a) full-data GAN: a GAN trained on all training points; its samples are assigned to groups
 *       by real density (groups.ts) and those landing in the minority are kept;
 *   (b) minority GAN: a GAN trained on the minority's training points alone.
 * Each arm is compared with fresh, held-out real minority points: coverage (Naeem et al. 2020,
 * k = 5, balls among the held-out points), per-axis standard deviation, and for the plot which
 * held-out points no synthetic point covers (the part of the real minority the fix misses).
 * A reference arm of fresh real minority points (as many as the top-up) shows what a perfect
 * forger would score with the same number of points.
 */
import { tf } from '../shared/tf';
import type { Config } from '../settings/config';
import { makeSource, trainingSet } from '../data/datasets';
import type { PointSet } from '../data/datasets';
import type { Trainer } from '../gan/trainer';
import { trainFor } from '../runs/trainAndEvaluate';
import { assignGroup, densityOfSource } from '../metrics/groups';
import type { GroupDensity } from '../metrics/groups';
import { kthNeighbourSq } from '../metrics/metrics';
import { Rng } from '../shared/rng';
import { runConfig } from '../skew/skew';
import type { Progress } from '../skew/skew';

export const MINORITY = 1;
export const HELD_OUT_MINORITY = 1000;
/** Stop looking for minority points in the full GAN's output after this many samples. */
export const MAX_FULL_GAN_SAMPLES = 262_144;
const CHUNK = 8192;

export interface RebalanceSetup {
  /** The skewed data and GAN settings (seed, minority, place, points, recipe, …). */
  config: Config;
  steps: number;
  /** Minority share after topping up (default 0.5). */
  target: number;
  /** Held-out real minority points compared against. */
  heldOut: number;
}

export interface ArmResult {
  id: 'full-gan' | 'minority-gan' | 'fresh-real';
  label: string;
  /** The synthetic minority points (n × 2). */
  points: Float32Array;
  n: number;
  /** Points asked for; n < requested when the full GAN made too few minority points. */
  requested: number;
  /** Generated points drawn to find them (full-data GAN only; else n). */
  drawn: number;
  /** Fraction of held-out real minority points whose k-NN ball holds a point of this arm. */
  coverage: number;
  /** Per-axis standard deviation [x, y] and mean of the arm's points. */
  std: [number, number];
  mean: [number, number];
  /** Per held-out point: 1 covered, 0 missed (for the "what is missed" plot). */
  covered: Uint8Array;
}

export interface RebalanceResult {
  setup: RebalanceSetup;
  training: PointSet;
  /** Majority and minority counts in the training set, and how many points the top-up adds. */
  counts: { majority: number; minority: number; topUp: number };
  /** Held-out real minority points (n × 2). */
  heldOut: PointSet;
  heldOutStd: [number, number];
  heldOutMean: [number, number];
  /** Spread of the real minority training points. */
  trainingStd: [number, number];
  arms: { fullGan: ArmResult; minorityGan: ArmResult; freshReal: ArmResult };
}

/** Mean and per-axis standard deviation of 2-D points. */
export function spread(x: ArrayLike<number>, n: number): { mean: [number, number]; std: [number, number] } {
  // With no point there is no mean; with one there is no spread. Say so (NaN), never 0.
  if (n < 1) return { mean: [NaN, NaN], std: [NaN, NaN] };
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[2 * i];
    my += x[2 * i + 1];
  }
  mx /= n;
  my /= n;
  if (n < 2) return { mean: [mx, my], std: [NaN, NaN] };
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i++) {
    vx += (x[2 * i] - mx) ** 2;
    vy += (x[2 * i + 1] - my) ** 2;
  }
  return { mean: [mx, my], std: [Math.sqrt(vx / (n - 1)), Math.sqrt(vy / (n - 1))] };
}

/**
 * Per real point, 1 when its k-NN ball (radius = distance to its k-th nearest other real point)
 * holds at least one generated point. The mean of the flags is metrics.coverage.
 */
export function coveredFlags(
  real: ArrayLike<number>,
  nReal: number,
  gen: ArrayLike<number>,
  nGen: number,
  k = 5,
): Uint8Array {
  const out = new Uint8Array(nReal);
  if (nReal <= k) return out;
  const radius = kthNeighbourSq(real, nReal, 2, k);
  for (let i = 0; i < nReal; i++) {
    const px = real[2 * i];
    const py = real[2 * i + 1];
    for (let j = 0; j < nGen; j++) {
      const dx = px - gen[2 * j];
      const dy = py - gen[2 * j + 1];
      if (dx * dx + dy * dy <= radius[i]) {
        out[i] = 1;
        break;
      }
    }
  }
  return out;
}

/** The rows of one group as a new point set. */
export function groupOnly(set: PointSet, group: number): PointSet {
  let n = 0;
  for (let i = 0; i < set.n; i++) if (set.g[i] === group) n++;
  const x = new Float32Array(n * set.dim);
  const g = new Uint8Array(n).fill(group);
  let k = 0;
  for (let i = 0; i < set.n; i++) {
    if (set.g[i] !== group) continue;
    for (let d = 0; d < set.dim; d++) x[k * set.dim + d] = set.x[i * set.dim + d];
    k++;
  }
  return { x, g, n, dim: set.dim };
}

/** The training set with extra points of one group appended (the rebalanced set). */
export function withExtra(set: PointSet, extra: Float32Array, nExtra: number, group: number): PointSet {
  const x = new Float32Array((set.n + nExtra) * set.dim);
  x.set(set.x.subarray(0, set.n * set.dim));
  x.set(extra.subarray(0, nExtra * set.dim), set.n * set.dim);
  const g = new Uint8Array(set.n + nExtra);
  g.set(set.g.subarray(0, set.n));
  g.fill(group, set.n);
  return { x, g, n: set.n + nExtra, dim: set.dim };
}

/** How many minority points bring the minority to `target` of the set (0 if already there). */
export function topUpCount(majority: number, minority: number, target = 0.5): number {
  const t = Math.min(0.95, Math.max(0.01, target));
  return Math.max(0, Math.ceil((t / (1 - t)) * majority - 1e-9) - minority);
}


function sampleChunk(trainer: Trainer, rng: Rng, n: number): Float32Array {
  const t = trainer.sample(rng, n);
  const out = t.dataSync() as Float32Array;
  t.dispose();
  return out;
}

/** Keep generated points assigned to `group` until `want` are found or the sample budget is spent. */
export function collectGroup(
  trainer: Trainer,
  density: GroupDensity,
  group: number,
  want: number,
  rng: Rng,
  maxSamples = MAX_FULL_GAN_SAMPLES,
): { points: Float32Array; n: number; drawn: number } {
  const points = new Float32Array(want * 2);
  let n = 0;
  let drawn = 0;
  while (n < want && drawn < maxSamples) {
    const m = Math.min(CHUNK, maxSamples - drawn);
    const x = sampleChunk(trainer, rng, m);
    drawn += m;
    for (let i = 0; i < m && n < want; i++) {
      if (assignGroup(density, x[2 * i], x[2 * i + 1]) !== group) continue;
      points[2 * n] = x[2 * i];
      points[2 * n + 1] = x[2 * i + 1];
      n++;
    }
  }
  return { points: points.slice(0, n * 2), n, drawn };
}

function arm(
  id: ArmResult['id'],
  label: string,
  points: Float32Array,
  n: number,
  requested: number,
  drawn: number,
  heldOut: PointSet,
): ArmResult {
  const covered = coveredFlags(heldOut.x, heldOut.n, points, n);
  const s = spread(points, n);
  const c = covered.reduce((a, v) => a + v, 0);
  return { id, label, points, n, requested, drawn, coverage: heldOut.n ? c / heldOut.n : NaN, std: s.std, mean: s.mean, covered };
}

export const DEFAULT_REBALANCE = { steps: 3000, target: 0.5, heldOut: HELD_OUT_MINORITY };

/**
 * Run the experiment for one seed (config.seed). Trains two GANs (all points; minority only).
 * onProgress(step, total) counts both trainings; return false to stop (result null).
 */
export function runRebalance(
  config: Partial<Config>,
  opts: Partial<Omit<RebalanceSetup, 'config'>> = {},
  onProgress?: Progress,
  every = 50,
): RebalanceResult | null {
  const cfg = runConfig({ data: 'groups', ...config });
  const setup: RebalanceSetup = { config: cfg, ...DEFAULT_REBALANCE, ...opts };
  const source = makeSource(cfg);
  if (source.groups.length !== 2) throw new Error('rebalancing needs the two-group data');
  const training = trainingSet(source, cfg.points, cfg.seed);
  const minorityTrain = groupOnly(training, MINORITY);
  const counts = {
    majority: training.n - minorityTrain.n,
    minority: minorityTrain.n,
    topUp: topUpCount(training.n - minorityTrain.n, minorityTrain.n, setup.target),
  };
  const root = new Rng(cfg.seed);
  // Held-out real minority: a fresh sample big enough to hold `heldOut` minority points.
  const share = source.shares[MINORITY];
  const fresh = source.sample(root.fork('rebalance-held-out'), Math.ceil(setup.heldOut / share));
  const heldOut = groupOnly(fresh, MINORITY);
  const reference = groupOnly(
    source.sample(root.fork('rebalance-fresh-real'), Math.ceil(counts.topUp / share) + 2),
    MINORITY,
  );

  const total = 2 * setup.steps;
  let done = 0;
  const tick = () => {
    done++;
    return !(onProgress && (done % every === 0 || done === total) && onProgress(done, total) === false);
  };
  const full = trainFor(cfg, training, setup.steps, { onProgress: tick, every: 1 });
  if (!full) return null;
  let fullArm: ArmResult;
  try {
    const found = collectGroup(full, densityOfSource(source, cfg.seed), MINORITY, counts.topUp, root.fork('rebalance-full-gan'));
    fullArm = arm('full-gan', 'GAN trained on all points', found.points, found.n, counts.topUp, found.drawn, heldOut);
  } finally {
    full.dispose();
  }
  const mino = trainFor(cfg, minorityTrain, setup.steps, { onProgress: tick, every: 1 });
  if (!mino) return null;
  let minorityArm: ArmResult;
  try {
    const x = tf.tidy(() => mino.sample(root.fork('rebalance-minority-gan'), counts.topUp));
    const pts = x.dataSync() as Float32Array;
    x.dispose();
    minorityArm = arm('minority-gan', 'GAN trained on the minority alone', pts, counts.topUp, counts.topUp, counts.topUp, heldOut);
  } finally {
    mino.dispose();
  }
  const nRef = Math.min(counts.topUp, reference.n);
  const freshArm = arm('fresh-real', 'Fresh real minority points (a perfect forger)', reference.x.slice(0, nRef * 2), nRef, counts.topUp, nRef, heldOut);
  const ho = spread(heldOut.x, heldOut.n);
  return {
    setup,
    training,
    counts,
    heldOut,
    heldOutStd: ho.std,
    heldOutMean: ho.mean,
    trainingStd: spread(minorityTrain.x, minorityTrain.n).std,
    arms: { fullGan: fullArm, minorityGan: minorityArm, freshReal: freshArm },
  };
}
