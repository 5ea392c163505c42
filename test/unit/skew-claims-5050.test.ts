/**
 * The skew lessons' claims at 50/50: with either recipe the minority keeps its share
 * (median representation ratio within 0.8–1.25 over seeds 1–5 at 3,000 steps).
 * Rerun on other seeds with SKEW_SEEDS=6,7,8,9,10.
 *
 * What was measured (wasm, 3,000 steps; the per-seed minority ratios):
 *   plain,      seeds 1–10: 1.15 1.03 0.00 1.93 0.43 0.96 1.95 1.93 1.06 0.00 (median 1.05)
 *   stabilised, seeds 1–10: 0.97 0.96 0.95 0.94 1.01 0.99 0.94 0.94 0.96 0.96 (median 0.96)
 * The plain median is faithful but its seeds are not: at 50/50 plain training loses one whole
 * group on about a third of the seeds, and which one is a coin toss (0.00 or about 1.9). At 90/10
 * the one it loses is nearly always the minority (skew-claims-9010).
 */
import { beforeAll, expect, it } from 'vitest';
import { fastBackend, minorityRuns } from './skewClaims';

beforeAll(fastBackend);

for (const recipe of ['plain', 'stabilised'] as const) {
  it(`50/50, ${recipe}: median minority ratio within 0.8–1.25`, () => {
    const { median } = minorityRuns('50-50', recipe);
    expect(median).toBeGreaterThanOrEqual(0.8);
    expect(median).toBeLessThanOrEqual(1.25);
  });
}
