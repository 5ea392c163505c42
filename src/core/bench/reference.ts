/**
 * The arithmetic limit (issue 6): the same forger and detective as core/gan/trainer.ts, trained
 * with the *plain* recipe (non-saturating loss, Adam, no R1, constant rate), written by hand
 * on Float32Arrays. No tensors, no kernels, no allocation per step: what one training step
 * costs when only the arithmetic is paid for. Every backend's speed is reported as a ratio to
 * this.
 *
 * It draws weights, batches and noise from the same seeded streams as Trainer (core/rng.ts), in
 * the same order, so with the same seed it follows the tfjs trainer's trajectory up to float
 * rounding; the unit test checks its gradients against tfjs on the same weights.
 */
import { Rng } from '../shared/rng';
import type { Activation } from '../settings/config';
import type { PointSet } from '../data/datasets';
import type { TrainerSpec } from '../gan/trainer';

const LEAKY = 0.2;

/** A dense MLP with all weights in one flat vector θ = [W0, b0, W1, b1, …] (the layout of core's Mlp). */
export class RefMlp {
  readonly sizes: number[];
  readonly act: Activation;
  readonly theta: Float32Array;
  readonly grad: Float32Array;
  readonly layout: { w: number; rows: number; cols: number; b: number }[];
  readonly size: number;
  /** Per layer l: its input (post-activation of l−1; l = 0 is the network input), n × sizes[l]. */
  private readonly inputs: Float32Array[];
  /** Per layer: pre-activation output z, n × sizes[l+1]. */
  private readonly pre: Float32Array[];
  private readonly out: Float32Array[];
  /** Backward scratch: gradient w.r.t. each layer's input / pre-activation. */
  private readonly dIn: Float32Array[];
  private readonly dz: Float32Array;
  private n = 0;

  constructor(sizes: number[], act: Activation, rng: Rng, maxRows: number) {
    this.sizes = sizes;
    this.act = act;
    this.layout = [];
    let offset = 0;
    for (let l = 0; l < sizes.length - 1; l++) {
      this.layout.push({ w: offset, rows: sizes[l], cols: sizes[l + 1], b: offset + sizes[l] * sizes[l + 1] });
      offset += sizes[l] * sizes[l + 1] + sizes[l + 1];
    }
    this.size = offset;
    this.theta = new Float32Array(offset);
    for (const { w, rows, cols } of this.layout) {
      // Glorot-uniform weights, zero biases: the same draws as core's Mlp
      const limit = Math.sqrt(6 / (rows + cols));
      for (let i = 0; i < rows * cols; i++) this.theta[w + i] = rng.uniform(-limit, limit);
    }
    this.grad = new Float32Array(offset);
    this.inputs = sizes.slice(0, -1).map((s) => new Float32Array(maxRows * s));
    this.pre = sizes.slice(1).map((s) => new Float32Array(maxRows * s));
    this.out = sizes.slice(1).map((s) => new Float32Array(maxRows * s));
    this.dIn = sizes.slice(0, -1).map((s) => new Float32Array(maxRows * s));
    this.dz = new Float32Array(maxRows * Math.max(...sizes));
  }

  /** Forward pass of n rows; returns the output buffer (n × outDim, valid until the next call). */
  forward(x: Float32Array, n: number): Float32Array {
    this.n = n;
    const L = this.layout.length;
    this.inputs[0].set(x.subarray(0, n * this.sizes[0]));
    const th = this.theta;
    for (let l = 0; l < L; l++) {
      const { w, rows, cols, b } = this.layout[l];
      const inp = this.inputs[l];
      const z = this.pre[l];
      for (let i = 0; i < n; i++) {
        const zi = i * cols;
        for (let j = 0; j < cols; j++) z[zi + j] = th[b + j];
        const ii = i * rows;
        for (let k = 0; k < rows; k++) {
          const a = inp[ii + k];
          if (a === 0) continue;
          const wk = w + k * cols;
          for (let j = 0; j < cols; j++) z[zi + j] += a * th[wk + j];
        }
      }
      const last = l === L - 1;
      const dst = last ? this.out[l] : this.inputs[l + 1];
      const m = n * cols;
      if (last) dst.set(z.subarray(0, m));
      else if (this.act === 'relu') for (let i = 0; i < m; i++) dst[i] = z[i] > 0 ? z[i] : 0;
      else if (this.act === 'leaky') for (let i = 0; i < m; i++) dst[i] = z[i] > 0 ? z[i] : LEAKY * z[i];
      else for (let i = 0; i < m; i++) dst[i] = Math.tanh(z[i]);
    }
    return this.out[L - 1];
  }

