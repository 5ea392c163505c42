// Issue 6: the hand-written training passes (core/gan/backprop.ts) give the same gradients as
// tfjs's tape on the same weights and batches: every loss, activation and depth, the R1 penalty
// in closed form for piecewise-linear detectives and from the tape otherwise, and image-style
// forger outputs (tanh, sigmoid).
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../../shared/setup';
import { trainerFor } from '../../shared/helpers';
import { tf } from '../../../src/core/shared/tf';
import { R1_GAMMA } from '../../../src/core/settings/config';
import type { Activation, Config, LossKind } from '../../../src/core/settings/config';
import { detectiveLoss, forgerLoss } from '../../../src/core/gan/losses';
import { Trainer } from '../../../src/core/gan/trainer';
import type { TrainerSpec } from '../../../src/core/gan/trainer';
import { makeSource, trainingSet } from '../../../src/core/data/datasets';
import { DEFAULT_CONFIG } from '../../../src/core/settings/config';
import { Rng } from '../../../src/core/shared/rng';

beforeAll(useCpu);

function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / Math.max(scale, 1e-12);
}

/** The tape's gradients, written as the trainer computed them before the hand-written passes. */
function tapeDetective(t: Trainer, real: tf.Tensor2D, fake: tf.Tensor2D, withR1: boolean): Float32Array {
  const { batch, loss, r1Every } = t.spec;
  return tf.tidy(() => {
    const both = tf.concat([real, fake], 0);
    const { grads } = tf.variableGrads(() => {
      const s = t.D.apply(both);
      let l = detectiveLoss(loss, tf.slice(s, [0, 0], [batch, 1]), tf.slice(s, [batch, 0], [batch, 1]));
      if (withR1) {
        const gx = tf.grad((x: tf.Tensor) => tf.sum(t.D.apply(x as tf.Tensor2D)))(real);
        l = tf.add(l, tf.mul(tf.mean(tf.sum(tf.square(gx), 1)), (R1_GAMMA / 2) * r1Every));
      }
      return l as tf.Scalar;
    }, [t.D.theta]);
    return grads[t.D.theta.name].dataSync() as Float32Array;
  });
}

function tapeForger(t: Trainer, z: tf.Tensor2D): Float32Array {
  return tf.tidy(() => {
    const { grads } = tf.variableGrads(() => forgerLoss(t.spec.loss, t.D.apply(t.G.apply(z))), [t.G.theta]);
    return grads[t.G.theta.name].dataSync() as Float32Array;
  });
}

function batches(t: Trainer, seed: number) {
  const { batch, dim, noiseDim } = t.spec;
  const rng = new Rng(seed);
  const real = tf.tensor2d(rng.fill(new Float32Array(batch * dim), 'gaussian').map((v) => v * 0.5), [batch, dim]);
  const fake = tf.tensor2d(rng.fill(new Float32Array(batch * dim), 'gaussian').map((v) => v * 0.7), [batch, dim]);
  const z = tf.tensor2d(rng.fill(new Float32Array(batch * noiseDim), 'gaussian'), [batch, noiseDim]);
  return { real, fake, z };
}

function compare(t: Trainer, seed: number, withR1: boolean, tol: number) {
  // train a little so masks and weights are not at their initial values
  for (let i = 0; i < 5; i++) t.step();
  const { real, fake, z } = batches(t, seed);
  const fastD = tf.tidy(() => t.detectiveGradient(real, fake, withR1).grad.dataSync() as Float32Array);
  const fastG = tf.tidy(() => t.forgerGradient(z).grad.dataSync() as Float32Array);
  const dErr = relErr(fastD, tapeDetective(t, real, fake, withR1));
  const gErr = relErr(fastG, tapeForger(t, z));
  tf.dispose([real, fake, z]);
  expect(dErr).toBeLessThan(tol);
  expect(gErr).toBeLessThan(tol);
  expect(Math.max(...fastD.map(Math.abs))).toBeGreaterThan(1e-4);
}

describe('hand-written backprop against the tape', () => {
  const cases: [LossKind, Activation, Activation, number, boolean][] = [
    ['nonsat', 'relu', 'leaky', 2, true],
    ['nonsat', 'relu', 'leaky', 2, false],
    ['nonsat', 'leaky', 'relu', 3, true],
    ['minimax', 'relu', 'leaky', 2, true],
    ['lsgan', 'relu', 'relu', 1, true],
    ['nonsat', 'relu', 'leaky', 0, true],
    ['nonsat', 'tanh', 'tanh', 2, true],
    ['lsgan', 'tanh', 'tanh', 2, false],
  ];
  it.each(cases)('%s loss, forger %s, detective %s with %i hidden layers, R1 %s', (loss, gAct, dAct, dLayers, withR1) => {
    const t = trainerFor({ seed: 3, loss, gAct, dAct, dLayers, dNeurons: 12, recipe: withR1 ? 'stabilised' : 'plain' } as Partial<Config>);
    // the tape's tanh is a Padé approximant good to 1e-4; the hand-written pass uses tf.tanh
    compare(t, 11, withR1, gAct === 'tanh' || dAct === 'tanh' ? 3e-3 : 2e-5);
    t.dispose();
  });

  it('scales the lazy R1 penalty by its interval', () => {
    const t = trainerFor({ seed: 8 });
    (t.spec as TrainerSpec).r1Every = 4;
    compare(t, 5, true, 2e-5);
    t.dispose();
  });

  it.each(['tanh', 'sigmoid'] as const)('handles an image-style forger output (%s)', (out) => {
    const cfg = { ...DEFAULT_CONFIG, seed: 2 };
    const spec: TrainerSpec = {
      seed: 2, dim: 12, noiseDim: 3, noise: 'gaussian',
      generator: { hidden: [8], act: 'relu', out }, detective: { hidden: [10, 6], act: 'leaky' },
      loss: 'nonsat', optimizer: 'adam', lrG: 1e-3, lrD: 1e-3, beta1: 0.5, dSteps: 1, batch: 16,
      recipe: 'plain', r1Gamma: 0, r1Every: 1,
    };
    const x = new Float32Array(200 * 12).map((_, i) => Math.sin(i * 0.37) * 0.8);
    const data = { ...trainingSet(makeSource(cfg), 200, 2), dim: 12, x };
    const t = new Trainer(spec, data);
    compare(t, 4, false, 3e-3);
    t.dispose();
  });
});
