/**
 * The representation metrics of the skew view on constructed cases (no training): a forger that
 * only ever makes majority points, a perfect copy, the bootstrap interval, the sentences.
 */
import { describe, expect, it } from 'vitest';
import { settingFor } from '../../../src/core/settings/config';
import type { NumberSetting } from '../../../src/core/settings/config';
import { twoGroups } from '../../../src/core/data/datasets';
import type { PointSet } from '../../../src/core/data/datasets';
import { makeEvalContext } from '../../../src/core/metrics/evaluate';
import {
  bootstrapShares,
  droppedGroups,
  droppedSeeds,
  median,
  MAX_SEEDS,
  representation,
  seedList,
  SKEW_PRESETS,
  skewPreset,
} from '../../../src/core/skew/skew';
import { formatShare, representationSentences, shareSentence } from '../../../src/state/shared/skewText';
import { Rng } from '../../../src/core/shared/rng';
import { assignGroup, densityOfSource, OFF_DATA } from '../../../src/core/metrics/groups';

function onlyGroup(set: PointSet, group: number): { x: Float32Array; n: number } {
  const keep: number[] = [];
  for (let i = 0; i < set.n; i++) if (set.g[i] === group) keep.push(set.x[2 * i], set.x[2 * i + 1]);
  return { x: Float32Array.from(keep), n: keep.length / 2 };
}

describe('representation on constructed cases', () => {
  const source = twoGroups(0.1, 'separate');
  const ctx = makeEvalContext(source, 11);

  it('a forger that only makes majority points has minority ratio 0 and has dropped it', () => {
    const big = source.sample(new Rng(5).fork('fake'), 4000);
    const gen = onlyGroup(big, 0);
    const rep = representation(ctx, gen.x, gen.n, { seed: 3 });
    const [maj, min] = rep.groups;
    expect(min.realShare).toBeCloseTo(0.1, 2);
    expect(min.syntheticShare).toBe(0);
    expect(min.ratio).toBe(0);
    expect(min.interval).toEqual([0, 0]);
    expect(min.dropped).toBe(true);
    expect(min.coverage).toBeLessThan(0.02);
    expect(maj.ratio).toBeGreaterThan(1.05);
    expect(maj.coverage).toBeGreaterThan(0.9);
    expect(droppedGroups(rep).map((g) => g.id)).toEqual(['minority']);
    expect(representationSentences(rep)[0]).toMatch(/^The forger has dropped the minority: it is 10% of the real data but only 0% of the synthetic data/);
    // before any training step nothing has been "dropped": the sentence only states the shares
    expect(representationSentences(rep, false)[0]).toBe('The minority is 10% of the real data and 0% of the synthetic data.');
  });

  it('a perfect copy (a fresh real sample) has ratios close to 1 and nothing dropped', () => {
    for (const [minority, seed] of [[0.1, 21], [0.5, 22], [0.3, 23]] as const) {
      const src = twoGroups(minority, 'separate');
      const c = makeEvalContext(src, seed);
      const copy = src.sample(new Rng(seed).fork('copy'), 2048);
      const rep = representation(c, copy.x, copy.n, { seed });
      for (const g of rep.groups) {
        expect(g.ratio).toBeGreaterThan(0.9);
        expect(g.ratio).toBeLessThan(1.1);
        expect(g.interval[0]).toBeLessThanOrEqual(g.syntheticShare);
        expect(g.interval[1]).toBeGreaterThanOrEqual(g.syntheticShare);
        expect(g.coverage).toBeGreaterThan(0.9);
        expect(g.reliable).toBe(true);
      }
      expect(droppedGroups(rep)).toEqual([]);
      expect(rep.offData).toBeLessThan(0.03);
    }
  });

  it('does not count a small group\'s edges as off-data: a perfect copy of a 3% or 10% group scores ≈ 1', () => {
    // One off-data level for the total density put the sparse edges of a small group below it.
    for (const [minority, place, seed] of [[0.03, 'separate', 31], [0.1, 'separate', 32], [0.03, 'tail', 33]] as const) {
      const src = twoGroups(minority, place);
      const c = makeEvalContext(src, seed);
      const copy = src.sample(new Rng(seed).fork('copy'), 16384);
      const rep = representation(c, copy.x, copy.n, { withCoverage: false });
      // (the old single level gave 0.89 at 3% separate; the tail group also wins some shared ground)
      expect(rep.groups[1].ratio).toBeGreaterThan(0.94);
      expect(rep.groups[1].ratio).toBeLessThan(1.08);
      expect(rep.offData).toBeLessThan(0.025);
    }
  });

  it('flags the ratio as unreliable where a small group overlaps a big one', () => {
    const src = twoGroups(0.03, 'overlap');
    const c = makeEvalContext(src, 4);
    const copy = src.sample(new Rng(4).fork('copy'), 2048);
    const rep = representation(c, copy.x, copy.n, { withCoverage: false });
    expect(rep.groups[1].realAssignedShare).toBeLessThan(0.8 * rep.groups[1].realShare);
    expect(rep.groups[1].reliable).toBe(false);
    expect(rep.groups[0].reliable).toBe(true);
  });

  it('the bootstrap interval has the binomial width and is reproducible', () => {
    const labels = new Int8Array(2000);
    for (let i = 0; i < 200; i++) labels[i * 10] = 1; // exactly 10% in group 1
    const a = bootstrapShares(labels, 2, new Rng(7), 1000, 0.9);
    const b = bootstrapShares(labels, 2, new Rng(7), 1000, 0.9);
    expect(a).toEqual(b);
    const [lo, hi] = a[1];
    // sd = sqrt(0.1 · 0.9 / 2000) = 0.0067; a 90% interval spans about ±1.645 sd
    expect(lo).toBeLessThan(0.1);
    expect(hi).toBeGreaterThan(0.1);
    expect(hi - lo).toBeGreaterThan(0.017);
    expect(hi - lo).toBeLessThan(0.027);
    // off-data labels (-1) count in n but in no group
    const off = Int8Array.from([0, 1, -1, -1]);
    const c = bootstrapShares(off, 2, new Rng(1), 500);
    expect(c[0][1]).toBeLessThanOrEqual(1);
    expect(c[1][0]).toBeGreaterThanOrEqual(0);
  });
});

