/**
 * Hand-written backpropagation for the training step, in few, fused kernels. On networks this
 * small every kernel launch costs more than its arithmetic (tens of microseconds on WebGL, a few
 * on wasm and cpu), and tfjs's tape adds a slice, a pad and a reshape per weight matrix and per
 * use. Here a dense layer is one fused kernel forward (matMul + bias + activation) and three or
 * four backward (mask, dW, db, dx); both networks' weights are read through cached per-layer
 * views of θ.
 *
 * The R1 penalty's weight gradient is written out for piecewise-linear detectives (ReLU, leaky
 * ReLU), where the activation's second derivative vanishes almost everywhere: ∇ₓD(x) is then a
 * product of weight matrices and fixed masks, and its squared norm differentiates like a small
 * linear network. Other detectives take the penalty's gradient from the tape (Mlp.apply).
 * test/unit/backprop.test.ts compares every path with tfjs's own gradients.
 */
import { tf } from '../shared/tf';
import { LEAKY_SLOPE } from './networks';
import type { Mlp } from './networks';

/**
 * What backward needs from a forward pass: each layer's input and its activation derivative.
 * Every activation is a [1, rows, units] tensor: the shape the fused kernels take, so no
 * reshape kernels run between layers.
 */
export interface Pass {
  inputs: tf.Tensor3D[];
  /** φ'(z) per layer as a tensor (masks for ReLU and leaky ReLU), null for a linear layer. */
  derivs: (tf.Tensor3D | null)[];
  y: tf.Tensor3D;
}

type Act = 'relu' | 'leaky' | 'tanh' | 'linear' | 'sigmoid';

function layerAct(net: Mlp, l: number): Act {
  return l < net.layout.length - 1 ? net.spec.act : net.spec.out;
}

/** Whether the network's hidden activation is piecewise linear (R1 in closed form). */
export function piecewiseLinear(net: Mlp): boolean {
  return net.spec.act === 'relu' || net.spec.act === 'leaky' || net.layout.length === 1;
}

/** Forward pass of [1, rows, in] inputs, one fused kernel per layer; with `track`, keep what backward needs. */
export function forward(net: Mlp, x: tf.Tensor3D, track: boolean): Pass {
  const views = net.views();
  const inputs: tf.Tensor3D[] = [];
  const derivs: (tf.Tensor3D | null)[] = [];
  let h = x;
  views.forEach(({ W, b }, l) => {
    const act = layerAct(net, l);
    inputs.push(h);
    const fusedAct = act === 'relu' ? 'relu' : act === 'leaky' ? 'leakyrelu' : act === 'sigmoid' ? 'sigmoid' : 'linear';
    // the kernel itself: tf.fused.matMul adds three reshapes and a custom-gradient wrapper
    let y = tf.engine().runKernel('_FusedMatMul', { a: h, b: W, bias: b }, { transposeA: false, transposeB: false, activation: fusedAct, leakyreluAlpha: LEAKY_SLOPE }) as tf.Tensor3D;
    if (act === 'tanh') y = tf.tanh(y);
    if (track) {
      // the sign of y is the sign of z for ReLU and leaky ReLU, so the mask comes from the output
      if (act === 'relu') derivs.push(tf.step(y));
      else if (act === 'leaky') derivs.push(tf.step(y, LEAKY_SLOPE));
      else if (act === 'tanh') derivs.push(tf.sub(1, tf.square(y)));
      else if (act === 'sigmoid') derivs.push(tf.mul(y, tf.sub(1, y)));
      else derivs.push(null);
    }
    h = y;
  });
  return { inputs, derivs, y: h };
}

/** G(z) or D(x) of [n, in] rows without gradients: one fused kernel per layer (two for tanh). */
export function predict(net: Mlp, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const y = forward(net, tf.reshape(x, [1, x.shape[0], x.shape[1]]), false).y;
    return tf.reshape(y, [y.shape[1], y.shape[2]]);
  });
}

export interface Grads {
  dW: tf.Tensor3D[];
  db: tf.Tensor1D[];
  dx: tf.Tensor3D | null;
}

/**
 * Backward pass of `pass` for an upstream gradient dy = ∂loss/∂y. With `params`, the weight and
 * bias gradients; with `input`, ∂loss/∂x.
 */
export function backward(net: Mlp, pass: Pass, dy: tf.Tensor3D, params: boolean, input: boolean): Grads {
  const views = net.views();
  const L = views.length;
  const dW: tf.Tensor3D[] = new Array(L);
  const db: tf.Tensor1D[] = new Array(L);
  let up = dy;
  for (let l = L - 1; l >= 0; l--) {
    const d = pass.derivs[l];
    const dz = d ? tf.mul(up, d) : up;
    if (params) {
      dW[l] = tf.matMul(pass.inputs[l], dz, true, false);
      db[l] = tf.sum(dz, [0, 1]);
    }
    if (l > 0 || input) up = tf.matMul(dz, views[l].W, false, true);
  }
  return { dW, db, dx: input ? up : null };
}

/**
 * Weight gradients of c · Σᵢ ‖∇ₓD(xᵢ)‖² for a piecewise-linear network, given the activation
 * masks of its forward pass on the rows xᵢ (one per hidden layer). Biases get no gradient (the
 * masks do not move with them almost everywhere).
 *
 * With δ_{L−1} = 1 and δ_{l−1} = (δ_l W_lᵀ) ⊙ m_{l−1}, the input gradient is g = δ_0 W_0ᵀ; the
 * penalty is then differentiated back through this chain like a linear network.
 */
export function penaltyWeightGrads(net: Mlp, masks: tf.Tensor3D[], rows: number, c: number): tf.Tensor3D[] {
  const views = net.views();
  const L = views.length;
  const delta: tf.Tensor3D[] = new Array(L);
  delta[L - 1] = tf.ones([1, rows, 1]);
  for (let l = L - 1; l >= 1; l--) delta[l - 1] = tf.mul(tf.matMul(delta[l], views[l].W, false, true), masks[l - 1]);
  const g = tf.matMul(delta[0], views[0].W, false, true);
  const gBar = tf.mul(g, 2 * c);
  const dW: tf.Tensor3D[] = new Array(L);
  dW[0] = tf.matMul(gBar, delta[0], true, false);
  let dDelta = tf.matMul(gBar, views[0].W);
  for (let l = 1; l < L; l++) {
    const a = tf.mul(dDelta, masks[l - 1]);
    dW[l] = tf.matMul(a, delta[l], true, false);
    if (l < L - 1) dDelta = tf.matMul(a, views[l].W);
  }
  return dW;
}

/** The gradients as one flat vector in θ's layout [W0, b0, W1, b1, …]. */
export function flatten(dW: tf.Tensor3D[], db: tf.Tensor1D[]): tf.Tensor1D {
  const parts: tf.Tensor[] = [];
  dW.forEach((w, l) => parts.push(tf.reshape(w, [-1]), db[l]));
  return tf.concat(parts) as tf.Tensor1D;
}
