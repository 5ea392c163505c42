/**
 * The adversarial game. stepD trains only the detective, stepG only the forger, step does
 * `dSteps` of the first and one of the second. Each call frees everything it makes; the last
 * losses are kept as tensors so the loop can read them back asynchronously, never per step.
 */
import { tf } from '../shared/tf';
import { DEFAULT_CONFIG, lrScale, R1_GAMMA } from '../settings/config';
import type { Activation, Config, LossKind, NoiseKind, OptimizerKind, Recipe } from '../settings/config';
import type { PointSet } from '../data/datasets';
import { Rng } from '../shared/rng';
import { Mlp } from './networks';
import type { MlpSpec } from './networks';
import { detectiveLoss, forgerLoss, realProbability } from './losses';
import { makeFlatOptimizer } from './optim';
import type { FlatOptimizer } from './optim';
import { backward, flatten, forward, penaltyWeightGrads, piecewiseLinear, predict } from './backprop';
import { dpDetectiveGradient } from './dp';
import type { DpOptions } from './dp';

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
  /**
   * DP-SGD on the detective (core/gan/dp.ts): Poisson-sampled real batches, per-example
   * clipping to `clip`, Gaussian noise σ·clip. Absent: ordinary training, bit for bit. Under DP
   * the R1 penalty is never applied (it reads real examples unclipped).
   */
  dp?: DpOptions;
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
    ...(cfg.dp === '1' ? { dp: { clip: cfg.clip, sigma: cfg.sigma } } : {}),
  };
}

export const DEFAULT_SPEC: TrainerSpec = specFromConfig(DEFAULT_CONFIG);

/** Rows as [1, n, d], the shape of the hand-written passes. */
function as3d(x: tf.Tensor2D | tf.Tensor3D): tf.Tensor3D {
  return x.rank === 3 ? (x as tf.Tensor3D) : tf.reshape(x, [1, x.shape[0], x.shape[1]]);
}

/**
 * ∂loss/∂score for each row, for the detective (targets 1 on real rows, 0 on fake) or the
 * forger (target 1): σ(s) − t for the log losses, s − t for least squares, each over the batch;
 * minimax's forger minimises −softplus(s), whose derivative is −σ(s).
 */
