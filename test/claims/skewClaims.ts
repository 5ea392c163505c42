/**
 * Shared by the skew claim tests: run a shipped skew preset over the pinned seeds (test/claims/
 * pinned.ts) for 3,000 steps, log every seed's numbers, and return the seed results and the
 * minority's median.
 */
import { tf } from '../../src/core/shared/tf';
import type { Recipe } from '../../src/core/settings/config';
import { runConfig, runSeeds, skewPreset } from '../../src/core/skew/skew';
import type { SeedResult } from '../../src/core/skew/skew';
import { claimSeeds } from './pinned';

export const SEEDS = claimSeeds(5);
export const STEPS = 3000;

export function minorityRuns(preset: string, recipe: Recipe): { results: SeedResult[]; median: number } {
  const t0 = Date.now();
  const out = runSeeds(runConfig({ ...skewPreset(preset).config, recipe }), SEEDS, STEPS, undefined, (r) =>
    console.log(
      `${preset} ${recipe} seed ${r.seed}: minority ratio ${r.ratios[1].toFixed(3)} (share ${r.syntheticShares[1].toFixed(3)} of ${r.realShares[1].toFixed(3)}), ` +
        `majority ${r.ratios[0].toFixed(3)}, off-data ${r.offData.toFixed(3)}, JS ${r.jsOverFloor.toFixed(2)}× floor, detective ${r.accuracy.overall.toFixed(3)}`,
    ),
  )!;
  const ms = (Date.now() - t0) / (SEEDS.length * STEPS);
  console.log(`${preset} ${recipe}: median minority ratio ${out.medians[1].toFixed(3)} over seeds ${SEEDS.join(',')} (${tf.getBackend()}, ${ms.toFixed(1)} ms/step)`);
  return { results: out.results, median: out.medians[1] };
}
