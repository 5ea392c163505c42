/**
 * Metric definitions shared by every chart and test (DESIGN.md, "Metrics"). Plain arrays in,
 * numbers out: nothing here touches tensors, so metrics are computed from read-back points.
 */
import { DOMAIN } from '../data/datasets';

export interface Accuracy {
  overall: number;
  real: number;
  fake: number;
}

/**
 * Detective accuracy: real counted right when D(x) > 0.5, generated counted right when
 * D(G(z)) < 0.5; overall is the mean of the two halves. An output of exactly 0.5 is a coin toss
 * and counts as half right, so any constant detective scores exactly 50%.
 */
export function detectiveAccuracy(pReal: ArrayLike<number>, pFake: ArrayLike<number>): Accuracy {
  let r = 0;
  for (let i = 0; i < pReal.length; i++) r += pReal[i] > 0.5 ? 1 : pReal[i] === 0.5 ? 0.5 : 0;
  let f = 0;
  for (let i = 0; i < pFake.length; i++) f += pFake[i] < 0.5 ? 1 : pFake[i] === 0.5 ? 0.5 : 0;
  const real = pReal.length ? r / pReal.length : 0;
  const fake = pFake.length ? f / pFake.length : 0;
  return { overall: (real + fake) / 2, real, fake };
}

export const JS_BINS = 32;

/**
 * Counts of 2-D points on a bins × bins grid over [-DOMAIN, DOMAIN]², plus one last bin for
 * points outside the domain (or not finite), so mass never silently disappears.
 */
export function histogram2d(x: ArrayLike<number>, n: number, bins = JS_BINS): Float64Array {
  const h = new Float64Array(bins * bins + 1);
  const scale = bins / (2 * DOMAIN);
  for (let i = 0; i < n; i++) {
    const px = x[2 * i];
    const py = x[2 * i + 1];
    const bx = Math.floor((px + DOMAIN) * scale);
    const by = Math.floor((py + DOMAIN) * scale);
    if (Number.isFinite(px) && Number.isFinite(py) && bx >= 0 && bx < bins && by >= 0 && by < bins) {
      h[by * bins + bx]++;
    } else {
      h[bins * bins]++;
    }
  }
  return h;
}

/** Jensen–Shannon divergence in bits (0 = same histogram, 1 = disjoint) between two count vectors. */
export function jsDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i];
    sq += q[i];
  }
  if (sp === 0 || sq === 0) return sp === sq ? 0 : 1;
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] / sp;
    const b = q[i] / sq;
    const m = (a + b) / 2;
    if (a > 0) js += 0.5 * a * Math.log2(a / m);
    if (b > 0) js += 0.5 * b * Math.log2(b / m);
  }
  return Math.min(1, Math.max(0, js));
}

/** JS between two 2-D point sets binned on the shared grid. */
export function jsOfPoints(a: ArrayLike<number>, na: number, b: ArrayLike<number>, nb: number, bins = JS_BINS): number {
  return jsDivergence(histogram2d(a, na, bins), histogram2d(b, nb, bins));
}

/** Converged means JS ≤ 5 × its noise floor (at 2,048 samples a side). */
export const CONVERGED_FACTOR = 5;
export const JS_SAMPLES = 2048;
export function isConverged(js: number, floor: number): boolean {
  return js <= CONVERGED_FACTOR * floor;
}

/** The detective's accuracy band read as a coin toss: it can no longer tell real from fake. */
export const COIN_TOSS = { min: 0.4, max: 0.6 } as const;

/**
 * A trained game has settled: the samples have converged (JS ≤ 5 × floor) *and* the detective is
 * at a coin toss. A stricter idea than `isConverged`, which looks at the samples only: the bench
 * times how long a seed takes to settle, and a forger can match the samples while its detective
 * still wins (or the reverse), which is not the end of training.
 */
export function isSettled(js: number, floor: number, accuracy: number): boolean {
  return isConverged(js, floor) && accuracy >= COIN_TOSS.min && accuracy <= COIN_TOSS.max;
}

/** Per-group share of labelled points (e.g. the real sample), in group order. */
export function sharesOfLabels(g: ArrayLike<number>, groups: number): number[] {
  const c = new Array<number>(groups).fill(0);
  for (let i = 0; i < g.length; i++) c[g[i]]++;
  return c.map((v) => (g.length ? v / g.length : 0));
}

/** Representation ratio: synthetic share / real share (1 faithful, < 1 under-represented). */
export function representationRatio(synthetic: number, real: number): number {
  return real > 0 ? synthetic / real : NaN;
}

function sqDist(a: ArrayLike<number>, i: number, b: ArrayLike<number>, j: number, dim: number): number {
  let s = 0;
  for (let d = 0; d < dim; d++) {
    const t = a[i * dim + d] - b[j * dim + d];
    s += t * t;
  }
  return s;
}

/**
 * Squared distance from each point of a to its k-th nearest other point of a.
 * O(n²); evaluation samples are a few thousand points at most.
 */
export function kthNeighbourSq(a: ArrayLike<number>, n: number, dim: number, k: number): Float64Array {
  const out = new Float64Array(n);
  const best = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    best.fill(Infinity);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = sqDist(a, i, a, j, dim);
      if (d < best[k - 1]) {
        let p = k - 1;
        while (p > 0 && best[p - 1] > d) {
          best[p] = best[p - 1];
          p--;
        }
        best[p] = d;
      }
    }
    out[i] = best[k - 1];
  }
  return out;
}

/**
 * Coverage (Naeem et al. 2020): the fraction of real points whose k-NN ball (radius = distance
 * to their k-th nearest real neighbour) holds at least one generated point.
 * `realMask` restricts which real points are scored (e.g. one group), while the balls are
 * measured among all real points.
 */
export function coverage(
  real: ArrayLike<number>,
  nReal: number,
  gen: ArrayLike<number>,
  nGen: number,
  dim: number,
  k = 5,
  realMask?: (i: number) => boolean,
): number {
  if (nReal <= k) return NaN;
  const radius = kthNeighbourSq(real, nReal, dim, k);
  let scored = 0;
  let covered = 0;
  for (let i = 0; i < nReal; i++) {
    if (realMask && !realMask(i)) continue;
    scored++;
    for (let j = 0; j < nGen; j++) {
      if (sqDist(real, i, gen, j, dim) <= radius[i]) {
        covered++;
        break;
      }
    }
  }
  return scored ? covered / scored : NaN;
}

/** Exponential moving average helper for smoothed chart lines. */
export function ema(prev: number | null, value: number, alpha: number): number {
  return prev === null || !Number.isFinite(prev) ? value : prev + alpha * (value - prev);
}
