/**
 * The rebalancing experiment's bookkeeping and metrics. The GANs train only briefly here: the
 * measured findings (3,000 steps) are in the experiment's report, not asserted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../src/core/shared/tf';
import { useBackend } from '../../../src/core/backend/backend';
import { useCpu } from '../../shared/setup';
import { coverage } from '../../../src/core/metrics/metrics';
import {
  coveredFlags,
  groupOnly,
  runRebalance,
  spread,
  topUpCount,
  withExtra,
} from '../../../src/core/experiments/rebalance';
import { Rng } from '../../../src/core/shared/rng';

beforeAll(async () => {
  if (!(await useBackend('wasm'))) await useCpu();
});

describe('rebalancing helpers', () => {
  it('counts the top-up to a target share', () => {
    expect(topUpCount(1800, 200, 0.5)).toBe(1600);
    expect(topUpCount(1940, 60, 0.5)).toBe(1880);
    expect(topUpCount(1000, 1000, 0.5)).toBe(0);
    expect(topUpCount(900, 100, 0.25)).toBe(200);
  });

  it('flags covered points exactly as metrics.coverage counts them', () => {
    const rng = new Rng(8);
    const real = Float32Array.from({ length: 400 }, () => rng.normal() * 0.2);
    const gen = Float32Array.from({ length: 300 }, () => rng.normal() * 0.1);
    const flags = coveredFlags(real, 200, gen, 150);
    const share = flags.reduce((a, v) => a + v, 0) / 200;
    expect(share).toBeCloseTo(coverage(real, 200, gen, 150, 2, 5), 12);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.95);
  });

  it('measures spread per axis', () => {
    const s = spread([0, 0, 2, 4, 4, 8], 3);
    expect(s.mean).toEqual([2, 4]);
    expect(s.std[0]).toBeCloseTo(2, 12);
    expect(s.std[1]).toBeCloseTo(4, 12);
    // one point has a place but no spread; none has neither (never a made-up 0)
    expect(spread([3, 5], 1)).toEqual({ mean: [3, 5], std: [NaN, NaN] });
    expect(spread([], 0)).toEqual({ mean: [NaN, NaN], std: [NaN, NaN] });
  });

  it('splits and extends point sets', () => {
    const set = { x: Float32Array.from([0, 0, 1, 1, 2, 2]), g: Uint8Array.from([0, 1, 0]), n: 3, dim: 2 };
    const minority = groupOnly(set, 1);
    expect(Array.from(minority.x)).toEqual([1, 1]);
    const more = withExtra(set, Float32Array.from([5, 5, 6, 6]), 2, 1);
    expect(more.n).toBe(5);
    expect(Array.from(more.g)).toEqual([0, 1, 0, 1, 1]);
    expect(Array.from(more.x.slice(6))).toEqual([5, 5, 6, 6]);
  });
});

describe('rebalancing run (short)', () => {
  it('tops a 90/10 set up to 50% with both arms and scores them against held-out real minority points', () => {
    const r = runRebalance({ seed: 3, minority: 0.1, recipe: 'stabilised' }, { steps: 300 })!;
    expect(r.counts).toEqual({ majority: 1800, minority: 200, topUp: 1600 });
    expect(r.heldOut.n).toBe(1000);
    const { fullGan, minorityGan, freshReal } = r.arms;
    expect(minorityGan.n).toBe(1600);
    expect(fullGan.n).toBeLessThanOrEqual(1600);
    expect(fullGan.drawn).toBeGreaterThanOrEqual(fullGan.n);
    for (const a of [fullGan, minorityGan, freshReal]) {
      expect(a.covered.length).toBe(1000);
      expect(a.coverage).toBeCloseTo(a.covered.reduce((s, v) => s + v, 0) / 1000, 12);
      expect(a.points.length).toBe(2 * a.n);
      for (const v of [...a.std, ...a.mean]) expect(Number.isFinite(v)).toBe(true);
    }
    // a perfect forger (fresh real points) covers nearly all of the held-out minority
    expect(freshReal.n).toBe(1600);
    expect(freshReal.coverage).toBeGreaterThan(0.95);
    expect(Math.abs(freshReal.std[0] - r.heldOutStd[0])).toBeLessThan(0.02);
    expect(tf.memory().numTensors).toBeLessThan(50);
  });

  it('can be stopped from the progress callback', () => {
    let calls = 0;
    const r = runRebalance({ seed: 1, minority: 0.1 }, { steps: 200 }, () => ++calls < 2, 50);
    expect(r).toBeNull();
    expect(calls).toBe(2);
  });
});
