/**
 * "Fit a Gaussian mixture": the non-neural generator of the generations experiment (issue 15).
 * EM with k components, full 2 × 2 covariances, a seeded k-means++ start and a floor on each
 * variance; samples come from the seeded Rng. Refitting a mixture to its own samples shows
 * estimation error compounding across generations without any GAN noise on top.
 *
 * Pure core on plain arrays: 2-D points as row-major [x0, y0, x1, y1, …].
 */
import { Rng } from '../shared/rng';

export interface GaussianComponent {
  weight: number;
  mean: [number, number];
  /** Covariance [σxx, σxy, σyy]. */
  cov: [number, number, number];
}

export interface GaussianMixture {
  components: GaussianComponent[];
  /** Mean log-likelihood per point (nats) at the last iteration. */
  logLikelihood: number;
  /** EM iterations run. */
  iterations: number;
}

export interface MixtureFitOptions {
  /** Number of components. */
  k: number;
  /** Stream for the k-means++ start. */
  rng: Rng;
  /** Most EM iterations (default 200). */
  maxIterations?: number;
  /** Stop when the mean log-likelihood improves by less than this (default 1e-7). */
  tolerance?: number;
  /** Smallest variance on each axis (default 1e-4, i.e. σ ≥ 0.01 in plot units). */
  varianceFloor?: number;
}

export const DEFAULT_VARIANCE_FLOOR = 1e-4;
/** Largest |correlation| kept, so a covariance never becomes singular. */
const MAX_CORRELATION = 0.999;

function sq(a: ArrayLike<number>, i: number, cx: number, cy: number): number {
  const dx = a[2 * i] - cx;
  const dy = a[2 * i + 1] - cy;
  return dx * dx + dy * dy;
}

/** k-means++ centres: the first uniformly, each next with probability ∝ squared distance to the nearest chosen. */
export function kMeansPlusPlus(x: ArrayLike<number>, n: number, k: number, rng: Rng): [number, number][] {
  if (n < 1) throw new Error('cannot fit a mixture to no points');
  const first = rng.int(n);
  const centres: [number, number][] = [[x[2 * first], x[2 * first + 1]]];
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = sq(x, i, centres[0][0], centres[0][1]);
  while (centres.length < k) {
    let total = 0;
    for (let i = 0; i < n; i++) total += d[i];
    let pick = 0;
    if (total > 0) {
      let r = rng.next() * total;
      for (pick = 0; pick < n - 1; pick++) {
        r -= d[pick];
        if (r < 0) break;
      }
    } else pick = rng.int(n);
    const c: [number, number] = [x[2 * pick], x[2 * pick + 1]];
    centres.push(c);
    for (let i = 0; i < n; i++) d[i] = Math.min(d[i], sq(x, i, c[0], c[1]));
  }
  return centres;
}

/** Keep a covariance usable: each variance at least the floor, the correlation below 1. */
function floored(cxx: number, cxy: number, cyy: number, floor: number): [number, number, number] {
  const a = Math.max(floor, Number.isFinite(cxx) ? cxx : floor);
  const c = Math.max(floor, Number.isFinite(cyy) ? cyy : floor);
  const lim = MAX_CORRELATION * Math.sqrt(a * c);
  const b = Math.max(-lim, Math.min(lim, Number.isFinite(cxy) ? cxy : 0));
  return [a, b, c];
}

/** log N((x, y); mean, cov) for a 2-D Gaussian. */
export function logGaussian(c: Pick<GaussianComponent, 'mean' | 'cov'>, x: number, y: number): number {
  const [a, b, d] = c.cov;
  const det = a * d - b * b;
  const dx = x - c.mean[0];
  const dy = y - c.mean[1];
  const m = (d * dx * dx - 2 * b * dx * dy + a * dy * dy) / det;
  return -0.5 * m - Math.log(2 * Math.PI) - 0.5 * Math.log(det);
}

/** Density of the mixture at (x, y). */
export function mixtureDensity(m: GaussianMixture, x: number, y: number): number {
  let p = 0;
  for (const c of m.components) p += c.weight * Math.exp(logGaussian(c, x, y));
  return p;
}