  /**
   * Backward pass of the last forward: dOut is dLoss/dOutput (n × outDim). With `params`,
   * accumulates dLoss/dθ into `grad`; with `input`, returns dLoss/dInput (n × inDim).
   */
  backward(dOut: Float32Array, params: boolean, input: boolean): Float32Array | null {
    const n = this.n;
    const th = this.theta;
    const g = this.grad;
    const dz = this.dz;
    const L = this.layout.length;
    let upstream = dOut;
    for (let l = L - 1; l >= 0; l--) {
      const { w, rows, cols, b } = this.layout[l];
      const m = n * cols;
      if (l === L - 1) dz.set(upstream.subarray(0, m));
      else {
        const z = this.pre[l];
        const y = this.inputs[l + 1];
        if (this.act === 'relu') for (let i = 0; i < m; i++) dz[i] = z[i] > 0 ? upstream[i] : 0;
        else if (this.act === 'leaky') for (let i = 0; i < m; i++) dz[i] = z[i] > 0 ? upstream[i] : LEAKY * upstream[i];
        else for (let i = 0; i < m; i++) dz[i] = upstream[i] * (1 - y[i] * y[i]);
      }
      const inp = this.inputs[l];
      if (params) {
        for (let i = 0; i < n; i++) {
          const zi = i * cols;
          for (let j = 0; j < cols; j++) g[b + j] += dz[zi + j];
          const ii = i * rows;
          for (let k = 0; k < rows; k++) {
            const a = inp[ii + k];
            if (a === 0) continue;
            const wk = w + k * cols;
            for (let j = 0; j < cols; j++) g[wk + j] += a * dz[zi + j];
          }
        }
      }
      if (l === 0 && !input) return null;
      const dIn = this.dIn[l];
      for (let i = 0; i < n; i++) {
        const zi = i * cols;
        const ii = i * rows;
        for (let k = 0; k < rows; k++) {
          const wk = w + k * cols;
          let s = 0;
          for (let j = 0; j < cols; j++) s += dz[zi + j] * th[wk + j];
          dIn[ii + k] = s;
        }
      }
      upstream = dIn;
    }
    return upstream;
  }
}

/** Adam on one flat vector, the rule of core/gan/optim.ts FlatAdam. */
export class RefAdam {
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private t = 0;
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly eps: number;
  constructor(size: number, beta1: number, beta2 = 0.999, eps = 1e-8) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }
  apply(theta: Float32Array, grad: Float32Array, lr: number): void {
    this.t++;
    const { beta1: b1, beta2: b2, eps, m, v } = this;
    const stepSize = lr / (1 - b1 ** this.t);
    const vScale = 1 / Math.sqrt(1 - b2 ** this.t);
    for (let i = 0; i < theta.length; i++) {
      const gi = grad[i];
      const mi = b1 * m[i] + (1 - b1) * gi;
      const vi = b2 * v[i] + (1 - b2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      theta[i] -= (stepSize * mi) / (Math.sqrt(vi) * vScale + eps);
    }
  }
}

/** softplus(x) = log(1 + eˣ), stable for large |x|. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The plain-recipe GAN on Float32Arrays. Only the non-saturating loss and Adam (the default preset). */
export class ReferenceGan {
  readonly spec: TrainerSpec;
  readonly G: RefMlp;
  readonly D: RefMlp;
  private readonly optG: RefAdam;
  private readonly optD: RefAdam;
  private readonly rng: Rng;
  private readonly data: PointSet;
  private readonly both: Float32Array;
  private readonly noise: Float32Array;
  private readonly dScore: Float32Array;
  steps = 0;
  lossD = NaN;
  lossG = NaN;

