/**
 * The privacy budget of DP-SGD: a Rényi-DP accountant for the Poisson-subsampled Gaussian
 * mechanism, and its conversion to (ε, δ)-DP.
 *
 * One step samples each training example independently with probability q, clips each sampled
 * example's gradient to norm C and adds Gaussian noise of standard deviation σ·C to the sum.
 * Its Rényi divergence of order α is log(A_α)/(α − 1) with (Mironov, Talwar & Zhang 2019,
 * "Rényi Differential Privacy of the Sampled Gaussian Mechanism", §3.3)
 *
 *   A_α = E_{z∼μ0} [((1 − q) + q·μ1(z)/μ0(z))^α],   μ0 = N(0, σ²), μ1 = N(1, σ²).
 *
 * Integer α: the binomial expansion Σ_i C(α, i) (1−q)^{α−i} q^i exp((i² − i)/(2σ²)).
 * Fractional α: the two convergent series of their §3.3 (terms split at z0 = σ² log(1/q − 1) + ½,
 * each weighted by a Gaussian tail written with erfc), summed until both terms drop below e^−30.
 * Everything is summed in log space (log-add / log-subtract), so nothing overflows at large α.
 * RDP composes additively over steps.
 *
 * (ε, δ) from RDP, minimised over the orders:
 *   'balle2020' (default; what Opacus ≥ 1.0 and Google's dp_accounting use, Balle et al. 2020,
 *               "Hypothesis testing interpretations and Rényi DP", Theorem 21):
 *               ε = rdp − (log δ + log α)/(α − 1) + log((α − 1)/α)
 *   'classic'   (Mironov 2017, Proposition 3; older TF Privacy and torchdp): ε = rdp − log δ/(α − 1)
 *
 * The default orders are Opacus' DEFAULT_ALPHAS: 1 + x/10 for x = 1…99, then 12…63.
 *
 * Caveat the view must carry: the guarantee assumes Poisson sampling at rate q, which is how the
 * DP trainer draws its real batches (core/gan/dp.ts), and counts only the detective's accesses to
 * real data; the generator is post-processing.
 */

/** Opacus' DEFAULT_ALPHAS. */
export const DEFAULT_ORDERS: readonly number[] = [
  ...Array.from({ length: 99 }, (_, i) => 1 + (i + 1) / 10),
  ...Array.from({ length: 52 }, (_, i) => 12 + i),
];

export type Conversion = 'balle2020' | 'classic';

export interface EpsilonQuery {
  /** Sampling rate: each example's probability of being in a step's batch, in (0, 1]. */
  q: number;
  /** Noise multiplier: the noise's standard deviation over the clipping norm (≥ 0). */
  sigma: number;
  /** Steps taken (whole number ≥ 0). */
  steps: number;
  /** Target δ, in (0, 1). */
  delta: number;
  orders?: readonly number[];
  conversion?: Conversion;
}

/**
 * 'ok': ε is stated. 'no-privacy': some data was read without noise (σ = 0), ε = ∞.
 * 'invalid': the query states no mechanism (q outside (0, 1], σ < 0, steps not a whole number
 * ≥ 0, δ outside (0, 1), no order > 1); ε = NaN.
 */
export type EpsilonStatus = 'ok' | 'no-privacy' | 'invalid';

export interface EpsilonResult {
  epsilon: number;
  /** The Rényi order at which ε is smallest (null unless status is 'ok' and steps > 0). */
  order: number | null;
  status: EpsilonStatus;
}

function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** log(e^a − e^b) for a ≥ b. */
function logSub(a: number, b: number): number {
  if (b === -Infinity) return a;
  if (a <= b) return -Infinity; // the series' partial sums are positive; equality only from rounding
  return a + Math.log(-Math.expm1(b - a));
}

/**
 * log erfc(x) to near double precision for any real x: the Maclaurin series of erf for |x| ≤ 2,
 * and for x > 2 the continued fraction erfc(x) = e^{−x²}/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …)))),
 * which stays in log space (no underflow for large x).
 */
export function logErfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < -2) return Math.log(2 - Math.exp(logErfc(-x)));
  if (x <= 2) {
    // erf(x) = 2/√π Σ (−1)^n x^{2n+1} / (n! (2n+1))
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (-x * x) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return Math.log(1 - (2 / Math.sqrt(Math.PI)) * sum);
  }
  // continued fraction, evaluated from the tail (fixed depth: enough for x > 2 to 1e-15)
  let k = x;
  for (let n = 120; n >= 1; n--) k = x + n / 2 / k;
  return -x * x - 0.5 * Math.log(Math.PI) - Math.log(k);
}

