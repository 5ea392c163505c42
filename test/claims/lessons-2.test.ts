/**
 * Lesson 2's claim about its lab (plain training on 90/10, step 3,000, seeds 1–5, each part on at
 * least 4 of 5): the detective reads 40–60% while a fresh judge trained on the same points is right
 * at least 70% of the time and 20+ points ahead; and the minority is dropped on 3 of the 5 (the
 * lesson says "three of those five"). Measured numbers are in lessons.test.ts's header.
 */
import { beforeAll, expect, it } from 'vitest';
import { isDropped, runConfig, runSeed } from '../../src/core/skew/skew';
import { freshJudge } from '../../src/core/metrics/freshJudge';
import { JS_SAMPLES } from '../../src/core/metrics/metrics';
import { decodeConfig } from '../../src/state/shared/url';
import { lessonBySlug } from '../../src/state/lessons/lessons';
import { claimSeeds, usePinnedBackend } from './pinned';

beforeAll(usePinnedBackend);
const SEEDS = claimSeeds(5);
const STEPS = 3000;
const NEED = Math.ceil(SEEDS.length * 0.8);

function presetOf(slug: string) {
  const l = lessonBySlug(slug);
  if (!l) throw new Error(`no lesson ${slug}`);
  return runConfig(decodeConfig(new URLSearchParams(l.meta.preset), undefined, []).config);
}

it('lesson 2: with plain training on 90/10 the detective reads 40–60% while the fresh judge is right at least 70% of the time', () => {
  const cfg = presetOf('fifty-percent-is-not-a-pass');
  let tired = 0;
  let beaten = 0;
  let dropped = 0;
  for (const seed of SEEDS) {
    const r = runSeed({ ...cfg, seed }, STEPS)!;
    const j = freshJudge(r.reference.x, r.reference.n, r.generated, JS_SAMPLES, { seed });
    const gap = j.accuracy - r.accuracy.overall;
    console.log(`lesson 2 seed ${seed}: detective ${r.accuracy.overall.toFixed(3)}, fresh judge ${j.accuracy.toFixed(3)} (ahead by ${gap.toFixed(3)}), minority ratio ${r.ratios[1].toFixed(2)}, JS ${r.jsOverFloor.toFixed(1)}× floor`);
    if (r.accuracy.overall >= 0.4 && r.accuracy.overall <= 0.6) tired++;
    if (j.accuracy >= 0.7 && gap > 0.2) beaten++;
    if (isDropped(r.syntheticShares[1], r.realShares[1])) dropped++;
  }
  console.log(`lesson 2: detective 40–60% on ${tired}/${SEEDS.length}; fresh judge ≥ 70% and > 20 points ahead on ${beaten}/${SEEDS.length}`);
  expect(tired).toBeGreaterThanOrEqual(NEED);
  expect(beaten).toBeGreaterThanOrEqual(NEED);
  // "on three of those five seeds the forger dropped or nearly dropped the minority"
  console.log(`lesson 2: minority dropped (< ¼ of its share) on ${dropped}/${SEEDS.length}`);
  expect(dropped).toBeGreaterThanOrEqual(3);
});

