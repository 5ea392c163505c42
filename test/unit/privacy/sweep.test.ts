import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../../shared/setup';
import { tf } from '../../../src/core/shared/tf';
import { DEFAULT_CONFIG } from '../../../src/core/settings/config';
import { privacySweep, SWEEP_PRESET } from '../../../src/core/privacy/sweep';
import { privacyRun } from '../../../src/core/privacy/run';
import { epsilon } from '../../../src/core/privacy/accountant';
import { Trainer } from '../../../src/core/gan/trainer';
import { faceTrainerSpec } from '../../../src/core/faces/spec';
import { faceMemorisation, faceTrainAndHoldout } from '../../../src/core/privacy/faces';
import { Rng } from '../../../src/core/shared/rng';

beforeAll(useCpu);

const small = { ...DEFAULT_CONFIG, seed: 3, gNeurons: 8, dNeurons: 8, batch: 16 };

describe('the privacy sweep', () => {
  it('gives ε, fidelity and memorisation per σ, overall and per group, and frees its tensors', () => {
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    const s = privacySweep(small, { sigmas: [0, 1, 4], steps: 20, onProgress: (done, total) => void seen.push(done / total) })!;
    expect(tf.memory().numTensors).toBe(before);
    expect(s.map((p) => p.sigma)).toEqual([0, 1, 4]);
    expect(s[0].epsilon.status).toBe('no-privacy');
    expect(s[1].epsilon.epsilon).toBeGreaterThan(s[2].epsilon.epsilon);
    const n = SWEEP_PRESET.points!;
    expect(s[1].delta).toBe(1 / n);
    expect(s[1].epsilon.epsilon).toBeCloseTo(epsilon({ q: 16 / n, sigma: 1, steps: 20, delta: 1 / n }).epsilon, 12);
    for (const p of s) {
      expect(p.perGroup.length).toBe(2);
      expect(p.js).toBeGreaterThan(0);
      expect(p.closerToTrain).toBeGreaterThanOrEqual(0);
      expect(p.closerToTrain).toBeLessThanOrEqual(1);
      const shares = p.perGroup.reduce((a, g) => a + g.share, 0) + p.offData;
      expect(shares).toBeCloseTo(1, 9);
      for (const g of p.perGroup) expect(g.coverage).toBeGreaterThanOrEqual(0);
    }
    expect(seen.at(-1)).toBe(1);
    // different noise, different forgers
    expect(s[1].js).not.toBe(s[2].js);
  });

  it('stops when progress returns false', () => {
    const before = tf.memory().numTensors;
    let calls = 0;
    expect(privacySweep(small, { sigmas: [0, 1], steps: 100, onProgress: () => ++calls < 2 })).toBeNull();
    expect(calls).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a run without DP states no budget', () => {
    const r = privacyRun({ ...small, points: 50 }, { steps: 5, samples: 256 })!;
    expect(r.epsilon).toBeUndefined();
    expect(r.points).toBe(50);
    expect(r.generated.length).toBe(512);
  });
});

describe('faces memorisation', () => {
  it('measures generated faces against training and held-out faces in 768 dimensions', () => {
    const { train, holdout } = faceTrainAndHoldout({ n: 16, darkerShare: 0.25, size: 16, seed: 2 });
    expect(holdout.n).toBe(16);
    expect(Array.from(holdout.g).filter((g) => g === 1).length).toBe(Array.from(train.g).filter((g) => g === 1).length);
    const tr = new Trainer(faceTrainerSpec({ seed: 2, size: 16, gHidden: [8], dHidden: [8], batch: 8 }), train);
    tr.step();
    const m = faceMemorisation(tr, train, holdout, new Rng(1), 32);
    tr.dispose();
    expect(m.distTrain.length).toBe(32);
    expect(m.nearestTrain.every((j) => j >= 0 && j < 16)).toBe(true);
    expect(m.copyRadius).toBeGreaterThan(0);
    expect(m.perGroup.reduce((a, g) => a + g.n, 0)).toBe(32);
  });
});
