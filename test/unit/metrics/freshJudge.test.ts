// The fresh judge on cases whose answer is known: two samples of one distribution cannot be told
// apart (≈ 50%), disjoint ones always can (≈ 100%), and a copy that lacks one of two clusters is
// caught (well above 50%) — the case a tired detective can miss.
import { describe, expect, it } from 'vitest';
import { freshJudge } from '../../../src/core/metrics/freshJudge';
import { Rng } from '../../../src/core/shared/rng';

function blob(rng: Rng, n: number, cx: number, cy: number, s: number): Float32Array {
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = cx + s * rng.normal();
    out[2 * i + 1] = cy + s * rng.normal();
  }
  return out;
}
function mix(rng: Rng, n: number, share: number): Float32Array {
  const a = Math.round(n * (1 - share));
  const out = new Float32Array(2 * n);
  out.set(blob(rng, a, -0.3, 0, 0.2), 0);
  out.set(blob(rng, n - a, 0.55, 0.4, 0.08), 2 * a);
  return out;
}

describe('fresh judge', () => {
  it('scores two samples of the same distribution at about 50%', () => {
    for (const seed of [1, 2, 3]) {
      const rng = new Rng(seed);
      const r = freshJudge(mix(rng, 2048, 0.2), 2048, mix(rng, 2048, 0.2), 2048, { seed });
      expect(r.accuracy).toBeGreaterThan(0.45);
      expect(r.accuracy).toBeLessThan(0.55);
      expect(r.tested).toBe(1024);
    }
  });

  it('scores disjoint samples at about 100%', () => {
    const rng = new Rng(4);
    const r = freshJudge(blob(rng, 2048, -0.5, -0.5, 0.1), 2048, blob(rng, 2048, 0.5, 0.5, 0.1), 2048);
    expect(r.accuracy).toBeGreaterThan(0.98);
  });

  it('catches a copy that dropped the minority cluster', () => {
    const rng = new Rng(5);
    const r = freshJudge(mix(rng, 2048, 0.2), 2048, mix(rng, 2048, 0), 2048);
    // the ideal classifier scores 1/2 + 1/2 · (total variation) = 60% here
    expect(r.accuracy).toBeGreaterThan(0.56);
  });

  it('is deterministic for a seed and does not depend on input order', () => {
    const rng = new Rng(6);
    const a = mix(rng, 1000, 0.2);
    const b = mix(rng, 1000, 0.05);
    expect(freshJudge(a, 1000, b, 1000, { seed: 3 })).toEqual(freshJudge(a, 1000, b, 1000, { seed: 3 }));
  });
});
