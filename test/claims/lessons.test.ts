/**
 * What the lessons say their lab shows, measured on each lesson's own preset over the pinned seeds
 * (test/claims/pinned.ts), each claim required on at least 4 of the 5. Claims already measured by
 * another claim test on an identical run are not run twice: lesson 3's two skew claims are
 * test/claims/skew-9010.test.ts and skew-5050.test.ts; lessons 4 and 5 state only what the
 * experiments' own tests check (test/unit/experiments/), and this file checks that their labs link
 * to those experiments. Lesson 2's plain-90/10 claim is in lessons-2.test.ts, so the two long runs
 * go on the claims project's two workers at once.
 *
 * Lessons 1 and 2, the default (stabilised, 80/20) run at step 3,000: the detective reads 40–60%
 * with JS ≤ 5× its floor, and a fresh judge cannot do much better (below 60%).
 * Lesson 2, plain training on 90/10 at step 3,000: the detective reads 40–60% while the fresh
 * judge, trained on the same points, is right at least 70% of the time (20+ points ahead).
 *
 * Measured before the lessons were written (wasm, seeds 1–5):
 *   default:     detective 0.507 0.484 0.477 0.496 0.498; JS 1.5 2.0 1.4 1.4 1.5× floor;
 *                fresh judge 0.511 0.570 0.515 0.530 0.534
 *   90/10 plain: detective 0.450 0.439 0.466 0.555 0.554; fresh judge 0.796 0.835 0.867 0.969 0.982;
 *                minority ratio 1.25 0.14 0.92 0.00 0.00; JS 6.9 8.8 10.1 15.1 16.6× floor
 * (At step 100 the default detective read 0.485–0.619: it is learning too, so the lessons do not
 * claim a high start.)
 */
import { beforeAll, expect, it } from 'vitest';
import { runConfig, runSeed } from '../../src/core/skew/skew';
import { freshJudge } from '../../src/core/metrics/freshJudge';
import { JS_SAMPLES } from '../../src/core/metrics/metrics';
import { decodeConfig } from '../../src/state/shared/url';
import { LESSONS, lessonBySlug } from '../../src/state/lessons/lessons';
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

it('lessons 1 and 2: the stabilised default run settles (40–60%, JS ≤ 5× floor) and its fresh judge also reads near 50% (< 60%)', () => {
  const cfg = presetOf('forger-and-detective');
  let settled = 0;
  let judgeNear = 0;
  for (const seed of SEEDS) {
    const r = runSeed({ ...cfg, seed }, STEPS)!;
    const j = freshJudge(r.reference.x, r.reference.n, r.generated, JS_SAMPLES, { seed });
    console.log(`lesson 1 seed ${seed}: detective ${r.accuracy.overall.toFixed(3)}, JS ${r.jsOverFloor.toFixed(2)}× floor, fresh judge ${j.accuracy.toFixed(3)}, minority ratio ${r.ratios[1].toFixed(2)}`);
    if (r.accuracy.overall >= 0.4 && r.accuracy.overall <= 0.6 && r.jsOverFloor <= 5) settled++;
    if (j.accuracy < 0.6) judgeNear++;
  }
  console.log(`lesson 1: settled on ${settled}/${SEEDS.length}; fresh judge below 60% on ${judgeNear}/${SEEDS.length}`);
  expect(settled).toBeGreaterThanOrEqual(NEED);
  expect(judgeNear).toBeGreaterThanOrEqual(NEED);
});

it('lessons 4 and 5 send their labs to the experiments they describe', () => {
  for (const slug of ['myth-of-rebalancing', 'who-gets-hired']) {
    const l = LESSONS.find((x) => x.meta.slug === slug)!;
    expect(l.blocks.some((b) => b.kind === 'html' && b.html.includes('href="#/experiments'))).toBe(true);
  }
});
