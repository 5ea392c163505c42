/**
 * The adversarial game. stepD trains only the detective, stepG only the forger, step does
 * `dSteps` of the first and one of the second. Each call frees everything it makes; the last
 * losses are kept as tensors so the loop can read them back asynchronously, never per step.
 */
import { tf } from '../tf';
import { DEFAULT_CONFIG, lrScale, R1_GAMMA } from '../config';
import type { Activation, Config, LossKind, NoiseKind, OptimizerKind, Recipe } from '../config';
import type { PointSet } from '../datasets';
import { Rng } from '../rng';
import { Mlp } from './networks';
import type { MlpSpec } from './networks';
import { detectiveLoss, forgerLoss, realProbability } from './losses';
import { makeFlatOptimizer } from './optim';
import type { FlatOptimizer } from './optim';

export interface TrainerSpec {
  seed: number;
  dim: number;
  noiseDim: number;
  noise: NoiseKind;
  generator: { hidden: number[]; act: Activation; out: MlpSpec['out'] };
  detective: { hidden: number[]; act: Activation };
  loss: LossKind;
  optimizer: OptimizerKind;
  lrG: number;
  lrD: number;
  beta1: number;
  dSteps: number;
  batch: number;
  recipe: Recipe;
  /** R1 weight γ (stabilised recipe only). */
  r1Gamma: number;
  /** Apply R1 every k-th detective step, scaled by k ("lazy regularisation"); 1 = every step. */
  r1Every: number;
}

/** The trainer spec of a 2-D playground config. */
export function specFromConfig(cfg: Config, dim = 2): TrainerSpec {
  return {
    seed: cfg.seed,
    dim,
    noiseDim: cfg.noiseDim,
    noise: cfg.noise,
    generator: { hidden: Array(cfg.gLayers).fill(cfg.gNeurons), act: cfg.gAct, out: 'linear' },
    detective: { hidden: Array(cfg.dLayers).fill(cfg.dNeurons), act: cfg.dAct },
    loss: cfg.loss,
    optimizer: cfg.optimizer,
    lrG: cfg.lrG,
    lrD: cfg.lrD,
    beta1: 0.5,
    dSteps: cfg.dSteps,
    batch: cfg.batch,
    recipe: cfg.recipe,
    r1Gamma: R1_GAMMA,
    r1Every: 1,
  };
}

export const DEFAULT_SPEC: TrainerSpec = specFromConfig(DEFAULT_CONFIG);

/** Minimise `loss` over one network's parameters only; returns the loss (kept). */
function update(net: Mlp, opt: FlatOptimizer, lr: number, loss: () => tf.Scalar): tf.Scalar {
  const { value, grads } = tf.variableGrads(loss, [net.theta]);
  opt.apply(net.theta, grads[net.theta.name], lr);
  tf.dispose(grads);
  return value;
}

/** A copy of both networks' weights at a step, for "restore last good state". */
export interface TrainerState {
  steps: number;
  g: Float32Array;
  d: Float32Array;
}

export class Trainer {
  readonly spec: TrainerSpec;
  readonly data: PointSet;
  readonly G: Mlp;
  readonly D: Mlp;
  private optG: FlatOptimizer;
  private optD: FlatOptimizer;
  /** Stream for batches and noise; separate from the weight stream. */
  private readonly rng: Rng;
  private readonly realBuf: Float32Array;
  private readonly noiseBuf: Float32Array;
  /** Full training steps (dSteps detective updates + one forger update). */
  steps = 0;
  dUpdates = 0;
  gUpdates = 0;
  lossD: tf.Scalar | null = null;
  lossG: tf.Scalar | null = null;
  private disposed = false;

  constructor(spec: TrainerSpec, data: PointSet) {
    if (data.dim !== spec.dim) throw new Error(`data has ${data.dim} dimensions, spec ${spec.dim}`);
    if (data.n < 1) throw new Error('the training set is empty');
    this.spec = spec;
    this.data = data;
    const root = new Rng(spec.seed);
    this.G = new Mlp({ inDim: spec.noiseDim, hidden: spec.generator.hidden, outDim: spec.dim, act: spec.generator.act, out: spec.generator.out }, root.fork('generator'));
    this.D = new Mlp({ inDim: spec.dim, hidden: spec.detective.hidden, outDim: 1, act: spec.detective.act, out: 'linear' }, root.fork('detective'));
    this.optG = makeFlatOptimizer(spec.optimizer, this.G.size, spec.beta1);
    this.optD = makeFlatOptimizer(spec.optimizer, this.D.size, spec.beta1);
    this.rng = root.fork('batches');
    this.realBuf = new Float32Array(spec.batch * spec.dim);
    this.noiseBuf = new Float32Array(spec.batch * spec.noiseDim);
  }

  /** Current learning rates (the stabilised recipe decays them). */
  rates(): { g: number; d: number } {
    const s = lrScale(this.spec.recipe, this.steps);
    return { g: this.spec.lrG * s, d: this.spec.lrD * s };
  }

