/**
 * The fresh judge: a classifier trained from scratch to tell real from generated 2-D points and
 * scored on points it never saw — a classifier two-sample test. The game's own detective is
 * trained against one moving forger and can be fooled by a forger that covers only part of the
 * data (Arora et al. 2017); a new judge with a fixed, flexible view of the plane is not.
 *
 * Model: logistic regression on Gaussian bumps centred on a grid over the plot domain (so it can
 * draw curved boundaries and notice a missing cluster), trained on half of each sample with seeded
 * mini-batches and scored on the other half. Accuracy is defined as the detective's is: the mean of
 * "real called real" and "generated called generated" on the held-out points. Identical
 * distributions score about 50%; disjoint ones about 100%. Plain TypeScript, deterministic.
 */
import { fitLogistic, predictProba } from '../experiments/logistic';
import { Rng } from '../shared/rng';
import { DOMAIN } from '../data/datasets';

/** Bump centres per axis and their width (about one grid spacing). */
export const JUDGE_GRID = 10;
export const JUDGE_WIDTH = (2.2 * DOMAIN) / (JUDGE_GRID - 1);

export interface FreshJudgeResult {
  /** Mean of the two held-out halves' accuracies (0.5 = cannot tell). */
  accuracy: number;
  /** Held-out real points called real. */
  real: number;
  /** Held-out generated points called generated. */
  fake: number;
  /** Held-out points scored per side. */
  tested: number;
}

export interface FreshJudgeOptions {
  seed?: number;
  epochs?: number;
}

/** The features of one point: a bump per grid centre plus the raw coordinates. */
export function judgeFeatures(x: ArrayLike<number>, n: number): Float64Array {
  const k = JUDGE_GRID * JUDGE_GRID + 2;
  const out = new Float64Array(n * k);
  const inv = 1 / (2 * JUDGE_WIDTH * JUDGE_WIDTH);
  for (let i = 0; i < n; i++) {
    const px = x[2 * i];
    const py = x[2 * i + 1];
    const row = i * k;
    for (let a = 0; a < JUDGE_GRID; a++) {
      const cx = -1.1 * DOMAIN + a * JUDGE_WIDTH;
      const dx = (px - cx) ** 2;
      for (let b = 0; b < JUDGE_GRID; b++) {
        const cy = -1.1 * DOMAIN + b * JUDGE_WIDTH;
        out[row + a * JUDGE_GRID + b] = Math.exp(-(dx + (py - cy) ** 2) * inv);
      }
    }
    out[row + k - 2] = px;
    out[row + k - 1] = py;
  }
  return out;
}

function shuffled(n: number, rng: Rng): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/**
 * Train a fresh judge on half of `real` (n × 2) and half of `fake` (m × 2); score it on the other
 * halves. Each sample is shuffled first (seeded), so any ordering in the inputs does not matter.
 */
export function freshJudge(real: ArrayLike<number>, nReal: number, fake: ArrayLike<number>, nFake: number, opts: FreshJudgeOptions = {}): FreshJudgeResult {
  const n = Math.min(nReal, nFake);
  if (n < 4) throw new Error('the fresh judge needs at least 4 points a side');
  const rng = new Rng(opts.seed ?? 1).fork('fresh-judge');
  const ro = shuffled(nReal, rng);
  const fo = shuffled(nFake, rng);
  const half = Math.floor(n / 2);
  const tested = n - half;
  const pick = (src: ArrayLike<number>, order: Int32Array, from: number, count: number) => {
    const out = new Float64Array(count * 2);
    for (let i = 0; i < count; i++) {
      out[2 * i] = src[2 * order[from + i]];
      out[2 * i + 1] = src[2 * order[from + i] + 1];
    }
    return out;
  };
  const trainX = new Float64Array(half * 4);
  trainX.set(pick(real, ro, 0, half), 0);
  trainX.set(pick(fake, fo, 0, half), half * 2);
  const trainY = new Float64Array(2 * half);
  trainY.fill(1, 0, half);
  const k = JUDGE_GRID * JUDGE_GRID + 2;
  const model = fitLogistic(judgeFeatures(trainX, 2 * half), trainY, 2 * half, k, { epochs: opts.epochs ?? 40, batch: 128, lr: 0.3, l2: 1e-3, seed: opts.seed ?? 1 });
  const pReal = predictProba(model, judgeFeatures(pick(real, ro, half, tested), tested), tested);
  const pFake = predictProba(model, judgeFeatures(pick(fake, fo, half, tested), tested), tested);
  let r = 0;
  let f = 0;
  for (let i = 0; i < tested; i++) {
    if (pReal[i] > 0.5) r++;
    if (pFake[i] < 0.5) f++;
  }
  return { accuracy: (r + f) / (2 * tested), real: r / tested, fake: f / tested, tested };
}
