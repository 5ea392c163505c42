/**
 * The default run, measured once per pinned seed (3,000 steps) and held against every claim made
 * about it:
 * - issue 3, item 6: the default preset converges every time — JS within 5 × its noise floor and
 *   the detective between 40% and 60% at step 3,000 — on every seed;
 * - lessons 1 and 2 (their lab is this run): it settles on at least 4 of 5 seeds, and a fresh
 *   judge (a new classifier trained on real vs generated points, scored on held-out points) also
 *   reads near 50% (below 60%) on at least 4 of 5.
 * Measured before the lessons were written (wasm, seeds 1–5): detective 0.507 0.484 0.477 0.496
 * 0.498; JS 1.5 2.0 1.4 1.4 1.5× floor; fresh judge 0.511 0.570 0.515 0.530 0.534. (At step 100
 * the detective read 0.485–0.619: it is learning too, so the lessons do not claim a high start.)
 */
import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/settings/config';
import { runSeed } from '../../src/core/skew/skew';
import type { SeedResult } from '../../src/core/skew/skew';
import { freshJudge } from '../../src/core/metrics/freshJudge';
import { JS_SAMPLES } from '../../src/core/metrics/metrics';
import { claimSeeds, usePinnedBackend } from './pinned';
import { lessonConfig } from './lessonPresets';

const SEEDS = claimSeeds(5);
const NEED = Math.ceil(SEEDS.length * 0.8);
const runs = new Map<number, SeedResult>();

beforeAll(async () => {
  await usePinnedBackend();
  for (const seed of SEEDS) runs.set(seed, runSeed({ ...DEFAULT_CONFIG, seed }, 3000)!);
}, 1_200_000);

it.each(SEEDS)('the default preset converges by step 3,000 (seed %i)', (seed) => {
  const r = runs.get(seed)!;
  console.log(JSON.stringify({ seed, jsOverFloor: r.jsOverFloor, accuracy: r.accuracy.overall, accReal: r.accuracy.real, accFake: r.accuracy.fake, minorityShare: r.syntheticShares[1] }));
  expect(r.jsOverFloor).toBeLessThanOrEqual(5);
  expect(r.accuracy.overall).toBeGreaterThanOrEqual(0.4);
  expect(r.accuracy.overall).toBeLessThanOrEqual(0.6);
});

it('lessons 1 and 2: the default run settles and a fresh judge also reads near 50% (< 60%)', () => {
  // the lessons' labs are exactly this run
  expect(lessonConfig('forger-and-detective')).toEqual(DEFAULT_CONFIG);
  let settled = 0;
  let judgeNear = 0;
  for (const seed of SEEDS) {
    const r = runs.get(seed)!;
    const j = freshJudge(r.reference.x, r.reference.n, r.generated, JS_SAMPLES, { seed });
    console.log(`lesson 1 seed ${seed}: detective ${r.accuracy.overall.toFixed(3)}, JS ${r.jsOverFloor.toFixed(2)}× floor, fresh judge ${j.accuracy.toFixed(3)}`);
    if (r.accuracy.overall >= 0.4 && r.accuracy.overall <= 0.6 && r.jsOverFloor <= 5) settled++;
    if (j.accuracy < 0.6) judgeNear++;
  }
  expect(settled).toBeGreaterThanOrEqual(NEED);
  expect(judgeNear).toBeGreaterThanOrEqual(NEED);
});
