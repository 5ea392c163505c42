/**
 * Multi-layer perceptrons built from raw tfjs variables, so that each training step can name
 * exactly which weights it updates, and so that weights can be initialised from a seeded Rng.
 */
import { tf } from '../shared/tf';
import type { Activation } from '../settings/config';
import type { Rng } from '../shared/rng';

export interface MlpSpec {
  inDim: number;
  hidden: number[];
  outDim: number;
  act: Activation;
  /** Output non-linearity: none for logits and 2-D coordinates, tanh or sigmoid for pixels. */
  out: 'linear' | 'tanh' | 'sigmoid';
}

export const LEAKY_SLOPE = 0.2;

/**
 * Leaky ReLU written as x · step(x, 0.2). tf.leakyRelu has no second-order gradient, and the
 * R1 penalty differentiates the detective's input gradient once more.
 */
export function activate(x: tf.Tensor, act: Activation): tf.Tensor {
  switch (act) {
    case 'relu':
      return tf.relu(x);
    case 'leaky':
      return tf.mul(x, tf.step(x, LEAKY_SLOPE));
    case 'tanh':
      return smoothTanh(x);
  }
}

/** Where the [7/6] Padé approximant of tanh reaches ±1 (to 1e-6). */
export const TANH_CLAMP = 4.97;

/**
 * tanh as a clamped [7/6] Padé approximant (error < 1e-4 everywhere). tf.tanh, tf.sigmoid and
 * tf.exp take their gradient from a saved copy of their output, which the tape does not connect
 * back to the input, so their second-order gradient is wrong; products and quotients of the
 * input differentiate correctly twice.
 */
export function smoothTanh(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // clamp with a step mask: clipByValue's gradient has no gradient of its own
    const inside = tf.step(tf.sub(TANH_CLAMP, tf.abs(x)));
    const c = tf.add(tf.mul(inside, x), tf.mul(tf.sub(1, inside), tf.mul(tf.sign(x), TANH_CLAMP)));
    const c2 = tf.square(c);
    const num = tf.mul(c, tf.add(135135, tf.mul(c2, tf.add(17325, tf.mul(c2, tf.add(378, c2))))));
    const den = tf.add(135135, tf.mul(c2, tf.add(62370, tf.mul(c2, tf.add(3150, tf.mul(c2, 28))))));
    return tf.div(num, den);
  });
}

/**
 * All weights of a network live in one flat variable θ = [W0, b0, W1, b1, …] (row-major).
 * Layers read their weights as slices of θ, so an optimizer updates a whole network with a
 * handful of kernels instead of a dozen per weight matrix — on WebGL the kernel count, not
 * the arithmetic, sets the speed of such small networks.
 */
export class Mlp {
  readonly spec: MlpSpec;
  readonly theta: tf.Variable<tf.Rank.R1>;
  /** Per layer: offset of W in θ, its shape, and the offset of b. */
  readonly layout: { w: number; rows: number; cols: number; b: number }[];
  readonly size: number;

  constructor(spec: MlpSpec, rng: Rng) {
    this.spec = spec;
    const sizes = [spec.inDim, ...spec.hidden, spec.outDim];
    this.layout = [];
    let offset = 0;
    for (let l = 0; l < sizes.length - 1; l++) {
      this.layout.push({ w: offset, rows: sizes[l], cols: sizes[l + 1], b: offset + sizes[l] * sizes[l + 1] });
      offset += sizes[l] * sizes[l + 1] + sizes[l + 1];
    }
    this.size = offset;
    const init = new Float32Array(offset);
    for (const { w, rows, cols } of this.layout) {
      // Glorot-uniform weights, zero biases.
      const limit = Math.sqrt(6 / (rows + cols));
      for (let i = 0; i < rows * cols; i++) init[w + i] = rng.uniform(-limit, limit);
    }
    // tidy frees the initial value; the variable keeps its own reference
    this.theta = tf.tidy(() => tf.variable(tf.tensor1d(init), true));
  }

