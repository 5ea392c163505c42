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
      return tf.tanh(x);
  }
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
      this.vars.push(tf.variable(tf.tensor2d(w, [fanIn, fanOut]), true));
      this.vars.push(tf.variable(tf.zeros([fanOut]), true));
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
        // fused matMul + bias (+ relu) is one kernel on WebGL where the activation allows it
        if (!last && this.spec.act === 'relu') {
          h = tf.fused.matMul({ a: h, b: w, bias: b, activation: 'relu' }) as tf.Tensor2D;
        } else {
          h = tf.fused.matMul({ a: h, b: w, bias: b }) as tf.Tensor2D;
          if (!last) h = activate(h, this.spec.act) as tf.Tensor2D;
        }
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
