/**
 * One evaluation of a trainer against its data: detective accuracy on a fresh batch, JS
 * divergence against a fixed real sample with its noise floor, and group shares.
 * All tensors are packed into one so the browser reads back once, asynchronously.
 */
import { tf } from '../shared/tf';
import type { PointSet, Source } from '../data/datasets';
import { detectiveAccuracy, jsOfPoints, JS_SAMPLES, sharesOfLabels } from './metrics';
import type { Accuracy } from './metrics';
import { densityOfSource, syntheticShares } from './groups';
import type { GroupDensity, Shares } from './groups';
import { Rng } from '../shared/rng';
import type { Trainer } from '../gan/trainer';

export interface EvalContext {
  source: Source;
  /** Fresh real sample the generated points are compared with (JS). */
  reference: PointSet;
  /** JS between two independent real samples of JS_SAMPLES points (mean of 4 pairs). */
  floor: number;
  density: GroupDensity;
  realShares: number[];
}

export function makeEvalContext(source: Source, seed: number): EvalContext {
  const rng = new Rng(seed).fork('evaluation-reference');
  const reference = source.sample(rng, JS_SAMPLES);
  let floor = 0;
  const pairs = 4;
  for (let i = 0; i < pairs; i++) {
    const a = source.sample(rng, JS_SAMPLES);
    const b = source.sample(rng, JS_SAMPLES);
    floor += jsOfPoints(a.x, a.n, b.x, b.n) / pairs;
  }
  return {
    source,
    reference,
    floor,
    density: densityOfSource(source, seed),
    realShares: sharesOfLabels(reference.g, source.groups.length),
  };
}

export interface Evaluation {
  accuracy: Accuracy;
  js: number;
  floor: number;
  shares: Shares;
  realShares: number[];
  /** The generated evaluation points (JS_SAMPLES × dim). */
  generated: Float32Array;
}

export const ACCURACY_SAMPLES = 1024;

/** Length of the packed evaluation tensor for a data dimension. */
export function evaluationLength(dim: number, nAcc = ACCURACY_SAMPLES): number {
  return JS_SAMPLES * dim + 2 * nAcc;
}

/**
 * Build the packed evaluation tensor: [generated points | p(real) on real | p(real) on fake].
 * The real half is a fresh sample from the source (not the training set), so a detective that
 * memorised its training points does not look better than it is.
 */
export function evaluationTensor(trainer: Trainer, ctx: EvalContext, rng: Rng, nAcc = ACCURACY_SAMPLES): tf.Tensor1D {
  const { dim } = trainer.spec;
  const fresh = ctx.source.sample(rng, nAcc);
  return tf.tidy(() => {
    const gen = trainer.sample(rng, JS_SAMPLES);
    const real = tf.tensor2d(fresh.x, [nAcc, dim]);
    const fake = tf.slice(gen, [0, 0], [nAcc, dim]);
    const p = trainer.judge(tf.concat([real, fake], 0));
    return tf.concat([tf.reshape(gen, [-1]), tf.reshape(p, [-1])]) as tf.Tensor1D;
  });
}

export function unpackEvaluation(packed: Float32Array, ctx: EvalContext, dim: number, nAcc = ACCURACY_SAMPLES): Evaluation {
  const nGen = JS_SAMPLES * dim;
  const generated = packed.slice(0, nGen);
  const pReal = packed.subarray(nGen, nGen + nAcc);
  const pFake = packed.subarray(nGen + nAcc, nGen + 2 * nAcc);
  return {
    accuracy: detectiveAccuracy(pReal, pFake),
    js: jsOfPoints(generated, JS_SAMPLES, ctx.reference.x, ctx.reference.n),
    floor: ctx.floor,
    shares: syntheticShares(ctx.density, generated, JS_SAMPLES),
    realShares: ctx.realShares,
    generated,
  };
}

/** Synchronous evaluation (Node tests, workers). */
export function evaluate(trainer: Trainer, ctx: EvalContext, rng: Rng): Evaluation {
  const t = evaluationTensor(trainer, ctx, rng);
  const packed = t.dataSync() as Float32Array;
  t.dispose();
  return unpackEvaluation(packed, ctx, trainer.spec.dim);
}