  /** Per-layer views of θ and the θ they were cut from (its dataId changes on every assign). */
  private cachedViews: { W: tf.Tensor3D; b: tf.Tensor1D }[] | null = null;
  private viewsOf: object | null = null;

  /**
   * Each layer's W (as [1, rows, cols], the fused kernels' shape) and b as tensors cut from θ,
   * cached until θ is next assigned: one split per update instead of a slice and reshape per
   * layer per use. For the hand-written passes (backprop.ts); Mlp.apply slices θ itself so the
   * tape reaches θ.
   */
  views(): { W: tf.Tensor3D; b: tf.Tensor1D }[] {
    const id = this.theta.dataId;
    if (this.cachedViews && this.viewsOf === id) return this.cachedViews;
    this.disposeViews();
    const sizes = this.layout.flatMap(({ rows, cols }) => [rows * cols, cols]);
    this.cachedViews = tf.tidy(() => {
      const parts = tf.split(this.theta, sizes);
      return this.layout.map(({ rows, cols }, l) => ({ W: tf.reshape(parts[2 * l], [1, rows, cols]) as tf.Tensor3D, b: parts[2 * l + 1] as tf.Tensor1D }));
    });
    // kept: views are made inside whatever tidy asked for them first, and live past it
    for (const { W, b } of this.cachedViews) {
      tf.keep(W);
      tf.keep(b);
    }
    this.viewsOf = id;
    return this.cachedViews;
  }

  private disposeViews(): void {
    if (this.cachedViews) for (const { W, b } of this.cachedViews) tf.dispose([W, b]);
    this.cachedViews = null;
    this.viewsOf = null;
  }

  /** The trainable variables (one). */
  get vars(): tf.Variable[] {
    return [this.theta];
  }

  get layers(): number {
    return this.layout.length;
  }

  apply(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      let h: tf.Tensor2D = x;
      this.layout.forEach(({ w, rows, cols, b }, l) => {
        const W = tf.reshape(tf.slice(this.theta, [w], [rows * cols]), [rows, cols]) as tf.Tensor2D;
        const B = tf.slice(this.theta, [b], [cols]);
        // plain matMul + add: tf.fused.matMul's custom gradient has no correct second-order
        // gradient, and the R1 penalty differentiates through the detective's input gradient.
        h = tf.add(tf.matMul(h, W), B) as tf.Tensor2D;
        if (l < this.layout.length - 1) h = activate(h, this.spec.act) as tf.Tensor2D;
      });
      if (this.spec.out === 'tanh') h = tf.tanh(h) as tf.Tensor2D;
      else if (this.spec.out === 'sigmoid') h = tf.sigmoid(h) as tf.Tensor2D;
      return h;
    });
  }

  parameterCount(): number {
    return this.size;
  }

  /** Copy of every weight, for tests and for "restore last good state". */
  snapshot(): Float32Array {
    return (this.theta.dataSync() as Float32Array).slice();
  }

  async snapshotAsync(): Promise<Float32Array> {
    return ((await this.theta.data()) as Float32Array).slice();
  }

  restore(weights: Float32Array): void {
    if (weights.length !== this.size) throw new Error(`expected ${this.size} weights, got ${weights.length}`);
    tf.tidy(() => this.theta.assign(tf.tensor1d(weights)));
  }

  /** Overwrite one layer's weights and bias (tests, demonstrations). */
  setLayer(l: number, weights: ArrayLike<number>, bias: ArrayLike<number>): void {
    const { w, rows, cols, b } = this.layout[l];
    const all = this.snapshot();
    if (weights.length !== rows * cols || bias.length !== cols) throw new Error('layer shape mismatch');
    all.set(weights, w);
    all.set(bias, b);
    this.restore(all);
  }

  dispose(): void {
    this.disposeViews();
    this.theta.dispose();
  }
}
