/**
 * The skew lessons' two claims at 90/10, measured as a lesson states them: the shipped 90/10
 * preset (minority in the majority's tail, forger 3 × 32), seeds 1–5, 3,000 steps, the median
 * over seeds of the minority's representation ratio. Rerun on other seeds with CLAIM_SEEDS=6,7,8,9,10.
 *
 *  - plain training: the forger drops the minority (median ratio below 0.8) while its detective
 *    still reads about 50%;
 *  - stabilised training (R1 + decay): a faithful copy (median within 0.7–1.3) — it keeps the
 *    minority at its 10% and so inherits the skew; it never rebalances it.
 *
 * What was measured (wasm, 3,000 steps; the per-seed minority ratios):
 *   plain,      seeds 1–10: 1.25 0.14 0.92 0.00 0.00 0.92 0.00 0.00 0.00 0.00 (median 0.14 on 1–5, 0.00 on 6–10);
 *               over seeds 1–60: below 0.8 on 48, dropped (< 0.25) on 44; the median of every
 *               run of five consecutive seeds (1–5, 6–10, …, 56–60) is below 0.5
 *   stabilised, seeds 1–10: 0.96 0.93 0.86 0.90 0.91 1.00 0.75 0.84 0.89 0.97 (median 0.91 / 0.89)
 * Plain training is unstable rather than merely biased: on a few seeds it keeps the minority and
 * drops part of the majority instead (ratios above 2). Which group goes is the smaller one in
 * most runs.
 */
import { beforeAll, expect, it } from 'vitest';
import { isDropped, median, runConfig, skewPreset } from '../../src/core/skew/skew';
import { freshJudge } from '../../src/core/metrics/freshJudge';
import { JS_SAMPLES } from '../../src/core/metrics/metrics';
import { minorityRuns } from './skewClaims';
import { SEEDS } from './skewClaims';
import { usePinnedBackend } from './pinned';
import { lessonConfig } from './lessonPresets';

beforeAll(usePinnedBackend);

// one plain run per seed serves the skew claim and lesson 2's
let plain: ReturnType<typeof minorityRuns> | null = null;
const plainRuns = () => (plain ??= minorityRuns('90-10', 'plain'));

it('90/10, plain: the forger drops the minority (median ratio < 0.8) while the detective reads about 50%', () => {
  const { results, median: m } = plainRuns();
  expect(m).toBeLessThan(0.8);
  const acc = median(results.map((r) => r.accuracy.overall));
  expect(acc).toBeGreaterThan(0.4);
  expect(acc).toBeLessThan(0.6);
});

it('90/10, stabilised: a faithful copy that inherits the skew (median ratio within 0.7–1.3)', () => {
  const { results, median: m } = minorityRuns('90-10', 'stabilised');
  expect(m).toBeGreaterThanOrEqual(0.7);
  expect(m).toBeLessThanOrEqual(1.3);
  // kept on every seed, and never rebalanced towards 50/50
  for (const r of results) {
    expect(r.ratios[1]).toBeGreaterThan(0.25);
    expect(r.syntheticShares[1]).toBeLessThan(0.2);
  }
});

/**
 * Lesson 2's claim about its lab (this plain 90/10 run, each part on at least 4 of 5 seeds): the
 * detective reads 40–60% while a fresh judge trained on the same points is right at least 70% of
 * the time and more than 20 points ahead; and the minority is dropped on at least 3 of the 5 (the
 * lesson says "three of those five"). Measured before the lesson was written: detective 0.450
 * 0.439 0.466 0.555 0.554; fresh judge 0.796 0.835 0.867 0.969 0.982.
 */
it('lesson 2: the detective reads 40–60% while a fresh judge sees the fakes (≥ 70%, 20+ points ahead)', () => {
  expect(lessonConfig('fifty-percent-is-not-a-pass')).toEqual(runConfig({ ...skewPreset('90-10').config, recipe: 'plain' }));
  const need = Math.ceil(SEEDS.length * 0.8);
  let tired = 0;
  let beaten = 0;
  let dropped = 0;
  for (const r of plainRuns().results) {
    const j = freshJudge(r.reference.x, r.reference.n, r.generated, JS_SAMPLES, { seed: r.seed });
    const gap = j.accuracy - r.accuracy.overall;
    console.log(`lesson 2 seed ${r.seed}: detective ${r.accuracy.overall.toFixed(3)}, fresh judge ${j.accuracy.toFixed(3)} (ahead by ${gap.toFixed(3)})`);
    if (r.accuracy.overall >= 0.4 && r.accuracy.overall <= 0.6) tired++;
    if (j.accuracy >= 0.7 && gap > 0.2) beaten++;
    if (isDropped(r.syntheticShares[1], r.realShares[1])) dropped++;
  }
  expect(tired).toBeGreaterThanOrEqual(need);
  expect(beaten).toBeGreaterThanOrEqual(need);
  expect(dropped).toBeGreaterThanOrEqual(3);
});