function scoreGrad(kind: LossKind, s: tf.Tensor3D, target: tf.Tensor | number, batch: number, forgerMinimax = false): tf.Tensor3D {
  if (forgerMinimax) return tf.mul(tf.sigmoid(s), -1 / batch);
  const p = kind === 'lsgan' ? s : tf.sigmoid(s);
  return tf.mul(tf.sub(p, target), 1 / batch);
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
  /** The last update's scores, kept so the losses are computed only when read. */
  private scoresD: tf.Tensor3D | null = null;
  private scoresG: tf.Tensor3D | null = null;
  private cachedLossD: tf.Scalar | null = null;
  private cachedLossG: tf.Scalar | null = null;
  /** Row targets for the detective: 1 for the real half, 0 for the fake half. */
  private targets: tf.Tensor3D | null = null;
  /** Real rows at the front of scoresD (the batch, or a Poisson batch's size under DP). */
  private realRowsD: number;
  /** DP only: the noise stream and its buffer. */
  private readonly dpNoise: { rng: Rng; buf: Float32Array } | null = null;
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
    this.realRowsD = spec.batch;
    if (spec.dp) {
      const { clip, sigma } = spec.dp;
      if (!(clip > 0) || !(sigma >= 0)) throw new Error(`DP needs a clipping norm > 0 and σ ≥ 0 (got ${clip}, ${sigma})`);
      this.dpNoise = { rng: new Rng(spec.dp.noiseSeed ?? spec.seed).fork('dp-noise'), buf: new Float32Array(this.D.size) };
    }
  }

  /** DP: each example's probability of joining a real batch, q = min(1, batch/n). */
  get sampleRate(): number {
    return Math.min(1, this.spec.batch / this.data.n);
  }

  /** Current learning rates (the stabilised recipe decays them). */
  rates(): { g: number; d: number } {
    const s = lrScale(this.spec.recipe, this.steps);
    return { g: this.spec.lrG * s, d: this.spec.lrD * s };
  }

  /** A batch of noise from the training stream, as [1, batch, noiseDim] (the fused kernels' shape). */
  private noiseBatch(): tf.Tensor3D {
    this.rng.fill(this.noiseBuf, this.spec.noise);
    return tf.tensor3d(this.noiseBuf, [1, this.spec.batch, this.spec.noiseDim]);
  }

  /** A Poisson-sampled real batch (each training example with probability q), or null when empty. */
  private poissonBatch(): tf.Tensor3D | null {
    const { dim } = this.spec;
    const { x, n } = this.data;
    const q = this.sampleRate;
    const rows: number[] = [];
    for (let j = 0; j < n; j++) if (this.rng.next() < q) rows.push(j);
    if (!rows.length) return null;
    const buf = new Float32Array(rows.length * dim);
    rows.forEach((j, i) => buf.set(x.subarray(j * dim, (j + 1) * dim), i * dim));
    return tf.tensor3d(buf, [1, rows.length, dim]);
  }

  private realBatch(): tf.Tensor3D {
    const { dim, batch } = this.spec;
    const { x, n } = this.data;
    for (let i = 0; i < batch; i++) {
      const j = this.rng.int(n);
      for (let d = 0; d < dim; d++) this.realBuf[i * dim + d] = x[j * dim + d];
    }
    return tf.tensor3d(this.realBuf, [1, batch, dim]);
  }

  /** Noise for n points from any Rng (evaluation and fixed visual noise use their own). */
  noiseFrom(rng: Rng, n: number): tf.Tensor2D {
    const buf = rng.fill(new Float32Array(n * this.spec.noiseDim), this.spec.noise);
    return tf.tensor2d(buf, [n, this.spec.noiseDim]);
  }

  /**
   * The detective's adversarial loss at its last update (without the R1 penalty), computed from
   * the kept scores when first read; owned by the trainer (do not dispose).
   */
  get lossD(): tf.Scalar | null {
    if (!this.cachedLossD && this.scoresD) {
      const s = this.scoresD;
      const B = this.spec.batch;
      const m = this.realRowsD;
      this.cachedLossD = tf.keep(tf.tidy(() => detectiveLoss(this.spec.loss, tf.slice(s, [0, 0, 0], [1, m, 1]), tf.slice(s, [0, m, 0], [1, B, 1]))));
    }
    return this.cachedLossD;
  }

  /** The forger's loss at its last update, computed when first read. */
  get lossG(): tf.Scalar | null {
    if (!this.cachedLossG && this.scoresG) this.cachedLossG = tf.keep(tf.tidy(() => forgerLoss(this.spec.loss, this.scoresG!)));
    return this.cachedLossG;
  }

  private keepScores(which: 'D' | 'G', s: tf.Tensor3D | null): void {
    if (which === 'D') {
      this.scoresD?.dispose();
      this.cachedLossD?.dispose();
      this.scoresD = s && tf.keep(s);
      this.cachedLossD = null;
    } else {
      this.scoresG?.dispose();
      this.cachedLossG?.dispose();
      this.scoresG = s && tf.keep(s);
      this.cachedLossG = null;
    }
  }

  /**
   * ∂(detective loss [+ R1])/∂θ_D on a real and a fake batch, as one flat vector, plus the
   * scores of both halves. Real and fake rows go through the detective in one pass.
   */
  detectiveGradient(real: tf.Tensor2D | tf.Tensor3D, fake: tf.Tensor2D | tf.Tensor3D, withR1: boolean): { grad: tf.Tensor1D; scores: tf.Tensor3D } {
    const { batch, r1Gamma, r1Every, loss, dim } = this.spec;
    const both = tf.concat([as3d(real), as3d(fake)], 1);
    const pass = forward(this.D, both, true);
    this.targets ??= tf.keep(tf.concat([tf.ones([1, batch, 1]), tf.zeros([1, batch, 1])], 1) as tf.Tensor3D);
    const ds = scoreGrad(loss, pass.y, this.targets, batch);
    const { dW, db } = backward(this.D, pass, ds, true, false);
    if (withR1) {
      // R1 (Mescheder et al. 2018): γ/2 · E‖∇ₓ D(x)‖² on real points, scaled by the lazy interval.
      const c = ((r1Gamma / 2) * r1Every) / batch;
      if (piecewiseLinear(this.D)) {
        const masks = pass.derivs.slice(0, -1).map((m) => tf.slice(m!, [0, 0, 0], [1, batch, m!.shape[2]]));
        penaltyWeightGrads(this.D, masks, batch, c).forEach((g, l) => (dW[l] = tf.add(dW[l], g)));
      } else {
        // smooth activations: the penalty's gradient from the tape (second-order-safe Mlp.apply)
        const real2d = tf.reshape(real, [batch, dim]);
        const { grads } = tf.variableGrads(() => {
          const gx = tf.grad((x: tf.Tensor) => tf.sum(this.D.apply(x as tf.Tensor2D)))(real2d);
          return tf.mul(tf.sum(tf.square(gx)), c) as tf.Scalar;
        }, [this.D.theta]);
        return { grad: tf.add(flatten(dW, db), grads[this.D.theta.name]) as tf.Tensor1D, scores: pass.y };
      }
    }
    return { grad: flatten(dW, db), scores: pass.y };
  }

  /** ∂(forger loss)/∂θ_G for a noise batch, as one flat vector, plus the detective's scores. */
  forgerGradient(z: tf.Tensor2D | tf.Tensor3D): { grad: tf.Tensor1D; scores: tf.Tensor3D } {
    const { batch, loss } = this.spec;
    const gPass = forward(this.G, as3d(z), true);
    const dPass = forward(this.D, gPass.y, true);
    const ds = scoreGrad(loss, dPass.y, 1, batch, loss === 'minimax');
    const { dx } = backward(this.D, dPass, ds, false, true);
    const { dW, db } = backward(this.G, gPass, dx!, true, false);
    return { grad: flatten(dW, db), scores: dPass.y };
  }

  /** One detective update; the forger's weights are not touched. */
  stepD(): void {
    this.assertLive();
    if (this.spec.dp) return this.stepDPrivate(this.spec.dp);
    const { recipe, r1Gamma, r1Every } = this.spec;
    const lr = this.rates().d;
    const withR1 = recipe === 'stabilised' && r1Gamma > 0 && this.dUpdates % r1Every === 0;
    const scores = tf.tidy(() => {
      const real = this.realBatch();
      const fake = forward(this.G, this.noiseBatch(), false).y;
      const { grad, scores } = this.detectiveGradient(real, fake, withR1);
      this.optD.apply(this.D.theta, grad, lr);
      return scores;
    });
    this.keepScores('D', scores);
    this.dUpdates++;
  }

  /** One DP-SGD detective update (core/gan/dp.ts); no R1. */
  private stepDPrivate(dp: DpOptions): void {
    const lr = this.rates().d;
    const poisson = (dp.sampling ?? 'poisson') === 'poisson';
    let noise: Float32Array | null = null;
    if (dp.sigma > 0) noise = this.dpNoise!.rng.fill(this.dpNoise!.buf, 'gaussian');
    let realRows = 0;
    const scores = tf.tidy(() => {
      const real = poisson ? this.poissonBatch() : this.realBatch();
      realRows = real ? real.shape[1] : 0;
      const fake = forward(this.G, this.noiseBatch(), false).y;
      const expectedBatch = poisson ? this.sampleRate * this.data.n : this.spec.batch;
      const { grad, scores } = dpDetectiveGradient(this.D, this.spec.loss, real, fake, { clip: dp.clip, sigma: dp.sigma, expectedBatch, noise: noise && tf.tensor1d(noise) });
      this.optD.apply(this.D.theta, grad, lr);
      return scores;
    });
    // an empty Poisson batch has no real half to report a loss on: keep the last one
    if (realRows) {
      this.realRowsD = realRows;
      this.keepScores('D', scores);
    } else scores.dispose();
    this.dUpdates++;
  }

  /** One forger update; the detective's weights are not touched. */
  stepG(): void {
    this.assertLive();
    const lr = this.rates().g;
    const scores = tf.tidy(() => {
      const { grad, scores } = this.forgerGradient(this.noiseBatch());
      this.optG.apply(this.G.theta, grad, lr);
      return scores;
    });
    this.keepScores('G', scores);
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
    return predict(this.G, z);
  }

  /** The detective's probability that each row of x is real, shape [n, 1]. */
  judge(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => realProbability(this.spec.loss, predict(this.D, x)) as tf.Tensor2D);
  }

  /** Sample n generated points with their own stream (for evaluation). */
  sample(rng: Rng, n: number): tf.Tensor2D {
    return tf.tidy(() => predict(this.G, this.noiseFrom(rng, n)));
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
    this.keepScores('D', null);
    this.keepScores('G', null);
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
    this.keepScores('D', null);
    this.keepScores('G', null);
    this.targets?.dispose();
    this.targets = null;
  }
}
