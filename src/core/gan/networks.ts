/**
 * Multi-layer perceptrons built from raw tfjs variables, so that each training step can name
 * exactly which weights it updates, and so that weights can be initialised from a seeded Rng.
 */
import { tf } from '../tf';
import type { Activation } from '../config';
import type { Rng } from '../rng';

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

export class Mlp {
  readonly spec: MlpSpec;
  /** [W0, b0, W1, b1, …] */
  readonly vars: tf.Variable[];

  constructor(spec: MlpSpec, rng: Rng) {
    this.spec = spec;
    const sizes = [spec.inDim, ...spec.hidden, spec.outDim];
    this.vars = [];
    for (let l = 0; l < sizes.length - 1; l++) {
      const fanIn = sizes[l];
      const fanOut = sizes[l + 1];
      // Glorot-uniform weights, zero biases.
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      const w = new Float32Array(fanIn * fanOut);
      for (let i = 0; i < w.length; i++) w[i] = rng.uniform(-limit, limit);
      // tidy frees the initial values; the variables keep their own reference
      this.vars.push(tf.tidy(() => tf.variable(tf.tensor2d(w, [fanIn, fanOut]), true)));
      this.vars.push(tf.tidy(() => tf.variable(tf.zeros([fanOut]), true)));
    }
  }

  get layers(): number {
    return this.vars.length / 2;
  }

  apply(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      let h: tf.Tensor2D = x;
      for (let l = 0; l < this.layers; l++) {
        const w = this.vars[2 * l] as tf.Variable<tf.Rank.R2>;
        const b = this.vars[2 * l + 1];
        const last = l === this.layers - 1;
        // plain matMul + add: tf.fused.matMul's custom gradient has no correct second-order
        // gradient, and the R1 penalty differentiates through the detective's input gradient.
        h = tf.add(tf.matMul(h, w), b) as tf.Tensor2D;
        if (!last) h = activate(h, this.spec.act) as tf.Tensor2D;
      }
      if (this.spec.out === 'tanh') h = tf.tanh(h) as tf.Tensor2D;
      else if (this.spec.out === 'sigmoid') h = tf.sigmoid(h) as tf.Tensor2D;
      return h;
    });
  }

  parameterCount(): number {
    return this.vars.reduce((n, v) => n + v.size, 0);
  }

  /** Copy of every weight, for tests and for "restore last good state". */
  snapshot(): Float32Array[] {
    return this.vars.map((v) => v.dataSync() as Float32Array).map((a) => a.slice());
  }

  async snapshotAsync(): Promise<Float32Array[]> {
    const arrays = await Promise.all(this.vars.map((v) => v.data()));
    return arrays.map((a) => (a as Float32Array).slice());
  }

  restore(weights: Float32Array[]): void {
    if (weights.length !== this.vars.length) throw new Error('weight count mismatch');
    this.vars.forEach((v, i) => {
      if (weights[i].length !== v.size) throw new Error('weight shape mismatch');
      tf.tidy(() => v.assign(tf.tensor(weights[i], v.shape)));
    });
  }

  dispose(): void {
    this.vars.forEach((v) => v.dispose());
  }
}
