/**
 * Issue 14's claims, on the pinned backend and seeds (test/claims/pinned.ts):
 *
 * Memorisation: with 32 training points a long stabilised run (10,000 steps) drives the
 * closer-to-train share well above 50%; with 1,000 points it stays near 50%.
 * Each (seed, n) is one training run; every assertion on it reads the same run.
 *
 * The recipe: measured first with the plain recipe (wasm, seeds 1–5, n = 32, 10,000 steps):
 * closer-to-train 0.515 0.571 0.724 0.506 0.502 (copy rate vs held-out 0.031/0.063, 0.083/0.000,
 * 0.158/0.031, 0.324/0.250, 0.107/0.094; JS 8.4–11.6× floor). The plain forger keeps hopping
 * between modes and copies only the tight minority cluster (its per-group share 0.70–0.98) —
 * overall it is not memorising. The stabilised forger settles on the data and copies it, so the
 * claim is stated for the stabilised recipe.
 *
 * Measured (stabilised, wasm, 10,000 steps), closer-to-train (copy rate vs held-out copy rate):
 *   n = 32:    0.668 (0.069/0.063), 0.613 (0.070/0.000), 0.686 (0.137/0.031), 0.673 (0.334/0.250), 0.679 (0.123/0.094)
 *   n = 1,000: 0.505 (0.042/0.049), 0.501 (0.058/0.048), 0.486 (0.050/0.062), 0.514 (0.067/0.065), 0.524 (0.053/0.060)
 * (JS 3.5–4.4× floor at n = 32, 1.5–2.5× at n = 1,000.) About 290 s for the ten runs (2 shared cores).
 * Every number is logged; the measured values are recorded in the comments below.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/core/shared/tf';
import { DEFAULT_CONFIG } from '../../src/core/settings/config';
import { privacyRun } from '../../src/core/privacy/run';
import type { PrivacyRunResult } from '../../src/core/privacy/run';
import { lessonLabConfig } from './lessonPresets';
import { claimSeeds, holdsOn as count, logClaim as log, usePinnedBackend } from './pinned';

const SEEDS = claimSeeds(5);
const LONG = 10_000;

beforeAll(usePinnedBackend);

describe('memorisation: a small training set is copied, a large one is not', () => {
  const runs = new Map<number, PrivacyRunResult[]>();
  function runsFor(points: number): PrivacyRunResult[] {
    if (!runs.has(points)) {
      runs.set(
        points,
        SEEDS.map((seed) => {
          const t0 = Date.now();
          // lesson 6's two labs are exactly these runs
          const cfg = lessonLabConfig('too-close-for-comfort', `n=${points}`);
          expect(cfg).toEqual({ ...DEFAULT_CONFIG, points, recipe: 'stabilised' });
          const r = privacyRun({ ...cfg, seed }, { steps: LONG })!;
          const m = r.memorisation;
          log(
            `memorisation n ${points} seed ${seed}: closer-to-train ${m.closerToTrain.toFixed(3)}, copy rate ${m.copyRate.toFixed(4)} vs held-out ${m.holdoutCopyRate.toFixed(4)} (r ${m.copyRadius.toFixed(4)}), ` +
              `per group ${m.perGroup.map((g) => g.closerToTrain.toFixed(3)).join(' / ')}, JS ${(r.js / r.floor).toFixed(2)}× floor (${tf.getBackend()}, ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
          );
          return r;
        }),
      );
    }
    return runs.get(points)!;
  }

  it('n = 32, 10,000 stabilised steps: closer-to-train share above 60% and copy rate above the held-out rate on ≥ 4 of 5 seeds', () => {
    const rs = runsFor(32);
    expect(count(rs, (r) => r.memorisation.closerToTrain > 0.6)).toBeGreaterThanOrEqual(Math.ceil(0.8 * SEEDS.length));
    expect(count(rs, (r) => r.memorisation.copyRate > r.memorisation.holdoutCopyRate)).toBeGreaterThanOrEqual(Math.ceil(0.8 * SEEDS.length));
  }, 3_600_000);

  it('n = 1,000, 10,000 stabilised steps: closer-to-train share within 0.44–0.56 on ≥ 4 of 5 seeds, and below the n = 32 share on every seed', () => {
    const rs = runsFor(1000);
    expect(count(rs, (r) => Math.abs(r.memorisation.closerToTrain - 0.5) < 0.06)).toBeGreaterThanOrEqual(Math.ceil(0.8 * SEEDS.length));
    const small = runsFor(32);
    rs.forEach((r, i) => expect(r.memorisation.closerToTrain).toBeLessThan(small[i].memorisation.closerToTrain));
  }, 3_600_000);
});

