/**
 * The price of privacy (issue 14, item 6): the sweep at σ = 0 (clipping only) and σ = 2 on the
 * small-n preset (200 points, 80/20, plain game, 2,000 steps, C = 1), seeds 1–5. Does the noise
 * cost the minority more than the majority? Every number is logged.
 *
 * Measured (wasm, seeds 1–5; ε = 49.89 at δ = 1/200 for σ = 2, q = 0.32, 2,000 steps; σ = 0 has
 * no budget):
 *   minority ratio σ 0 → 2:  0.080 → 0, 0.998 → 0, 0 → 0, 1.427 → 0, 0.846 → 0.361
 *   majority ratio σ 0 → 2:  1.224 → 1.188, 0.989 → 1.250, 1.215 → 1.250, 0.893 → 1.250, 0.964 → 1.123
 *   coverage lost (majority, minority): (−0.094, 0.032), (0.067, 0.744), (0.098, 0.000),
 *                                        (−0.017, 0.332), (0.489, 0.156)
 *   JS / floor σ 0 → 2: 13.28 → 11.23, 7.49 → 11.22, 10.50 → 10.82, 10.43 → 12.01, 7.30 → 13.11
 * The measure fixed before the run — minority loses more *coverage* than the majority — held on
 * only 3 of 5 seeds (seed 3 had lost the minority already at σ = 0; on seed 5 the majority lost
 * more coverage), so it is not asserted. The representation ratio (looked at after that
 * result, so say so wherever it is quoted) moves against the minority on all 5: with noise the
 * forger drops the 20% group on seeds 1, 2 and 4 and shrinks it to 0.36 on seed 5; on seed 3 it
 * was 0 already at σ = 0 (0 → 0, while the majority's grew); the majority's ratio grows on 4 of 5. Caveat: the preset is not converged even at σ = 0 (JS 7–13× floor; plain
 * recipe, 2,000 steps), and plain training alone drops the minority on seeds 1 and 3.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/settings/config';
import { privacySweep } from '../../src/core/privacy/sweep';
import type { SweepPoint } from '../../src/core/privacy/sweep';
import { claimSeeds, holdsOn as count, logClaim as log, usePinnedBackend } from './pinned';

const SEEDS = claimSeeds(5);

beforeAll(usePinnedBackend);

describe('the price of privacy falls on the minority', () => {
  it('σ 0 → 2: JS rises, and the minority’s representation falls more than the majority’s, on ≥ 4 of 5 seeds', () => {
    const sweeps: SweepPoint[][] = SEEDS.map((seed) => {
      const t0 = Date.now();
      const s = privacySweep({ ...DEFAULT_CONFIG, seed }, { sigmas: [0, 2] })!;
      for (const p of s)
        log(
          `sweep seed ${seed} σ ${p.sigma}: ε ${p.epsilon.epsilon.toFixed(2)} (δ ${p.delta}), JS ${(p.js / p.floor).toFixed(2)}× floor, closer-to-train ${p.closerToTrain.toFixed(3)}, ` +
            p.perGroup.map((g) => `group ${g.group}: coverage ${g.coverage.toFixed(3)} ratio ${g.ratio.toFixed(3)} JS ${g.js.toFixed(3)} closer ${g.closerToTrain.toFixed(3)}`).join('; ') +
            ` (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
        );
      return s;
    });
    const lost = sweeps.map((s) => s[0].perGroup.map((g, i) => g.coverage - s[1].perGroup[i].coverage));
    lost.forEach((l, k) => log(`sweep seed ${SEEDS[k]}: coverage lost majority ${l[0].toFixed(3)}, minority ${l[1].toFixed(3)}`));
    const ratioChange = sweeps.map((s) => s[0].perGroup.map((g, i) => s[1].perGroup[i].ratio - g.ratio));
    ratioChange.forEach((d, k) => log(`sweep seed ${SEEDS[k]}: ratio change majority ${d[0].toFixed(3)}, minority ${d[1].toFixed(3)}`));
    log(`sweep: minority lost more coverage on ${count(lost, (l) => l[1] > l[0])} of ${SEEDS.length} seeds (not asserted: measured 3 of 5)`);
    // DP costs fidelity at all: JS rises with noise on ≥ 4 of 5 seeds (measured 4 of 5)
    expect(count(sweeps, (s) => s[1].js > s[0].js)).toBeGreaterThanOrEqual(4);
    // the minority's representation ratio changes less favourably than the majority's (measured 5 of 5; it fell on 4, seed 3 stayed at 0) and ends below 0.5 (5 of 5)
    expect(count(ratioChange, (d) => d[1] < d[0])).toBeGreaterThanOrEqual(4);
    expect(count(sweeps, (s) => s[1].perGroup[1].ratio < 0.5)).toBeGreaterThanOrEqual(4);
  }, 3_600_000);
});
