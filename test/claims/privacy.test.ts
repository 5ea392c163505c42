/**
 * Issue 14's claims, on the pinned backend and seeds (test/claims/pinned.ts):
 *
 * 1. Memorisation: with 32 training points a long plain-recipe run (10,000 steps) drives the
 *    closer-to-train share well above 50%; with 1,000 points it stays near 50%.
 * 2. The price of privacy (the sweep at σ = 0 and σ = 2 on the small-n preset): who loses
 *    coverage when noise is added.
 *
 * Each (seed, n) or (seed, σ) is one training run; every assertion on it reads the same run.
 * Every number is logged; the measured values are recorded in the comments below.
 */
import { appendFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/core/shared/tf';
import { DEFAULT_CONFIG } from '../../src/core/settings/config';
import { privacyRun } from '../../src/core/privacy/run';
import type { PrivacyRunResult } from '../../src/core/privacy/run';
import { privacySweep } from '../../src/core/privacy/sweep';
import type { SweepPoint } from '../../src/core/privacy/sweep';
import { claimSeeds, usePinnedBackend } from './pinned';

const SEEDS = claimSeeds(5);
const LONG = 10_000;
const LOG = process.env.PRIVACY_CLAIM_LOG;

function log(line: string): void {
  console.log(line);
  if (LOG) appendFileSync(LOG, line + '\n');
}

beforeAll(usePinnedBackend);

/** How many of the seeds satisfy a condition. */
const count = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length;

describe('memorisation: a small training set is copied, a large one is not', () => {
  const runs = new Map<number, PrivacyRunResult[]>();
  function runsFor(points: number): PrivacyRunResult[] {
    if (!runs.has(points)) {
      runs.set(
        points,
        SEEDS.map((seed) => {
          const t0 = Date.now();
          const r = privacyRun({ ...DEFAULT_CONFIG, seed, points, recipe: 'plain' }, { steps: LONG })!;
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

  it('n = 32, 10,000 plain steps: closer-to-train share above 60% and copy rate above the held-out rate on ≥ 4 of 5 seeds', () => {
    const rs = runsFor(32);
    expect(count(rs, (r) => r.memorisation.closerToTrain > 0.6)).toBeGreaterThanOrEqual(Math.ceil(0.8 * SEEDS.length));
    expect(count(rs, (r) => r.memorisation.copyRate > r.memorisation.holdoutCopyRate)).toBeGreaterThanOrEqual(Math.ceil(0.8 * SEEDS.length));
  }, 3_600_000);

  it('n = 1,000, 10,000 plain steps: closer-to-train share within 0.44–0.56 on ≥ 4 of 5 seeds, and below the n = 32 share on every seed', () => {
    const rs = runsFor(1000);
    expect(count(rs, (r) => Math.abs(r.memorisation.closerToTrain - 0.5) < 0.06)).toBeGreaterThanOrEqual(Math.ceil(0.8 * SEEDS.length));
    const small = runsFor(32);
    rs.forEach((r, i) => expect(r.memorisation.closerToTrain).toBeLessThan(small[i].memorisation.closerToTrain));
  }, 3_600_000);
});

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
