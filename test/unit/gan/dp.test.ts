import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../../shared/setup';
import { weightsOf } from '../../shared/helpers';
import { tf } from '../../../src/core/shared/tf';
import { DEFAULT_CONFIG } from '../../../src/core/settings/config';
import type { LossKind } from '../../../src/core/settings/config';
import { makeSource, trainingSet } from '../../../src/core/data/datasets';
import { Trainer, specFromConfig } from '../../../src/core/gan/trainer';
import type { TrainerSpec } from '../../../src/core/gan/trainer';
import { Mlp } from '../../../src/core/gan/networks';
import { clippedRealGradient } from '../../../src/core/gan/dp';
import type { DpOptions } from '../../../src/core/gan/dp';
import { Rng } from '../../../src/core/shared/rng';

beforeAll(useCpu);

/** Each row's gradient of the detective's real-row loss, the slow way: one tape per example. */
function tapeGradients(D: Mlp, kind: LossKind, rows: Float32Array, dim: number): Float32Array[] {
  const out: Float32Array[] = [];
  for (let i = 0; i < rows.length / dim; i++) {
    const g = tf.tidy(() => {
      const x = tf.tensor2d(rows.slice(i * dim, (i + 1) * dim), [1, dim]);
      const { grads } = tf.variableGrads(() => {
        const s = D.apply(x);
        return (kind === 'lsgan' ? tf.mul(0.5, tf.sum(tf.square(tf.sub(s, 1)))) : tf.sum(tf.softplus(tf.neg(s)))) as tf.Scalar;
      }, [D.theta]);
      return grads[D.theta.name];
    });
    out.push(g.dataSync() as Float32Array);
    g.dispose();
  }
  return out;
}

const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((a, b) => a + b * b, 0));

describe('per-example clipping', () => {
  for (const [act, kind] of [['leaky', 'nonsat'], ['relu', 'lsgan'], ['tanh', 'nonsat']] as const) {
    it(`matches one tape per example, and bounds every example's norm (${act}, ${kind})`, () => {
      const D = new Mlp({ inDim: 3, hidden: [5, 4], outDim: 1, act, out: 'linear' }, new Rng(2));
      const rows = new Rng(9).fill(new Float32Array(6 * 3), 'gaussian').map((v) => 2 * v);
      const slow = tapeGradients(D, kind, rows, 3);
      const slowNorms = slow.map(norm);
      for (const clip of [1e9, 0.05, Math.min(...slowNorms) * 1.5]) {
        const r = tf.tidy(() => {
          const { sum, norms } = clippedRealGradient(D, kind, tf.tensor3d(rows, [1, 6, 3]), clip);
          return { sum: sum.dataSync(), norms: norms.dataSync() };
        });
        r.norms.forEach((n, i) => expect(n / slowNorms[i]).toBeCloseTo(1, 4));
        const expected = new Float64Array(D.size);
        slow.forEach((g, i) => {
          const c = Math.min(1, clip / slowNorms[i]);
          // the clipped example's norm is at most C
          expect(c * slowNorms[i]).toBeLessThanOrEqual(clip * (1 + 1e-9));
          g.forEach((v, k) => (expected[k] += c * v));
        });
        const err = norm(Array.from(r.sum, (v, k) => v - expected[k]));
        expect(err / norm(expected)).toBeLessThan(1e-4);
        if (clip === 0.05) expect(norm(r.sum)).toBeLessThanOrEqual(6 * 0.05 * (1 + 1e-5));
      }
      D.dispose();
    });
  }
});

function dpTrainer(dp: DpOptions | undefined, over: Partial<TrainerSpec> = {}, points = 200): Trainer {
  const cfg = { ...DEFAULT_CONFIG, seed: 4, recipe: 'plain' as const, batch: 16, dLayers: 2, dNeurons: 8, gLayers: 2, gNeurons: 8 };
  const spec: TrainerSpec = { ...specFromConfig(cfg), ...over, dp };
  return new Trainer(spec, trainingSet(makeSource(cfg), points, 4));
}

function trained(t: Trainer, k: number): number[][] {
  for (let i = 0; i < k; i++) t.step();
  const w = [...weightsOf(t.D.vars), ...weightsOf(t.G.vars)];
  t.dispose();
  return w;
}

describe('DP-SGD in the trainer', () => {
  it('σ = 0 with a huge C and the plain batches equals plain training after 20 steps', () => {
    const plain = trained(dpTrainer(undefined), 20);
    const dp = trained(dpTrainer({ clip: 1e9, sigma: 0, sampling: 'replacement' }), 20);
    let maxDiff = 0;
    plain.forEach((w, l) => w.forEach((v, k) => (maxDiff = Math.max(maxDiff, Math.abs(v - dp[l][k])))));
    expect(maxDiff).toBeLessThan(1e-4);
    // and clipping does change it
    const clipped = trained(dpTrainer({ clip: 1e-3, sigma: 0, sampling: 'replacement' }), 20);
    expect(clipped[0]).not.toEqual(plain[0]);
  });

  it('σ > 0: two noise seeds differ, the same seed replays exactly', () => {
    const a = trained(dpTrainer({ clip: 1, sigma: 1, noiseSeed: 1 }), 5);
    const b = trained(dpTrainer({ clip: 1, sigma: 1, noiseSeed: 1 }), 5);
    const c = trained(dpTrainer({ clip: 1, sigma: 1, noiseSeed: 2 }), 5);
    expect(b).toEqual(a);
    expect(c[0]).not.toEqual(a[0]);
    // the noise seed moves only the detective's noise: with σ = 0 it changes nothing
    expect(trained(dpTrainer({ clip: 1, sigma: 0, noiseSeed: 1 }), 5)).toEqual(trained(dpTrainer({ clip: 1, sigma: 0, noiseSeed: 2 }), 5));
  });

  it('samples each training point with probability q = batch/n (all of them when n ≤ batch)', () => {
    const t = dpTrainer({ clip: 1, sigma: 1 }, {}, 200);
    expect(t.sampleRate).toBeCloseTo(16 / 200, 12);
    t.dispose();
    const small = dpTrainer({ clip: 1, sigma: 1 }, {}, 10);
    expect(small.sampleRate).toBe(1);
    small.step();
    expect(Number.isFinite(small.lossD!.dataSync()[0])).toBe(true);
    small.dispose();
  });

  it('keeps the tensor count flat and never applies R1', () => {
    const t = dpTrainer({ clip: 1, sigma: 1 }, { recipe: 'stabilised' });
    t.step();
    void t.lossD;
    void t.lossG;
    const before = tf.memory().numTensors;
    for (let i = 0; i < 30; i++) t.step();
    void t.lossD;
    void t.lossG;
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
    // under DP the recipes differ only by the learning-rate schedule, which is 1 at step 0: no R1 term, so the first step is identical
    const s = trained(dpTrainer({ clip: 1, sigma: 0.5 }, { recipe: 'stabilised' }), 1);
    const p = trained(dpTrainer({ clip: 1, sigma: 0.5 }, { recipe: 'plain' }), 1);
    expect(s).toEqual(p);
  });

  it('rejects a clipping norm ≤ 0', () => {
    expect(() => dpTrainer({ clip: 0, sigma: 1 })).toThrow(/clipping norm/);
  });
});
