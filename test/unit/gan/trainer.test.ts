import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../../shared/setup';
import { trainerFor, weightsOf } from '../../shared/helpers';
import { tf } from '../../../src/core/shared/tf';
import { DEFAULT_CONFIG } from '../../../src/core/settings/config';
import { makeSource } from '../../../src/core/data/datasets';
import { evaluate, makeEvalContext } from '../../../src/core/metrics/evaluate';
import { Rng } from '../../../src/core/shared/rng';
import { activate } from '../../../src/core/gan/networks';
import { Trainer } from '../../../src/core/gan/trainer';

beforeAll(useCpu);

describe('Trainer', () => {
  it('replays exactly with the same seed and differs with another', () => {
    const run = (seed: number) => {
      const t = trainerFor({ seed });
      for (let i = 0; i < 15; i++) t.step();
      const out = { g: weightsOf(t.G.vars), d: weightsOf(t.D.vars), loss: [t.lossD!.dataSync()[0], t.lossG!.dataSync()[0]] };
      t.dispose();
      return out;
    };
    const a = run(7);
    const b = run(7);
    const c = run(8);
    expect(b).toEqual(a);
    expect(c.g[0]).not.toEqual(a.g[0]);
    expect(Number.isFinite(a.loss[0]) && Number.isFinite(a.loss[1])).toBe(true);
  });

  for (const recipe of ['stabilised', 'plain'] as const) {
    it(`a forger step leaves the detective unchanged and vice versa (${recipe})`, () => {
      const t = trainerFor({ seed: 3, recipe });
      t.step();
      const g0 = weightsOf(t.G.vars);
      const d0 = weightsOf(t.D.vars);
      t.stepG();
      expect(weightsOf(t.D.vars)).toEqual(d0);
      const g1 = weightsOf(t.G.vars);
      expect(g1).not.toEqual(g0);
      t.stepD();
      expect(weightsOf(t.G.vars)).toEqual(g1);
      expect(weightsOf(t.D.vars)).not.toEqual(d0);
      t.dispose();
    });
  }

  it('keeps the tensor count flat: the same after 500 steps as after 10, and zero after dispose', () => {
    const before = tf.memory().numTensors;
    const t = trainerFor({ seed: 2 });
    const ctx = makeEvalContext(makeSource(DEFAULT_CONFIG), 2);
    for (let i = 0; i < 10; i++) t.step();
    evaluate(t, ctx, new Rng(1));
    const after10 = tf.memory().numTensors;
    for (let i = 0; i < 490; i++) t.step();
    evaluate(t, ctx, new Rng(2));
    expect(tf.memory().numTensors).toBe(after10);
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('runs every loss, optimizer, activation and depth the controls allow', () => {
    for (const loss of ['minimax', 'nonsat', 'lsgan'] as const)
      for (const optimizer of ['adam', 'sgd'] as const)
        for (const act of ['relu', 'leaky', 'tanh'] as const) {
          const t = trainerFor({ loss, optimizer, gAct: act, dAct: act, gLayers: 0, dLayers: 4, dNeurons: 2, noiseDim: 1, noise: 'uniform', dSteps: 2, batch: 8 });
          t.step();
          expect(Number.isFinite(t.lossD!.dataSync()[0])).toBe(true);
          expect(Number.isFinite(t.lossG!.dataSync()[0])).toBe(true);
          t.dispose();
        }
  });

  it('restores a captured state after a blow-up and trains on from it', async () => {
    const t = trainerFor({ seed: 5 });
    for (let i = 0; i < 5; i++) t.step();
    const good = await t.captureState();
    expect(good.steps).toBe(5);
    t.G.restore(new Float32Array(t.G.size).fill(NaN));
    t.step();
    expect(Number.isFinite(t.lossG!.dataSync()[0])).toBe(false);
    const bad = await t.captureState();
    expect(Trainer.isFinite(bad)).toBe(false);
    t.restoreState(good);
    expect(t.steps).toBe(5);
    expect(Array.from(t.G.snapshot())).toEqual(Array.from(good.g));
    t.step();
    expect(Number.isFinite(t.lossG!.dataSync()[0])).toBe(true);
    expect(Number.isFinite(t.lossD!.dataSync()[0])).toBe(true);
    t.dispose();
  });

  it('decays the learning rate only with the stabilised recipe', () => {
    const s = trainerFor({ recipe: 'stabilised' });
    const p = trainerFor({ recipe: 'plain' });
    const lr = DEFAULT_CONFIG.lrD;
    expect(DEFAULT_CONFIG.lrG).toBe(lr);
    expect(s.rates().d).toBeCloseTo(lr, 10);
    s.steps = 1500;
    expect(s.rates().d).toBeCloseTo(0.55 * lr, 10);
    s.steps = 3000;
    expect(s.rates().g).toBeCloseTo(0.1 * lr, 10);
    s.steps = 9000;
    expect(s.rates().g).toBeCloseTo(0.1 * lr, 10);
    p.steps = 3000;
    expect(p.rates().d).toBeCloseTo(lr, 10);
    s.dispose();
    p.dispose();
  });

  it('writes leaky ReLU so that it has a second-order gradient', () => {
    const x = tf.tensor1d([-2, -0.5, 0.5, 2]);
    expect(Array.from(activate(x, 'leaky').dataSync())).toEqual([-0.4, -0.1, 0.5, 2].map(Math.fround));
    const d2 = tf.grad((v: tf.Tensor) => tf.sum(tf.grad((u: tf.Tensor) => tf.sum(tf.square(activate(u, 'leaky'))))(v)))(x);
    // d/dx of d/dx (leaky(x)²) = 2·slope² on each side
    Array.from(d2.dataSync()).forEach((v, i) => expect(v).toBeCloseTo([0.08, 0.08, 2, 2][i], 6));
    tf.dispose([x, d2]);
  });
});

describe('R1 penalty', () => {
  /** Analytic gradient of the R1 penalty w.r.t. every detective weight next to a central difference. */
  function compare(dAct: 'leaky' | 'tanh' | 'relu', eps: number) {
    const t = trainerFor({ seed: 11, dNeurons: 6, dLayers: 2, dAct });
    const x = tf.tensor2d(new Rng(5).fill(new Float32Array(16 * 2), 'gaussian'), [16, 2]);
    const penalty = () =>
      tf.tidy(() => {
        const gx = tf.grad((v: tf.Tensor) => tf.sum(t.D.apply(v as tf.Tensor2D)))(x);
        return tf.mean(tf.sum(tf.square(gx), 1)) as tf.Scalar;
      });
    const { grads } = tf.variableGrads(penalty, t.D.vars);
    const pairs: [number, number][] = [];
    for (const w of t.D.vars) {
      const analytic = grads[w.name] ? grads[w.name].dataSync() : new Float32Array(w.size);
      const base = w.dataSync().slice();
      for (let i = 0; i < base.length; i++) {
        const at = (d: number) => {
          const p = base.slice();
          p[i] += d;
          w.assign(tf.tensor(p, w.shape));
          return penalty().dataSync()[0];
        };
        pairs.push([analytic[i], (at(eps) - at(-eps)) / (2 * eps)]);
      }
      w.assign(tf.tensor(base, w.shape));
    }
    tf.dispose([x, ...Object.values(grads)]);
    t.dispose();
    const scale = Math.max(...pairs.map(([, n]) => Math.abs(n)));
    const bad = pairs.filter(([a, n]) => Math.abs(a - n) > 0.02 * scale + 1e-4);
    return { scale, bad, total: pairs.length };
  }

  it('matches a finite difference for a smooth (tanh) detective, weights and biases alike', () => {
    const { scale, bad } = compare('tanh', 1e-3);
    expect(scale).toBeGreaterThan(1e-3);
    expect(bad).toEqual([]);
  });

  it.each(['leaky', 'relu'] as const)('matches a finite difference for a %s detective away from its kinks', (act) => {
    // The penalty jumps where a unit switches side; a tiny step rarely crosses such a kink.
    const { scale, bad, total } = compare(act, 1e-4);
    expect(scale).toBeGreaterThan(1e-3);
    expect(bad.length).toBeLessThanOrEqual(Math.floor(total * 0.05));
  });

  it('computes tanh within 1e-4 of Math.tanh', () => {
    const xs = Array.from({ length: 201 }, (_, i) => -10 + i * 0.1);
    const y = activate(tf.tensor1d(xs), 'tanh').dataSync();
    xs.forEach((v, i) => expect(Math.abs(y[i] - Math.tanh(v))).toBeLessThan(1e-4));
  });
});

describe('Detective accuracy end to end', () => {
  it('is exactly 50% for a detective with a constant output', () => {
    const t = trainerFor({ seed: 4 });
    const ctx = makeEvalContext(makeSource(DEFAULT_CONFIG), 4);
    // zero the last layer's weights: the output is the bias alone, the same for every point
    const last = t.D.layers - 1;
    const { rows, cols } = t.D.layout[last];
    for (const [bias, real, fake] of [[3, 1, 0], [-3, 0, 1], [0, 0.5, 0.5]]) {
      t.D.setLayer(last, new Float32Array(rows * cols), [bias]);
      const e = evaluate(t, ctx, new Rng(9));
      expect(e.accuracy.real).toBe(real);
      expect(e.accuracy.fake).toBe(fake);
      expect(e.accuracy.overall).toBe(0.5);
    }
    t.dispose();
  });
});
