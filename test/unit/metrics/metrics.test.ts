import { describe, expect, it } from 'vitest';
import { coverage, detectiveAccuracy, histogram2d, isConverged, jsDivergence, jsOfPoints, representationRatio, sharesOfLabels } from '../../../src/core/metrics/metrics';
import { assignGroup, densityFromSample, densityOfSource, OFF_DATA, syntheticShares } from '../../../src/core/metrics/groups';
import { makeEvalContext } from '../../../src/core/metrics/evaluate';
import { twoGroups, ringOfEight, uniformSquare } from '../../../src/core/data/datasets';
import { Rng } from '../../../src/core/shared/rng';

const pts = (...xy: number[]) => Float32Array.from(xy);

describe('detective accuracy', () => {
  it('counts real right above 0.5 and fakes right below 0.5', () => {
    expect(detectiveAccuracy([0.9, 0.6, 0.4, 0.2], [0.1, 0.7])).toEqual({ real: 0.5, fake: 0.5, overall: 0.5 });
    expect(detectiveAccuracy([0.9, 0.8], [0.1, 0.2])).toEqual({ real: 1, fake: 1, overall: 1 });
  });
  it('is 50% for any constant output', () => {
    for (const c of [0, 0.3, 0.5, 0.7, 1]) expect(detectiveAccuracy(Array(50).fill(c), Array(50).fill(c)).overall).toBe(0.5);
  });
});

describe('JS divergence', () => {
  it('is 0 for identical samples and 1 for disjoint ones', () => {
    const a = new Rng(1).fill(new Float32Array(2000), 'uniform');
    expect(jsOfPoints(a, 1000, a, 1000)).toBe(0);
    const left = pts(-0.9, -0.9, -0.8, -0.85, -0.7, -0.6);
    const right = pts(0.9, 0.9, 0.8, 0.7);
    expect(jsOfPoints(left, 3, right, 2)).toBeCloseTo(1, 12);
  });
  it('is 0.5 bits when half of the mass is shared', () => {
    // p = [1/2, 1/2, 0], q = [1/2, 0, 1/2]: JS = 0.5 bits exactly
    expect(jsDivergence([1, 1, 0], [1, 0, 1])).toBeCloseTo(0.5, 12);
  });
  it('keeps points outside the domain in their own bin', () => {
    const h = histogram2d(pts(5, 5, NaN, 0, 0, 0), 3);
    expect(h[h.length - 1]).toBe(2);
    expect(h.reduce((a, b) => a + b, 0)).toBe(3);
  });
  it('has a noise floor well above 0 and a perfect copy within a few floors', () => {
    const src = twoGroups(0.2, 'separate');
    const ctx = makeEvalContext(src, 3);
    expect(ctx.floor).toBeGreaterThan(0.02);
    expect(ctx.floor).toBeLessThan(0.2);
    const copy = src.sample(new Rng(99), 2048);
    const js = jsOfPoints(copy.x, copy.n, ctx.reference.x, ctx.reference.n);
    expect(isConverged(js, ctx.floor)).toBe(true);
    expect(js / ctx.floor).toBeLessThan(1.5);
  });
});

describe('group shares', () => {
  const src = twoGroups(0.1, 'separate');
  const gd = densityOfSource(src, 1);
  it('assigns points at each group centre to that group and far points to off-data', () => {
    expect(assignGroup(gd, -0.35, -0.15)).toBe(0);
    expect(assignGroup(gd, 0.45, 0.42)).toBe(1);
    expect(assignGroup(gd, -0.9, 0.9)).toBe(OFF_DATA);
    expect(assignGroup(gd, 7, 7)).toBe(OFF_DATA);
  });
  it('gives ratio ≈ 1 for a perfect copy and 0 for a forger that emits only the majority', () => {
    const copy = src.sample(new Rng(5), 4000);
    const s = syntheticShares(gd, copy.x, copy.n);
    expect(representationRatio(s.groups[1], 0.1)).toBeGreaterThan(0.9);
    expect(representationRatio(s.groups[1], 0.1)).toBeLessThan(1.1);
    expect(s.offData).toBeLessThan(0.02);
    const majorityOnly = twoGroups(0.5, 'separate').sample(new Rng(6), 4000);
    const onlyMaj = Float32Array.from(Array.from({ length: majorityOnly.n }).flatMap((_, i) => (majorityOnly.g[i] === 0 ? [majorityOnly.x[2 * i], majorityOnly.x[2 * i + 1]] : [])));
    const s0 = syntheticShares(gd, onlyMaj, onlyMaj.length / 2);
    expect(representationRatio(s0.groups[1], 0.1)).toBe(0);
  });
  it('counts real shares from labels exactly', () => {
    const sample = src.sample(new Rng(2), 1000);
    expect(sharesOfLabels(sample.g, 2)).toEqual([0.9, 0.1]);
  });
  it('handles eight groups and a single group', () => {
    const ring = ringOfEight();
    const r = ring.sample(new Rng(3), 4000);
    const s = syntheticShares(densityFromSample(ring.sample(new Rng(4), 8000), 8), r.x, r.n);
    s.groups.forEach((v) => expect(v).toBeGreaterThan(0.1));
    const sq = uniformSquare();
    const q = sq.sample(new Rng(5), 1000);
    expect(syntheticShares(densityOfSource(sq, 1), q.x, q.n).groups[0]).toBeGreaterThan(0.95);
  });
});

describe('coverage', () => {
  it('is 1 when generated points sit on the real ones and 0 when far away', () => {
    const real = new Rng(7).fill(new Float32Array(200), 'gaussian').map((v) => v * 0.1);
    expect(coverage(real, 100, real, 100, 2, 5)).toBe(1);
    const far = real.map((v) => v + 5);
    expect(coverage(real, 100, far, 100, 2, 5)).toBe(0);
  });
  it('scores one group at a time with a mask', () => {
    // real: 50 points near (0,0) (group 0) and 50 near (1,1) (group 1); fakes only near (0,0)
    const rng = new Rng(8);
    const real = new Float32Array(200);
    for (let i = 0; i < 100; i++) {
      const c = i < 50 ? 0 : 1;
      real[2 * i] = c + 0.05 * rng.normal();
      real[2 * i + 1] = c + 0.05 * rng.normal();
    }
    const fake = real.slice(0, 100);
    expect(coverage(real, 100, fake, 50, 2, 5, (i) => i < 50)).toBe(1);
    expect(coverage(real, 100, fake, 50, 2, 5, (i) => i >= 50)).toBe(0);
  });
});
