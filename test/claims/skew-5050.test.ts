/**
 * The skew lessons' claims at 50/50: with either recipe the minority keeps its share
 * (median representation ratio within 0.8–1.25 over seeds 1–5 at 3,000 steps).
 * Rerun on other seeds with CLAIM_SEEDS=6,7,8,9,10.
 *
 * What was measured (wasm, 3,000 steps; the per-seed minority ratios):
 *   plain,      seeds 1–10: 1.06 1.04 0.84 0.00 0.00 0.04 1.11 1.99 0.93 0.00 (median 0.84 / 0.93);
 *               over seeds 1–60: within 0.8–1.25 on 39, the minority lost (< 0.25) on 12, the
 *               majority on about 4; of the twelve runs of five consecutive seeds, one (16–20)
 *               has its median outside 0.8–1.25 (0.62)
 *   stabilised, seeds 1–10: 0.93 0.94 0.94 0.89 0.94 1.03 0.95 0.93 0.93 0.90 (median 0.94 / 0.93)
 * The plain median is faithful but its seeds are not: at 50/50 plain training loses one whole
 * group on about a quarter of the seeds (0.00, or about 2 when it loses the majority). At 90/10
 * it loses the minority on most seeds (skew-claims-9010).
 */
import { beforeAll, expect, it } from 'vitest';
import { minorityRuns } from './skewClaims';
import { usePinnedBackend } from './pinned';

beforeAll(usePinnedBackend);

for (const recipe of ['plain', 'stabilised'] as const) {
  it(`50/50, ${recipe}: median minority ratio within 0.8–1.25`, () => {
    const { median } = minorityRuns('50-50', recipe);
    expect(median).toBeGreaterThanOrEqual(0.8);
    expect(median).toBeLessThanOrEqual(1.25);
  });
}