  /** A batch of noise from the training stream. */
  private noiseBatch(): tf.Tensor2D {
    this.rng.fill(this.noiseBuf, this.spec.noise);
    return tf.tensor2d(this.noiseBuf, [this.spec.batch, this.spec.noiseDim]);
  }

  private realBatch(): tf.Tensor2D {
    const { dim, batch } = this.spec;
    const { x, n } = this.data;
    for (let i = 0; i < batch; i++) {
      const j = this.rng.int(n);
      for (let d = 0; d < dim; d++) this.realBuf[i * dim + d] = x[j * dim + d];
    }
    return tf.tensor2d(this.realBuf, [batch, dim]);
  }

  /** Noise for n points from any Rng (evaluation and fixed visual noise use their own). */
  noiseFrom(rng: Rng, n: number): tf.Tensor2D {
    const buf = rng.fill(new Float32Array(n * this.spec.noiseDim), this.spec.noise);
    return tf.tensor2d(buf, [n, this.spec.noiseDim]);
  }

  /** One detective update; the forger's weights are not touched. */
  stepD(): void {
    this.assertLive();
    const { batch, recipe, r1Gamma, r1Every, loss } = this.spec;
    const lr = this.rates().d;
    const withR1 = recipe === 'stabilised' && r1Gamma > 0 && this.dUpdates % r1Every === 0;
    const cost = tf.tidy(() => {
      const real = this.realBatch();
      const fake = this.G.apply(this.noiseBatch());
      const both = tf.concat([real, fake], 0);
      return update(this.D, this.optD, lr, () => {
          const scores = this.D.apply(both);
          const sReal = tf.slice(scores, [0, 0], [batch, 1]);
          const sFake = tf.slice(scores, [batch, 0], [batch, 1]);
          let l = detectiveLoss(loss, sReal, sFake);
          if (withR1) {
            // R1 (Mescheder et al. 2018): γ/2 · E‖∇ₓ D(x)‖² on real points, scaled by the lazy interval.
            const gx = tf.grad((x: tf.Tensor) => tf.sum(this.D.apply(x as tf.Tensor2D)))(real);
            const penalty = tf.mean(tf.sum(tf.square(gx), 1));
            l = tf.add(l, tf.mul(penalty, (r1Gamma / 2) * r1Every));
          }
          return l as tf.Scalar;
      });
    });
    this.lossD?.dispose();
    this.lossD = cost;
    this.dUpdates++;
  }

  /** One forger update; the detective's weights are not touched. */
  stepG(): void {
    this.assertLive();
    const lr = this.rates().g;
    const cost = tf.tidy(() => {
      const z = this.noiseBatch();
      return update(this.G, this.optG, lr, () => forgerLoss(this.spec.loss, this.D.apply(this.G.apply(z))));
    });
    this.lossG?.dispose();
    this.lossG = cost;
    this.gUpdates++;
  }

  /** One full training step. */
  step(): void {
    for (let k = 0; k < this.spec.dSteps; k++) this.stepD();
    this.stepG();
    this.steps++;
  }

  /** G(z) for given noise. */
  generate(z: tf.Tensor2D): tf.Tensor2D {
    return this.G.apply(z);
  }

  /** The detective's probability that each row of x is real, shape [n, 1]. */
  judge(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => realProbability(this.spec.loss, this.D.apply(x)) as tf.Tensor2D);
  }

  /** Sample n generated points with their own stream (for evaluation). */
  sample(rng: Rng, n: number): tf.Tensor2D {
    return tf.tidy(() => this.G.apply(this.noiseFrom(rng, n)));
  }

  /** Read both networks' weights without blocking (GPU backends). */
  async captureState(): Promise<TrainerState> {
    const steps = this.steps;
    const [g, d] = await Promise.all([this.G.snapshotAsync(), this.D.snapshotAsync()]);
    return { steps, g, d };
  }

  /** Whether a captured state is usable (every weight finite). */
  static isFinite(state: TrainerState): boolean {
    return state.g.every(Number.isFinite) && state.d.every(Number.isFinite);
  }

  /**
   * Go back to a captured state. The optimizers start afresh: their moments may hold the
   * values that blew up.
   */
  restoreState(state: TrainerState): void {
    this.assertLive();
    this.G.restore(state.g);
    this.D.restore(state.d);
    this.optG.dispose();
    this.optD.dispose();
    this.optG = makeFlatOptimizer(this.spec.optimizer, this.G.size, this.spec.beta1);
    this.optD = makeFlatOptimizer(this.spec.optimizer, this.D.size, this.spec.beta1);
    this.steps = state.steps;
    this.lossD?.dispose();
    this.lossG?.dispose();
    this.lossD = this.lossG = null;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('trainer was disposed');
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.G.dispose();
    this.D.dispose();
    this.optG.dispose();
    this.optD.dispose();
    this.lossD?.dispose();
    this.lossG?.dispose();
    this.lossD = this.lossG = null;
  }
}