  constructor(spec: TrainerSpec, data: PointSet) {
    if (spec.loss !== 'nonsat' || spec.optimizer !== 'adam') throw new Error('the reference implements the non-saturating loss with Adam');
    if (spec.generator.out !== 'linear') throw new Error('the reference implements a linear forger output');
    this.spec = spec;
    this.data = data;
    const root = new Rng(spec.seed);
    const B = spec.batch;
    this.G = new RefMlp([spec.noiseDim, ...spec.generator.hidden, spec.dim], spec.generator.act, root.fork('generator'), B);
    this.D = new RefMlp([spec.dim, ...spec.detective.hidden, 1], spec.detective.act, root.fork('detective'), 2 * B);
    this.optG = new RefAdam(this.G.size, spec.beta1);
    this.optD = new RefAdam(this.D.size, spec.beta1);
    this.rng = root.fork('batches');
    this.both = new Float32Array(2 * B * spec.dim);
    this.noise = new Float32Array(B * spec.noiseDim);
    this.dScore = new Float32Array(2 * B);
  }

  /** Real rows then fake rows into `both`, drawing from the stream in Trainer's order. */
  private batches(): void {
    const { dim, batch, noise } = this.spec;
    const { x, n } = this.data;
    for (let i = 0; i < batch; i++) {
      const j = this.rng.int(n);
      for (let d = 0; d < dim; d++) this.both[i * dim + d] = x[j * dim + d];
    }
    this.rng.fill(this.noise, noise);
    this.both.set(this.G.forward(this.noise, batch).subarray(0, batch * dim), batch * dim);
  }

  /** dLoss_D/dθ_D on a given real+fake block (2B rows); returns the loss. Leaves the gradient in D.grad. */
  detectiveGradient(both: Float32Array): number {
    const B = this.spec.batch;
    const s = this.D.forward(both, 2 * B);
    let loss = 0;
    for (let i = 0; i < B; i++) {
      // −log σ(s) on real rows, −log(1 − σ(s)) on fake rows, each averaged over B
      loss += softplus(-s[i]) + softplus(s[B + i]);
      this.dScore[i] = -sigmoid(-s[i]) / B;
      this.dScore[B + i] = sigmoid(s[B + i]) / B;
    }
    this.D.grad.fill(0);
    this.D.backward(this.dScore, true, false);
    return loss / B;
  }

  /** dLoss_G/dθ_G for given noise (B rows); returns the loss. Leaves the gradient in G.grad. */
  forgerGradient(z: Float32Array): number {
    const B = this.spec.batch;
    const fake = this.G.forward(z, B);
    const s = this.D.forward(fake, B);
    let loss = 0;
    for (let i = 0; i < B; i++) {
      loss += softplus(-s[i]);
      this.dScore[i] = -sigmoid(-s[i]) / B;
    }
    const dFake = this.D.backward(this.dScore, false, true)!;
    this.G.grad.fill(0);
    this.G.backward(dFake, true, false);
    return loss / B;
  }

  stepD(): void {
    this.batches();
    this.lossD = this.detectiveGradient(this.both);
    this.optD.apply(this.D.theta, this.D.grad, this.spec.lrD);
  }

  stepG(): void {
    this.rng.fill(this.noise, this.spec.noise);
    this.lossG = this.forgerGradient(this.noise);
    this.optG.apply(this.G.theta, this.G.grad, this.spec.lrG);
  }

  step(): void {
    for (let k = 0; k < this.spec.dSteps; k++) this.stepD();
    this.stepG();
    this.steps++;
  }
}

/** Steps per second of the reference for `ms` milliseconds (after a short warm-up). */
export function timeReference(spec: TrainerSpec, data: PointSet, now: () => number, ms = 2000): { stepsPerSecond: number; steps: number } {
  const ref = new ReferenceGan({ ...spec, recipe: 'plain' }, data);
  for (let i = 0; i < 50; i++) ref.step();
  const t0 = now();
  let steps = 0;
  while (now() - t0 < ms) {
    for (let i = 0; i < 20; i++) ref.step();
    steps += 20;
  }
  if (!Number.isFinite(ref.lossD + ref.lossG)) throw new Error('the reference diverged');
  return { stepsPerSecond: steps / ((now() - t0) / 1000), steps };
}
