/**
 * The skew lessons' claims at 50/50: with either recipe the minority keeps its share
 * (median representation ratio within 0.8–1.25 over seeds 1–5 at 3,000 steps).
 * Rerun on other seeds with SKEW_SEEDS=6,7,8,9,10.
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
