/**
 * Optimizers for one flat parameter vector. Adam here is the same rule as tf.train.adam
 * (θ ← θ − lr · m̂ / (√v̂ + ε)) written as a dozen kernels for the whole network, with the bias
 * corrections folded into two numbers computed on the CPU.
 */
import { tf } from '../shared/tf';
import type { OptimizerKind } from '../settings/config';

export interface FlatOptimizer {
  apply(param: tf.Variable, grad: tf.Tensor, lr: number): void;
  dispose(): void;
}

export class FlatAdam implements FlatOptimizer {
  private readonly m: tf.Variable;
  private readonly v: tf.Variable;
  private readonly c: Record<'b1' | 'nb1' | 'b2' | 'nb2' | 'eps', tf.Scalar>;
  private t = 0;
  private readonly beta1: number;
  private readonly beta2: number;

  constructor(size: number, beta1 = 0.9, beta2 = 0.999, eps = 1e-8) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.m = tf.tidy(() => tf.variable(tf.zeros([size]), false));
    this.v = tf.tidy(() => tf.variable(tf.zeros([size]), false));
    this.c = {
      b1: tf.keep(tf.scalar(beta1)),
      nb1: tf.keep(tf.scalar(1 - beta1)),
      b2: tf.keep(tf.scalar(beta2)),
      nb2: tf.keep(tf.scalar(1 - beta2)),
      eps: tf.keep(tf.scalar(eps)),
    };
  }

  apply(param: tf.Variable, grad: tf.Tensor, lr: number): void {
    this.t++;
    const stepSize = lr / (1 - this.beta1 ** this.t);
    const vScale = 1 / Math.sqrt(1 - this.beta2 ** this.t);
    tf.tidy(() => {
      const { b1, nb1, b2, nb2, eps } = this.c;
      const m = tf.add(tf.mul(this.m, b1), tf.mul(grad, nb1));
      const v = tf.add(tf.mul(this.v, b2), tf.mul(tf.square(grad), nb2));
      this.m.assign(m);
      this.v.assign(v);
      const denom = tf.add(tf.mul(tf.sqrt(v), tf.scalar(vScale)), eps);
      param.assign(tf.sub(param, tf.div(tf.mul(m, tf.scalar(stepSize)), denom)));
    });
  }

  dispose(): void {
    this.m.dispose();
    this.v.dispose();
    Object.values(this.c).forEach((t) => t.dispose());
  }
}

export class FlatSgd implements FlatOptimizer {
  apply(param: tf.Variable, grad: tf.Tensor, lr: number): void {
    tf.tidy(() => param.assign(tf.sub(param, tf.mul(grad, tf.scalar(lr)))));
  }
  dispose(): void {}
}

export function makeFlatOptimizer(kind: OptimizerKind, size: number, beta1: number): FlatOptimizer {
  return kind === 'adam' ? new FlatAdam(size, beta1) : new FlatSgd();
}
