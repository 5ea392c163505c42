/**
 * The skew lessons' claim at 90/10, measured as a lesson would state it: the shipped 90/10 preset,
 * seeds 1–5, 3,000 steps, the median over seeds of the minority's representation ratio.
 * Rerun on other seeds with SKEW_SEEDS=6,7,8,9,10.
 *
 * What was measured (wasm, 3,000 steps, per-group off-data levels; the per-seed ratios):
 *   stabilised, seeds 1–10: 0.63 0.63 0.52 0.76 0.59 0.69 0.65 0.58 0.79 0.65 (median 0.64)
 *   plain,      seeds 1–10: 0.72 0.82 0.74 0.83 0.56 1.10 0.87 0.89 1.05 0.52 (median 0.83)
 * So with this geometry the stabilised forger keeps the minority but shrinks it (about 6% of the
 * synthetic data instead of 10%: it inherits the skew and amplifies it, never rebalancing); the
 * missing minority lands off the data, on the bridge a continuous forger draws between the two
 * clusters. Plain training swings from seed to seed without dropping a 10% minority reliably (it
 * does at 97/3: skew-claims-973). The issue's draft claims (plain median < 0.8, stabilised within
 * 0.7–1.3) do not hold here and are not asserted.
 */
import { beforeAll, expect, it } from 'vitest';
import { fastBackend, minorityRuns } from './skewClaims';

beforeAll(fastBackend);

it('90/10, stabilised: the minority survives but shrinks (median minority ratio within 0.45–0.85)', () => {
  const { results, median } = minorityRuns('90-10', 'stabilised');
  expect(median).toBeGreaterThanOrEqual(0.45);
  expect(median).toBeLessThanOrEqual(0.85);
  // shrunk, never dropped
  for (const r of results) expect(r.ratios[1]).toBeGreaterThan(0.25);
});
