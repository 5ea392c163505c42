// One definition each of the numbers and rules several views share: the multi-seed cap and
// clamp, the median, and the two meanings of "converged" (core/skew, core/metrics), checked by
// value and by a scan of src/ for copies.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SEED_COUNT, MAX_SEEDS, clampSeedCount, median, seedList } from '../../../src/core/skew/skew';
import { CONVERGED_FACTOR, isConverged, isSettled } from '../../../src/core/metrics/metrics';

const root = path.resolve(__dirname, '../../..');
function files(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return files(rel);
    return /\.(ts|svelte)$/.test(e.name) ? [{ file: rel, text: fs.readFileSync(path.join(root, rel), 'utf8') }] : [];
  });
}
const where = (re: RegExp) => files('src').filter((f) => re.test(f.text)).map((f) => f.file);

describe('shared definitions', () => {
  it('seed counts: at most MAX_SEEDS, the default when not a number', () => {
    expect([MAX_SEEDS, DEFAULT_SEED_COUNT]).toEqual([20, 5]);
    expect([NaN, 0, -3, 2.6, 20, 99].map(clampSeedCount)).toEqual([5, 1, 1, 3, 20, 20]);
    expect(seedList(4, 3)).toEqual([4, 5, 6]);
    expect(seedList(1, NaN).length).toBe(5);
  });

  it('median: NaN left out, Infinity is a value (the bench counts a seed that never converged so)', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 3, NaN])).toBe(3);
    expect(median([])).toBeNaN();
    expect(median([1, 2, Infinity])).toBe(2);
    expect(median([1, Infinity, Infinity])).toBe(Infinity);
    expect(median([1, 2, Infinity, Infinity])).toBe(Infinity);
  });

  it('converged (the samples) and settled (the samples and a coin-toss detective) are two rules', () => {
    expect(CONVERGED_FACTOR).toBe(5);
    expect(isConverged(0.05, 0.01)).toBe(true);
    expect(isConverged(0.0501, 0.01)).toBe(false);
    expect(isSettled(0.05, 0.01, 0.5)).toBe(true);
    expect(isSettled(0.05, 0.01, 0.4)).toBe(true);
    expect(isSettled(0.05, 0.01, 0.61)).toBe(false);
    expect(isSettled(0.05, 0.01, 0.39)).toBe(false);
    expect(isSettled(0.06, 0.01, 0.5)).toBe(false);
  });

  it('src defines each once', () => {
    expect(where(/\bMAX_SEEDS\s*=/)).toEqual(['src/core/skew/skew.ts']);
    expect(where(/function median\b|\bmedian\s*=\s*(\(|function)/)).toEqual(['src/core/skew/skew.ts']);
    expect(where(/CONVERGED_FACTOR\s*=/)).toEqual(['src/core/metrics/metrics.ts']);
    // no inline "5 × floor" or "≤ 5" rule outside the definition
    expect(where(/\b5\s*\*\s*[\w.[\]\s-]*floor\b|ratio\s*<=\s*5\b|acc\w*\s*>=\s*0\.4\b/)).toEqual([]);
  });
});
