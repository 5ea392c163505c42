import { describe, expect, it } from 'vitest';
import { twoGroups, trainingSet } from '../../../src/core/data/datasets';
import type { PointSet } from '../../../src/core/data/datasets';
import { Rng } from '../../../src/core/shared/rng';
import { trainAndHoldout } from '../../../src/core/privacy/holdout';
import { dcrHistograms, memorisation, nearest, overfittingScore, quantileSorted } from '../../../src/core/privacy/memorisation';

const source = twoGroups(0.2, 'tail');

function rows(values: number[][], g?: number[]): PointSet {
  const dim = values[0].length;
  return { x: Float32Array.from(values.flat()), g: Uint8Array.from(g ?? values.map(() => 0)), n: values.length, dim };
}

describe('the held-out split', () => {
  it('keeps the playground’s training set, matches its group counts and shares no point with it', () => {
    for (const n of [16, 32, 1000]) {
      const { train, holdout } = trainAndHoldout(source, n, 7);
      expect(train).toEqual(trainingSet(source, n, 7));
      expect(holdout.n).toBe(n);
      const count = (p: PointSet, g: number) => p.g.filter((v) => v === g).length;
      expect(count(holdout, 1)).toBe(count(train, 1));
      expect(count(holdout, 1)).toBe(Math.round(0.2 * n));
      const seen = new Set<string>();
      for (let i = 0; i < n; i++) seen.add(`${train.x[2 * i]},${train.x[2 * i + 1]}`);
      for (let i = 0; i < n; i++) expect(seen.has(`${holdout.x[2 * i]},${holdout.x[2 * i + 1]}`)).toBe(false);
    }
    expect(trainAndHoldout(source, 5, 1).train.n).toBe(16);
    expect(trainAndHoldout(source, 5000, 1).holdout.n).toBe(2000);
  });
});

describe('nearest neighbours', () => {
  it('agree with a direct search, in 2 and in 768 dimensions', () => {
    const rng = new Rng(3);
    for (const dim of [2, 768]) {
      const q = { x: rng.fill(new Float32Array(20 * dim), 'gaussian'), n: 20, dim };
      const r = { x: rng.fill(new Float32Array(30 * dim), 'gaussian'), n: 30, dim };
      const got = nearest(q, r);
      for (let i = 0; i < q.n; i++) {
        let best = Infinity;
        let bj = -1;
        for (let j = 0; j < r.n; j++) {
          let s = 0;
          for (let d = 0; d < dim; d++) s += (q.x[i * dim + d] - r.x[j * dim + d]) ** 2;
          if (s < best) [best, bj] = [s, j];
        }
        expect(got.index[i]).toBe(bj);
        expect(got.dist[i]).toBeCloseTo(Math.sqrt(best), 4);
      }
    }
  });

  it('leave a row out of its own neighbours on request', () => {
    const p = rows([[0, 0], [1, 0], [3, 0]]);
    expect(Array.from(nearest(p, p).dist)).toEqual([0, 0, 0]);
    const self = nearest(p, p, true);
    expect(Array.from(self.index)).toEqual([1, 0, 1]);
    expect(Array.from(self.dist)).toEqual([1, 1, 2]);
  });
});

describe('memorisation metrics', () => {
  const { train, holdout } = trainAndHoldout(source, 500, 11);

  it('a copy of the training set is closer to train everywhere; a fresh sample is near 50%', () => {
    const copy = memorisation(train, train, holdout);
    expect(copy.closerToTrain).toBe(1);
    expect(copy.overfittingScore).toBe(0);
    expect(copy.copyRate).toBe(1);
    expect(copy.dcrGenerated.every((d) => d === 0)).toBe(true);
    // held-out points land within r at about the quantile that set r (5%)
    expect(copy.holdoutCopyRate).toBeGreaterThan(0.02);
    expect(copy.holdoutCopyRate).toBeLessThan(0.1);

    const fresh = source.sample(new Rng(99), 2000);
    const m = memorisation(fresh, train, holdout, { generatedGroups: fresh.g });
    expect(Math.abs(m.closerToTrain - 0.5)).toBeLessThan(0.04);
    expect(m.overfittingScore).toBe(overfittingScore(m.closerToTrain));
    expect(Math.abs(m.copyRate - m.holdoutCopyRate)).toBeLessThan(0.03);
    for (const g of m.perGroup) expect(Math.abs(g.closerToTrain - 0.5)).toBeLessThan(0.08);
    expect(m.perGroup.map((g) => g.n)).toEqual([1600, 400]);
  });

  it('counts exact ties half and scores like SDMetrics’ DCROverfittingProtection', () => {
    const tr = rows([[0, 0], [4, 0]]);
    const ho = rows([[2, 2], [6, 6]]);
    // (1,1): √2 from train (0,0), √2 from held-out (2,2) → a tie; (0,0.5) closer to train; (2,1.5) closer to held-out
    const gen = rows([[1, 1], [0, 0.5], [2, 1.5], [0.1, 0]]);
    const m = memorisation(gen, tr, ho);
    expect(m.closerToTrain).toBeCloseTo((0.5 + 1 + 0 + 1) / 4, 12);
    expect(overfittingScore(0.5)).toBe(1);
    expect(overfittingScore(0.2)).toBe(1);
    expect(overfittingScore(0.75)).toBeCloseTo(0.5, 12);
    expect(overfittingScore(1)).toBe(0);
    // the most suspicious point is the one sitting on a training point
    expect(m.suspicious[0]).toMatchObject({ generated: 3, train: 0 });
    expect(m.suspicious[0].distance).toBeCloseTo(0.1, 6);
    // r = 5% quantile of training spacing (both 4) = 4, so every generated point is within it
    expect(m.copyRadius).toBe(4);
  });

  it('per group: copies of the minority show up in the minority only', () => {
    const minority: number[][] = [];
    for (let i = 0; i < train.n; i++) if (train.g[i] === 1) minority.push([train.x[2 * i], train.x[2 * i + 1]]);
    const fresh = source.sample(new Rng(5), 400);
    const majority: number[][] = [];
    for (let i = 0; i < fresh.n; i++) if (fresh.g[i] === 0) majority.push([fresh.x[2 * i], fresh.x[2 * i + 1]]);
    const gen = rows([...majority, ...minority]);
    const m = memorisation(gen, train, holdout, { generatedGroups: [...majority.map(() => 0), ...minority.map(() => 1)] });
    expect(m.perGroup[1].closerToTrain).toBe(1);
    expect(m.perGroup[1].copyRate).toBe(1);
    expect(Math.abs(m.perGroup[0].closerToTrain - 0.5)).toBeLessThan(0.1);
    expect(m.perGroup[0].copyRate).toBeLessThan(0.15);
  });

  it('histograms both DCR distributions on shared bins', () => {
    const fresh = source.sample(new Rng(8), 1000);
    const m = memorisation(fresh, train, holdout);
    const h = dcrHistograms(m, 20);
    expect(h.edges.length).toBe(21);
    expect(h.generated.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(h.holdout.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(quantileSorted(m.dcrHoldout, 0)).toBe(m.dcrHoldout[0]);
    for (let i = 1; i < m.dcrGenerated.length; i++) expect(m.dcrGenerated[i]).toBeGreaterThanOrEqual(m.dcrGenerated[i - 1]);
  });
});
