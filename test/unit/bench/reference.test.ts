// Issue 6: the hand-written Float32Array reference (bench/reference.ts) computes the same
// gradients as the tfjs trainer on the same weights, and follows the same trajectory from the
// same seed, so the bench compares every backend with the same arithmetic.
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../../shared/setup';
import { tf } from '../../../src/core/shared/tf';
import { DEFAULT_CONFIG } from '../../../src/core/settings/config';
import type { Activation, Config } from '../../../src/core/settings/config';
import { makeSource, trainingSet } from '../../../src/core/data/datasets';
import { Trainer, specFromConfig } from '../../../src/core/gan/trainer';
import { detectiveLoss, forgerLoss } from '../../../src/core/gan/losses';
import { Rng } from '../../../src/core/shared/rng';
import { ReferenceGan } from '../../../src/core/bench/reference';

beforeAll(useCpu);

function setup(over: Partial<Config> = {}) {
  const cfg = { ...DEFAULT_CONFIG, recipe: 'plain' as const, ...over };
  const spec = specFromConfig(cfg);
  const data = trainingSet(makeSource(cfg), cfg.points, cfg.seed);
  return { spec, data };
}

/** Largest difference relative to the largest magnitude of b. */
function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

describe('reference GAN (bench/reference.ts)', () => {
  it('starts from the same weights as the tfjs trainer with the same seed', () => {
    const { spec, data } = setup({ seed: 4 });
    const ref = new ReferenceGan(spec, data);
    const t = new Trainer(spec, data);
    expect(Array.from(ref.G.theta)).toEqual(Array.from(t.G.snapshot()));
    expect(Array.from(ref.D.theta)).toEqual(Array.from(t.D.snapshot()));
    t.dispose();
  });

  for (const [gAct, dAct] of [['relu', 'leaky'], ['leaky', 'relu'], ['tanh', 'tanh']] as [Activation, Activation][]) {
    it(`computes the detective's and forger's gradients as tfjs does on the same weights (G ${gAct}, D ${dAct})`, () => {
      const { spec, data } = setup({ seed: 9, gAct, dAct });
      const ref = new ReferenceGan(spec, data);
      // move away from the initial weights so every unit and mask is exercised
      for (let i = 0; i < 40; i++) ref.step();
      const t = new Trainer(spec, data);
      t.G.restore(ref.G.theta);
      t.D.restore(ref.D.theta);
      const B = spec.batch;
      const rng = new Rng(123);
      const both = new Float32Array(2 * B * 2);
      for (let i = 0; i < B; i++) {
        const j = rng.int(data.n);
        both.set(data.x.subarray(2 * j, 2 * j + 2), 2 * i);
      }
      for (let i = 2 * B; i < 4 * B; i++) both[i] = rng.normal() * 0.5;
      const z = rng.fill(new Float32Array(B * spec.noiseDim), 'gaussian');

      const lossD = ref.detectiveGradient(both);
      const gradD = ref.D.grad.slice();
      const lossG = ref.forgerGradient(z);
      const gradG = ref.G.grad.slice();

      const tfD = tf.tidy(() => {
        const x = tf.tensor2d(both, [2 * B, 2]);
        const { value, grads } = tf.variableGrads(() => {
          const s = t.D.apply(x);
          return detectiveLoss('nonsat', tf.slice(s, [0, 0], [B, 1]), tf.slice(s, [B, 0], [B, 1]));
        }, [t.D.theta]);
        return { loss: value.dataSync()[0], grad: grads[t.D.theta.name].dataSync() as Float32Array };
      });
      const tfG = tf.tidy(() => {
        const zt = tf.tensor2d(z, [B, spec.noiseDim]);
        const { value, grads } = tf.variableGrads(() => forgerLoss('nonsat', t.D.apply(t.G.apply(zt))), [t.G.theta]);
        return { loss: value.dataSync()[0], grad: grads[t.G.theta.name].dataSync() as Float32Array };
      });
      t.dispose();
      // tfjs's tanh here is a Padé approximant good to 1e-4; relu and leaky ReLU are exact
      const tol = gAct === 'tanh' ? 2e-3 : 1e-4;
      expect(lossD).toBeCloseTo(tfD.loss, 4);
      expect(lossG).toBeCloseTo(tfG.loss, 4);
      expect(relErr(gradD, tfD.grad)).toBeLessThan(tol);
      expect(relErr(gradG, tfG.grad)).toBeLessThan(tol);
      // and the gradient is not trivially zero
      expect(Math.max(...gradD.map(Math.abs))).toBeGreaterThan(1e-3);
      expect(Math.max(...gradG.map(Math.abs))).toBeGreaterThan(1e-3);
    });
  }

  it('agrees with central finite differences of its own loss', () => {
    const { spec, data } = setup({ seed: 2 });
    const ref = new ReferenceGan(spec, data);
    for (let i = 0; i < 30; i++) ref.step();
    const rng = new Rng(5);
    const B = spec.batch;
    const both = new Float32Array(4 * B);
    for (let i = 0; i < both.length; i++) both[i] = rng.normal() * 0.6;
    ref.detectiveGradient(both);
    const grad = ref.D.grad.slice();
    // the largest-gradient coordinates, where float32 differences are meaningful
    const idx = Array.from(grad.keys()).sort((a, b) => Math.abs(grad[b]) - Math.abs(grad[a])).slice(0, 12);
    const h = 1e-3;
    const mid = ref.detectiveGradient(both);
    let checked = 0;
    for (const i of idx) {
      const keep = ref.D.theta[i];
      ref.D.theta[i] = keep + h;
      const up = ref.detectiveGradient(both);
      ref.D.theta[i] = keep - h;
      const down = ref.detectiveGradient(both);
      ref.D.theta[i] = keep;
      const tol = 0.02 * Math.abs(grad[i]) + 2e-4;
      // a leaky-ReLU kink within ±h makes the two one-sided slopes differ: no derivative to check there
      if (Math.abs((up - mid) / h - (mid - down) / h) > tol) continue;
      checked++;
      const fd = (up - down) / (2 * h);
      expect(Math.abs(fd - grad[i])).toBeLessThan(tol);
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('follows the tfjs trainer (plain recipe) step for step from the same seed', () => {
    const { spec, data } = setup({ seed: 6 });
    const ref = new ReferenceGan(spec, data);
    const t = new Trainer(spec, data);
    for (let i = 0; i < 25; i++) {
      ref.step();
      t.step();
    }
    expect(relErr(ref.G.theta, t.G.snapshot())).toBeLessThan(1e-3);
    expect(relErr(ref.D.theta, t.D.snapshot())).toBeLessThan(1e-3);
    expect(ref.lossD).toBeCloseTo(t.lossD!.dataSync()[0], 3);
    expect(ref.lossG).toBeCloseTo(t.lossG!.dataSync()[0], 3);
    t.dispose();
  });
});
