/**
 * A small logistic-regression screening model in plain TypeScript (no tfjs): gradient descent on
 * Float64Arrays with standardised features and a little L2, so it also settles on separable data.
 * Full-batch by default (deterministic); with `batch` < n it uses seeded mini-batches.
 *
 * Also the fairness numbers of the hiring case: selection rate per group and the ratio of the
 * lowest to the highest rate, compared with the four-fifths rule (US EEOC Uniform Guidelines, 1978).
 */
import { Rng } from '../shared/rng';

export interface LogisticModel {
  dim: number;
  /** Weights on standardised features. */
  w: Float64Array;
  b: number;
  /** Per-feature mean and standard deviation used to standardise. */
  mean: Float64Array;
  scale: Float64Array;
}

export interface LogisticOptions {
  /** Passes over the data (default 500). */
  epochs?: number;
  /** Step size on standardised features (default 0.5). */
  lr?: number;
  /** L2 penalty on the weights (default 1e-3). */
  l2?: number;
  /** Mini-batch size; default (or ≥ n) is full batch. */
  batch?: number;
  /** Seed of the mini-batch order. */
  seed?: number;
}

function sigmoid(s: number): number {
  return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
}

/**
 * Fit P(y = 1 | x) = σ(w·z + b), z the standardised x (row-major, n × dim), y in {0, 1}
 * (any value > 0.5 counts as 1). Minimises mean log loss + l2/2 ‖w‖².
 */
export function fitLogistic(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  n: number,
  dim: number,
  opts: LogisticOptions = {},
): LogisticModel {
  if (n < 1) throw new Error('no rows to fit');
  const epochs = opts.epochs ?? 500;
  const lr = opts.lr ?? 0.5;
  const l2 = opts.l2 ?? 1e-3;
  const batch = Math.min(n, Math.max(1, opts.batch ?? n));
  const mean = new Float64Array(dim);
  const scale = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) mean[d] += x[i * dim + d] / n;
  for (let i = 0; i < n; i++)
    for (let d = 0; d < dim; d++) scale[d] += (x[i * dim + d] - mean[d]) ** 2 / n;
  for (let d = 0; d < dim; d++) scale[d] = Math.sqrt(scale[d]) || 1;
  const z = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) z[i * dim + d] = (x[i * dim + d] - mean[d]) / scale[d];
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = y[i] > 0.5 ? 1 : 0;

  const w = new Float64Array(dim);
  let b = 0;
  const gw = new Float64Array(dim);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rng = new Rng(opts.seed ?? 1).fork('logistic-batches');
  for (let e = 0; e < epochs; e++) {
    if (batch < n) {
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
    }
    for (let start = 0; start < n; start += batch) {
      const end = Math.min(n, start + batch);
      gw.fill(0);
      let gb = 0;
      for (let k = start; k < end; k++) {
        const i = order[k];
        let s = b;
        for (let d = 0; d < dim; d++) s += w[d] * z[i * dim + d];
        const r = sigmoid(s) - t[i];
        for (let d = 0; d < dim; d++) gw[d] += r * z[i * dim + d];
        gb += r;
      }
      const m = end - start;
      for (let d = 0; d < dim; d++) w[d] -= lr * (gw[d] / m + l2 * w[d]);
      b -= lr * (gb / m);
    }
  }
  return { dim, w, b, mean, scale };
}

/** P(y = 1) for each row of x. */
export function predictProba(model: LogisticModel, x: ArrayLike<number>, n: number): Float64Array {
  const { dim, w, b, mean, scale } = model;
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b;
    for (let d = 0; d < dim; d++) s += (w[d] * (x[i * dim + d] - mean[d])) / scale[d];
    p[i] = sigmoid(s);
  }
  return p;
}

/** Selected (1) when P(y = 1) > threshold, else 0. */
export function predictSelected(model: LogisticModel, x: ArrayLike<number>, n: number, threshold = 0.5): Uint8Array {
  const p = predictProba(model, x, n);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = p[i] > threshold ? 1 : 0;
  return out;
}

/** Weights and intercept on the original (unstandardised) feature scale: P = σ(w·x + b). */
export function rawCoefficients(model: LogisticModel): { w: number[]; b: number } {
  const w = Array.from(model.w, (v, d) => v / model.scale[d]);
  const b = model.b - w.reduce((s, v, d) => s + v * model.mean[d], 0);
  return { w, b };
}

/** Share of rows selected in each group (NaN for an empty group). */
export function selectionRates(selected: ArrayLike<number>, group: ArrayLike<number>, groups: number): number[] {
  const sel = new Array<number>(groups).fill(0);
  const tot = new Array<number>(groups).fill(0);
  for (let i = 0; i < selected.length; i++) {
    tot[group[i]]++;
    if (selected[i] > 0.5) sel[group[i]]++;
  }
  return sel.map((s, g) => (tot[g] ? s / tot[g] : NaN));
}

/** The four-fifths rule line: a group selected at under 80% of the top group's rate. */
export const FOUR_FIFTHS = 0.8;

/** Lowest selection rate / highest (1 = equal; NaN when nobody is selected; NaN groups ignored). */
export function fourFifthsRatio(rates: readonly number[]): number {
  const r = rates.filter((v) => Number.isFinite(v));
  if (!r.length) return NaN;
  const hi = Math.max(...r);
  const lo = Math.min(...r);
  return hi > 0 ? lo / hi : NaN;
}

/** True when the ratio falls below the four-fifths line (evidence of adverse impact). */
export function adverseImpact(rates: readonly number[]): boolean {
  return fourFifthsRatio(rates) < FOUR_FIFTHS;
}
