/**
 * "How you train decides who disappears", at 97/3 (the shipped preset, seeds 1–5, 3,000 steps).
 * Rerun on other seeds with SKEW_SEEDS=6,7,8,9,10.
 *
 * What was measured (wasm, 3,000 steps; the per-seed minority ratios):
 *   plain,      seeds 1–10: 0.34 0.23 0.11 0.31 0.18 0.59 0.26 0.00 0.48 0.79 (median 0.29; dropped, < 0.25, in 4)
 *   stabilised, seeds 1–10: 0.43 0.49 0.51 0.75 0.56 0.54 0.64 0.82 0.64 0.61 (median 0.58; dropped in none)
 * Both shrink the 3% group; plain training loses most of it, and on some seeds all of it.
 */
import { beforeAll, expect, it } from 'vitest';
import { fastBackend, minorityRuns } from './skewClaims';

beforeAll(fastBackend);

it('97/3: plain training loses most of the minority, stabilised keeps more of it on every seed', () => {
  const plain = minorityRuns('97-3', 'plain');
  const stabilised = minorityRuns('97-3', 'stabilised');
  expect(plain.median).toBeLessThan(0.6);
  expect(stabilised.median).toBeGreaterThan(plain.median);
  for (const r of stabilised.results) expect(r.ratios[1]).toBeGreaterThan(0.25);
});
