/**
 * The skew lessons' claim at 90/10, measured as a lesson would state it: the shipped 90/10 preset,
 * seeds 1–5, 3,000 steps, the median over seeds of the minority's representation ratio.
 * Rerun on other seeds with SKEW_SEEDS=6,7,8,9,10.
 *
 * What was measured (wasm, 3,000 steps; the per-seed ratios):
 *   stabilised, seeds 1–10: 0.61 0.56 0.49 0.69 0.53 0.65 0.58 0.49 0.74 0.65 (median 0.59)
 *   plain,      seeds 1–10: 0.59 0.65 0.77 0.96 0.47 1.10 0.87 0.86 1.09 0.65 (median 0.82)
 * So with this geometry the stabilised forger keeps the minority but shrinks it (about 6% of the
 * synthetic data instead of 10%: it inherits the skew and amplifies it, never rebalancing), and
 * plain training swings from seed to seed without dropping it reliably. The issue's draft claims
 * (plain median < 0.8, stabilised within 0.7–1.3) do not hold here and are not asserted.
 */
import { beforeAll, expect, it } from 'vitest';
import { tf } from '../../src/core/tf';
import type { Recipe } from '../../src/core/config';
import { runConfig, runSeeds, skewPreset } from '../../src/core/experiments/skew';
import { useBackend } from '../../src/core/backend';
import { useCpu } from './setup';

// wasm runs these small networks several times faster than cpu; fall back to cpu without it
beforeAll(async () => {
  if (!(await useBackend('wasm'))) await useCpu();
});

const SEEDS = (process.env.SKEW_SEEDS ?? '1,2,3,4,5').split(',').map(Number);
const STEPS = 3000;

/** Median minority ratio of a shipped preset over SEEDS, logging every seed's numbers. */
function minorityMedian(preset: string, recipe: Recipe): number {
  const t0 = Date.now();
  const out = runSeeds(runConfig({ ...skewPreset(preset).config, recipe }), SEEDS, STEPS, undefined, (r) =>
    console.log(
      `${preset} ${recipe} seed ${r.seed}: minority ratio ${r.ratios[1].toFixed(3)} (share ${r.syntheticShares[1].toFixed(3)} of ${r.realShares[1].toFixed(3)}), ` +
        `majority ${r.ratios[0].toFixed(3)}, off-data ${r.offData.toFixed(3)}, JS ${r.jsOverFloor.toFixed(2)}× floor, detective ${r.accuracy.overall.toFixed(3)}`,
    ),
  )!;
  const ms = (Date.now() - t0) / (SEEDS.length * STEPS);
  console.log(`${preset} ${recipe}: median minority ratio ${out.medians[1].toFixed(3)} over seeds ${SEEDS.join(',')} (${tf.getBackend()}, ${ms.toFixed(1)} ms/step)`);
  return out.medians[1];
}

it('90/10, stabilised: the minority survives but shrinks (median minority ratio within 0.45–0.8)', () => {
  const median = minorityMedian('90-10', 'stabilised');
  expect(median).toBeGreaterThanOrEqual(0.45);
  expect(median).toBeLessThanOrEqual(0.8);
});
