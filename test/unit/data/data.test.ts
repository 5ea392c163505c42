import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/shared/rng';
import { cleanDrawn, drawnSource, makeSource, MAX_DRAWN, stratifiedCounts, trainingSet, twoGroups } from '../../../src/core/data/datasets';
import { DEFAULT_CONFIG } from '../../../src/core/settings/config';

describe('Rng', () => {
  it('is deterministic per seed and roughly uniform / normal', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 20000 }, () => a.next());
    expect(Array.from({ length: 20000 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    const n = new Rng(1);
    const zs = Array.from({ length: 20000 }, () => n.normal());
    const m = zs.reduce((s, x) => s + x, 0) / zs.length;
    const v = zs.reduce((s, x) => s + (x - m) ** 2, 0) / zs.length;
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(v - 1)).toBeLessThan(0.04);
    expect(new Rng(1).fork('a').next()).not.toBe(new Rng(1).fork('b').next());
  });
});

describe('data sets', () => {
  it('splits counts exactly by share', () => {
    expect(stratifiedCounts(1000, [0.9, 0.1])).toEqual([900, 100]);
    expect(stratifiedCounts(7, [0.5, 0.5])).toEqual([4, 3]);
    expect(stratifiedCounts(10, Array(8).fill(1 / 8)).reduce((a, b) => a + b)).toBe(10);
  });
  it('gives every data set points in the domain with valid groups, same seed same points', () => {
    for (const data of ['groups', 'ring', 'curve', 'square'] as const) {
      const src = makeSource({ ...DEFAULT_CONFIG, data });
      const a = trainingSet(src, 500, 3);
      const b = trainingSet(src, 500, 3);
      expect(Array.from(a.x)).toEqual(Array.from(b.x));
      expect(a.x.every((v) => v >= -1 && v <= 1)).toBe(true);
      expect(Math.max(...a.g)).toBeLessThan(src.groups.length);
    }
  });
  it('places the minority as asked', () => {
    for (const place of ['separate', 'overlap', 'tail'] as const) {
      const s = twoGroups(0.3, place).sample(new Rng(1), 3000);
      let mx = 0;
      let n = 0;
      for (let i = 0; i < s.n; i++) if (s.g[i] === 1) {
        mx += s.x[2 * i];
        n++;
      }
      expect(n).toBe(900);
      expect(mx / n).toBeGreaterThan(place === 'overlap' ? -0.3 : 0);
    }
  });
  it('cleans drawn points: drops non-finite, clamps to the domain, caps the count', () => {
    const cleaned = cleanDrawn([{ x: NaN, y: 0, group: 0 }, { x: 3, y: -9, group: 7 }, { x: 0.1, y: 0.2, group: 1 }]);
    expect(cleaned).toEqual([{ x: 1, y: -1, group: 0 }, { x: 0.1, y: 0.2, group: 1 }]);
    const many = Array.from({ length: 50000 }, (_, i) => ({ x: (i % 100) / 100, y: 0, group: 0 }));
    expect(cleanDrawn(many).length).toBe(MAX_DRAWN);
    expect(() => drawnSource([])).toThrow(/Draw at least one point/);
    const one = drawnSource([{ x: 0.5, y: 0.5, group: 1 }]);
    expect(one.groups.map((g) => g.id)).toEqual(['group-b']);
    expect(one.sample(new Rng(1), 10).n).toBe(10);
  });
});