/** Weighted mean and covariance of the points, weights w (one per point). */
function moments(x: ArrayLike<number>, n: number, w: ArrayLike<number>, floor: number): { nk: number; mean: [number, number]; cov: [number, number, number] } {
  let nk = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    nk += w[i];
    sx += w[i] * x[2 * i];
    sy += w[i] * x[2 * i + 1];
  }
  const mx = nk > 0 ? sx / nk : 0;
  const my = nk > 0 ? sy / nk : 0;
  let cxx = 0;
  let cxy = 0;
  let cyy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[2 * i] - mx;
    const dy = x[2 * i + 1] - my;
    cxx += w[i] * dx * dx;
    cxy += w[i] * dx * dy;
    cyy += w[i] * dy * dy;
  }
  return nk > 0 ? { nk, mean: [mx, my], cov: floored(cxx / nk, cxy / nk, cyy / nk, floor) } : { nk, mean: [mx, my], cov: [floor, 0, floor] };
}

/**
 * Fit a k-component Gaussian mixture to n 2-D points by EM. The start assigns every point to its
 * nearest k-means++ centre (hard), so the first M-step has sensible weights and covariances. A
 * component whose responsibility vanishes keeps its last parameters with weight 0.
 */
export function fitGaussianMixture(x: ArrayLike<number>, n: number, opts: MixtureFitOptions): GaussianMixture {
  const k = Math.max(1, Math.min(Math.floor(opts.k), n));
  const floor = opts.varianceFloor ?? DEFAULT_VARIANCE_FLOOR;
  const maxIt = opts.maxIterations ?? 200;
  const tol = opts.tolerance ?? 1e-7;
  const centres = kMeansPlusPlus(x, n, k, opts.rng);
  // responsibilities, k × n
  const r = Array.from({ length: k }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (sq(x, i, centres[j][0], centres[j][1]) < sq(x, i, centres[best][0], centres[best][1])) best = j;
    r[best][i] = 1;
  }
  let comps: GaussianComponent[] = [];
  const mStep = () => {
    comps = r.map((w, j) => {
      const m = moments(x, n, w, floor);
      return m.nk > 1e-9 ? { weight: m.nk / n, mean: m.mean, cov: m.cov } : { ...(comps[j] ?? { mean: centres[j], cov: [floor, 0, floor] }), weight: 0 };
    });
  };
  mStep();
  let ll = -Infinity;
  let it = 0;
  const lp = new Float64Array(k);
  while (it < maxIt) {
    it++;
    // E-step (log-sum-exp per point)
    let total = 0;
    for (let i = 0; i < n; i++) {
      let top = -Infinity;
      for (let j = 0; j < k; j++) {
        lp[j] = comps[j].weight > 0 ? Math.log(comps[j].weight) + logGaussian(comps[j], x[2 * i], x[2 * i + 1]) : -Infinity;
        if (lp[j] > top) top = lp[j];
      }
      let s = 0;
      for (let j = 0; j < k; j++) s += Math.exp(lp[j] - top);
      const lse = top + Math.log(s);
      total += lse;
      for (let j = 0; j < k; j++) r[j][i] = Math.exp(lp[j] - lse);
    }
    const next = total / n;
    mStep();
    const done = next - ll < tol;
    ll = next;
    if (done) break;
  }
  return { components: comps, logLikelihood: ll, iterations: it };
}

/** n points from the mixture: a component by weight, then mean + L·z with L the Cholesky factor. */
export function sampleGaussianMixture(m: GaussianMixture, rng: Rng, n: number): Float32Array {
  const out = new Float32Array(2 * n);
  const cum: number[] = [];
  let s = 0;
  for (const c of m.components) cum.push((s += c.weight));
  const factors = m.components.map((c) => {
    const l11 = Math.sqrt(c.cov[0]);
    const l21 = c.cov[1] / l11;
    return [l11, l21, Math.sqrt(Math.max(0, c.cov[2] - l21 * l21))];
  });
  for (let i = 0; i < n; i++) {
    const u = rng.next() * s;
    let j = 0;
    while (j < cum.length - 1 && u >= cum[j]) j++;
    const z1 = rng.normal();
    const z2 = rng.normal();
    const [l11, l21, l22] = factors[j];
    out[2 * i] = m.components[j].mean[0] + l11 * z1;
    out[2 * i + 1] = m.components[j].mean[1] + l21 * z1 + l22 * z2;
  }
  return out;
}
