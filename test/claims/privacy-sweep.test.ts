/**
 * The price of privacy (issue 14, item 6): the sweep at σ = 0 (clipping only) and σ = 2 on the
 * small-n preset (200 points, 80/20, plain game, 2,000 steps, C = 1), seeds 1–5. Does the noise
 * cost the minority more coverage than the majority? Every number is logged.
 */
import { appendFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/settings/config';
import { privacySweep } from '../../src/core/privacy/sweep';
import type { SweepPoint } from '../../src/core/privacy/sweep';
import { claimSeeds, usePinnedBackend } from './pinned';

const SEEDS = claimSeeds(5);
const LOG = process.env.PRIVACY_CLAIM_LOG;

function log(line: string): void {
  console.log(line);
  if (LOG) appendFileSync(LOG, line + '\n');
}

beforeAll(usePinnedBackend);

const count = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length;

describe('the price of privacy falls on the minority', () => {
  it('σ 0 → 2: coverage lost per group, measured on every seed', () => {
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
    // DP costs fidelity at all: JS rises with noise on ≥ 4 of 5 seeds
    expect(count(sweeps, (s) => s[1].js > s[0].js)).toBeGreaterThanOrEqual(4);
    expect(count(lost, (l) => l[1] > l[0])).toBeGreaterThanOrEqual(4);
  }, 3_600_000);
});