function logAInt(q: number, sigma: number, alpha: number): number {
  let logA = -Infinity;
  let logCoef = 0; // log C(α, 0)
  for (let i = 0; i <= alpha; i++) {
    if (i > 0) logCoef += Math.log((alpha - i + 1) / i);
    const logTerm = logCoef + i * Math.log(q) + (alpha - i) * Math.log1p(-q) + (i * i - i) / (2 * sigma * sigma);
    logA = logAdd(logA, logTerm);
  }
  return logA;
}

function logAFrac(q: number, sigma: number, alpha: number): number {
  let logA0 = -Infinity;
  let logA1 = -Infinity;
  const z0 = sigma * sigma * Math.log(1 / q - 1) + 0.5;
  const s2 = Math.SQRT2 * sigma;
  let logAbsCoef = 0; // |C(α, 0)|
  let coefSign = 1;
  for (let i = 0; ; i++) {
    if (i > 0) {
      const r = (alpha - i + 1) / i;
      logAbsCoef += Math.log(Math.abs(r));
      if (r < 0) coefSign = -coefSign;
    }
    const j = alpha - i;
    const logT0 = logAbsCoef + i * Math.log(q) + j * Math.log1p(-q);
    const logT1 = logAbsCoef + j * Math.log(q) + i * Math.log1p(-q);
    const logE0 = Math.log(0.5) + logErfc((i - z0) / s2);
    const logE1 = Math.log(0.5) + logErfc((z0 - j) / s2);
    const logS0 = logT0 + (i * i - i) / (2 * sigma * sigma) + logE0;
    const logS1 = logT1 + (j * j - j) / (2 * sigma * sigma) + logE1;
    if (coefSign > 0) {
      logA0 = logAdd(logA0, logS0);
      logA1 = logAdd(logA1, logS1);
    } else {
      logA0 = logSub(logA0, logS0);
      logA1 = logSub(logA1, logS1);
    }
    if (Math.max(logS0, logS1) < -30 || i > 10000) break;
  }
  return logAdd(logA0, logA1);
}

/** RDP of order α (> 1) of one step of the Poisson-subsampled Gaussian mechanism. */
export function rdpOneStep(q: number, sigma: number, alpha: number): number {
  if (q === 0) return 0;
  if (sigma === 0) return Infinity;
  if (q === 1) return alpha / (2 * sigma * sigma);
  if (!Number.isFinite(sigma) && sigma > 0) return 0;
  const logA = Number.isInteger(alpha) ? logAInt(q, sigma, alpha) : logAFrac(q, sigma, alpha);
  return logA / (alpha - 1);
}

/** ε at δ from RDP values per order, by the chosen conversion; NaN orders are skipped. */
export function epsilonFromRdp(orders: readonly number[], rdp: readonly number[], delta: number, conversion: Conversion = 'balle2020'): { epsilon: number; order: number | null } {
  let best = Infinity;
  let order: number | null = null;
  orders.forEach((a, k) => {
    const r = rdp[k];
    if (!(a > 1) || Number.isNaN(r)) return;
    const eps = conversion === 'classic' ? r - Math.log(delta) / (a - 1) : r - (Math.log(delta) + Math.log(a)) / (a - 1) + Math.log((a - 1) / a);
    if (eps < best) {
      best = eps;
      order = a;
    }
  });
  return { epsilon: Math.max(0, best), order: Number.isFinite(best) ? order : null };
}

/**
 * ε of `steps` steps of DP-SGD at sampling rate q and noise multiplier σ, for a target δ, with the
 * order that gave it. Never throws: see EpsilonStatus for what an unstated ε means.
 */
export function epsilon(query: EpsilonQuery): EpsilonResult {
  const { q, sigma, steps, delta } = query;
  const orders = (query.orders ?? DEFAULT_ORDERS).filter((a) => a > 1 && Number.isFinite(a));
  const invalid: EpsilonResult = { epsilon: NaN, order: null, status: 'invalid' };
  if (!(q > 0 && q <= 1) || !(sigma >= 0) || !Number.isInteger(steps) || steps < 0 || !(delta > 0 && delta < 1) || !orders.length) return invalid;
  if (steps === 0) return { epsilon: 0, order: null, status: 'ok' };
  if (sigma === 0) return { epsilon: Infinity, order: null, status: 'no-privacy' };
  const rdp = orders.map((a) => steps * rdpOneStep(q, sigma, a));
  const { epsilon: eps, order } = epsilonFromRdp(orders, rdp, delta, query.conversion);
  return Number.isFinite(eps) ? { epsilon: eps, order, status: 'ok' } : { epsilon: Infinity, order: null, status: 'no-privacy' };
}
