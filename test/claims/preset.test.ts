// Issue 3, item 6: the default preset converges every time — JS within 5 × its noise floor and
// the detective between 40% and 60% at step 3,000 — on every pinned seed.
import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/settings/config';
import { trainAndEvaluate } from '../../src/core/runs/trainAndEvaluate';
import { claimSeeds, usePinnedBackend } from './pinned';

beforeAll(usePinnedBackend);

it.each(claimSeeds(5))('the default preset converges by step 3,000 (seed %i)', (seed) => {
  const e = trainAndEvaluate({ ...DEFAULT_CONFIG, seed }, 3000, { label: 'final-evaluation' })!.evaluation;
  const r = { seed, jsOverFloor: e.js / e.floor, accuracy: e.accuracy.overall, accReal: e.accuracy.real, accFake: e.accuracy.fake, minorityShare: e.shares.groups[1] };
  console.log(JSON.stringify(r));
  expect(r.jsOverFloor).toBeLessThanOrEqual(5);
  expect(r.accuracy).toBeGreaterThanOrEqual(0.4);
  expect(r.accuracy).toBeLessThanOrEqual(0.6);
});
