/**
 * DP-SGD for the detective (Abadi et al. 2016), vectorised on the hand-written passes.
 *
 * Only the detective reads real data, so only its update is privatised; the forger trains on the
 * detective's output and noise, which is post-processing (Xie et al. 2018, DPGAN).
 *
 * One private detective step:
 * - **Sampling**: each training example joins the real batch independently with probability
 *   q = min(1, batch/n) (Poisson sampling, what the accountant in core/privacy/accountant.ts
 *   assumes), so the real batch's size varies around its expectation B = q·n.
 * - **Per-example gradients, never materialised.** For a dense layer the example's weight
 *   gradient is the outer product a_i δ_iᵀ (a_i its input to the layer, δ_i the backward signal
 *   at the layer's pre-activation), whose squared Frobenius norm is ‖a_i‖²·‖δ_i‖², plus ‖δ_i‖²
 *   for the bias. One ordinary backward pass gives every δ_l for all rows at once, so
 *   ‖g_i‖² = Σ_l (‖a_{l,i}‖² + 1)·‖δ_{l,i}‖² costs a few reductions per layer.
 * - **Clipping**: c_i = min(1, C/‖g_i‖); the clipped sum is Σ_i c_i g_i = A_lᵀ(diag(c)Δ_l) per
 *   layer (the backward signals are row-wise, so scaling the rows of Δ_l by c is exact).
 * - **Noise**: N(0, σ²C²) on every coordinate of the clipped sum, from a seeded Rng fork; then
 *   divided by the expected batch size B (as Opacus does under Poisson sampling).
 * - **The fake half** (the detective's loss on generated points) reads no real example, so its
 *   gradient is added unclipped and without noise, averaged over its fixed batch as in plain
 *   training.
 * - **R1 is not applied under DP.** The stabilised recipe's gradient penalty reads every real
 *   example and would have to be clipped together with that example's adversarial gradient; we
 *   do not do that, so a DP trainer never adds it (the honest choice: DP uses the plain game).
 *   The recipe's learning-rate schedule reads no data and is kept.
 */
import { tf } from '../shared/tf';
import type { LossKind } from '../settings/config';
import type { Mlp } from './networks';
import { forward } from './backprop';
import type { Pass } from './backprop';

export interface DpOptions {
  /** Clipping norm C of each example's gradient (> 0). */
  clip: number;
  /** Noise multiplier σ: the noise's standard deviation is σ·C (≥ 0). */
  sigma: number;
  /** Seed of the noise stream (default: the trainer's seed). */
  noiseSeed?: number;
  /**
   * 'poisson' (default): the sampling the accountant assumes. 'replacement': the plain trainer's
   * fixed-size batch with replacement, for comparing with plain training only; no ε holds for it.
   */
  sampling?: 'poisson' | 'replacement';
}

/** Backward signals δ_l = ∂loss/∂z_l (at each layer's pre-activation) for all rows. */
export function layerSignals(net: Mlp, pass: Pass, dy: tf.Tensor3D): tf.Tensor3D[] {
  const views = net.views();
  const L = views.length;
  const dz: tf.Tensor3D[] = new Array(L);
  let up = dy;
  for (let l = L - 1; l >= 0; l--) {
    const d = pass.derivs[l];
    dz[l] = d ? tf.mul(up, d) : up;
    if (l > 0) up = tf.matMul(dz[l], views[l].W, false, true);
  }
  return dz;
}

/** Per-row gradient norms ‖g_i‖ over all layers from the layer inputs and signals, shape [1, rows, 1]. */
export function rowGradNorms(inputs: tf.Tensor3D[], dz: tf.Tensor3D[]): tf.Tensor3D {
  let sq: tf.Tensor3D | null = null;
  dz.forEach((d, l) => {
    const a2 = tf.add(tf.sum(tf.square(inputs[l]), 2, true), 1);
    const t = tf.mul(a2, tf.sum(tf.square(d), 2, true)) as tf.Tensor3D;
    sq = sq ? tf.add(sq, t) : t;
  });
  return tf.sqrt(sq!);
}

/** Row-weighted parameter gradient Σ_i w_i g_i as one flat vector in θ's layout. */
function weightedFlat(inputs: tf.Tensor3D[], dz: tf.Tensor3D[], w: tf.Tensor3D): tf.Tensor1D {
  const parts: tf.Tensor[] = [];
  dz.forEach((d, l) => {
    const wd = tf.mul(d, w);
    parts.push(tf.reshape(tf.matMul(inputs[l], wd, true, false), [-1]), tf.sum(wd, [0, 1]));
  });
  return tf.concat(parts) as tf.Tensor1D;
}

/** ∂ℓ/∂s per row of the detective's loss for one real (target 1) or fake (target 0) row. */
function rowScoreGrad(kind: LossKind, s: tf.Tensor3D, target: number): tf.Tensor3D {
  const p = kind === 'lsgan' ? s : tf.sigmoid(s);
  return tf.sub(p, target);
}

/**
 * The real rows' per-example gradients of the detective's loss, clipped to `clip` and summed
 * (no noise, no averaging), with each row's unclipped norm. Exposed for tests and the view.
 */
export function clippedRealGradient(D: Mlp, kind: LossKind, real: tf.Tensor3D, clip: number): { sum: tf.Tensor1D; norms: tf.Tensor1D; scores: tf.Tensor3D } {
  const pass = forward(D, real, true);
  const dz = layerSignals(D, pass, rowScoreGrad(kind, pass.y, 1));
  const norms = rowGradNorms(pass.inputs, dz);
  const c = tf.minimum(1, tf.div(clip, tf.maximum(norms, 1e-30))) as tf.Tensor3D;
  return { sum: weightedFlat(pass.inputs, dz, c), norms: tf.reshape(norms, [-1]) as tf.Tensor1D, scores: pass.y };
}

/**
 * The private detective gradient: (clipped real sum + noise)/expectedBatch + the fake half's
 * mean gradient. `real` may be null (an empty Poisson batch); `noise` is standard normal of θ's
 * size, or null when σ = 0. Returns the scores of the real rows then the fake rows.
 */
export function dpDetectiveGradient(
  D: Mlp,
  kind: LossKind,
  real: tf.Tensor3D | null,
  fake: tf.Tensor3D,
  opts: { clip: number; sigma: number; expectedBatch: number; noise: tf.Tensor1D | null },
): { grad: tf.Tensor1D; scores: tf.Tensor3D } {
  const fakeRows = fake.shape[1];
  const fakePass = forward(D, fake, true);
  const fakeDz = layerSignals(D, fakePass, rowScoreGrad(kind, fakePass.y, 0));
  let grad = weightedFlat(fakePass.inputs, fakeDz, tf.fill([1, fakeRows, 1], 1 / fakeRows) as tf.Tensor3D);
  let scores = fakePass.y;
  let privateSum: tf.Tensor1D | null = null;
  if (real && real.shape[1] > 0) {
    const r = clippedRealGradient(D, kind, real, opts.clip);
    privateSum = r.sum;
    scores = tf.concat([r.scores, fakePass.y], 1);
  }
  if (opts.noise && opts.sigma > 0) {
    const n = tf.mul(opts.noise, opts.sigma * opts.clip) as tf.Tensor1D;
    privateSum = privateSum ? tf.add(privateSum, n) : n;
  }
  if (privateSum) grad = tf.add(grad, tf.div(privateSum, opts.expectedBatch));
  return { grad, scores };
}