describe('sentences, presets, median', () => {
  it('says the shares in plain language', () => {
    expect(shareSentence({ label: 'Minority', realShare: 0.1, syntheticShare: 0.02 })).toBe(
      'The minority is 10% of the real data and 2% of the synthetic data.',
    );
    expect(formatShare(0.004)).toBe('0.4%');
    expect(formatShare(0.0004)).toBe('under 0.1%');
    expect(formatShare(0.137)).toBe('14%');
    expect(formatShare(0.0999)).toBe('10%');
    expect(formatShare(0)).toBe('0%');
  });

  it('ships the four skew presets inside the setting ranges', () => {
    expect(SKEW_PRESETS.map((p) => p.label)).toEqual(['50/50', '70/30', '90/10', '97/3']);
    const range = settingFor('minority') as NumberSetting;
    for (const p of SKEW_PRESETS) {
      const m = p.config.minority!;
      expect(m).toBeGreaterThanOrEqual(range.min);
      expect(m).toBeLessThanOrEqual(range.max);
    }
    expect(skewPreset('90-10').config.minority).toBe(0.1);
    expect(() => skewPreset('nope')).toThrow();
  });

  it('lists the runner’s seeds: 5 by default, at most 20', () => {
    expect(seedList(6)).toEqual([6, 7, 8, 9, 10]);
    expect(seedList(1, 50).length).toBe(MAX_SEEDS);
    expect(seedList(3, 0)).toEqual([3]);
  });

  it('takes medians, ignoring NaN', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });
});

describe('droppedSeeds', () => {
  it('counts the seeds whose synthetic share fell under a quarter of the real share', () => {
    const r = (minority: number) => ({ syntheticShares: [1 - minority, minority], realShares: [0.9, 0.1] });
    const results = [r(0), r(0.024), r(0.026), r(0.1), r(0.3)];
    expect(droppedSeeds(results, 1)).toBe(2);
    expect(droppedSeeds(results, 0)).toBe(0);
    expect(droppedSeeds([], 1)).toBe(0);
  });
});

describe('group assignment on the two-group data', () => {
  it('follows the exact densities: the group with the higher true density wins (≥ 99% of on-data points)', () => {
    for (const [m, place] of [[0.1, 'tail'], [0.03, 'tail'], [0.5, 'separate'], [0.2, 'overlap']] as const) {
      const src = twoGroups(m, place);
      const gd = densityOfSource(src, 3);
      const rng = new Rng(9);
      let agree = 0;
      let n = 0;
      for (let i = 0; i < 20000; i++) {
        const x = rng.uniform(-1, 1);
        const y = rng.uniform(-1, 1);
        const g = assignGroup(gd, x, y);
        if (g === OFF_DATA) continue;
        n++;
        if (g === (src.density!(0, x, y) >= src.density!(1, x, y) ? 0 : 1)) agree++;
      }
      expect(n).toBeGreaterThan(3000);
      expect(agree / n).toBeGreaterThan(0.99);
    }
  });
});
