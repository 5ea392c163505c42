/**
 * The hiring case end to end: a GAN trained on [score, experience, decision] rows makes synthetic
 * applicants with decisions; a screening model trained on them is as biased as one trained on the
 * real history (synthetic data inherits the bias; it does not remove it).
 */
import { beforeAll, expect, it } from 'vitest';
import { tf } from '../../../src/core/shared/tf';
import { useBackend } from '../../../src/core/backend/backend';
import { useCpu } from '../../shared/setup';
import { runHiring } from '../../../src/core/experiments/hiring';
import { FOUR_FIFTHS } from '../../../src/core/experiments/logistic';

beforeAll(async () => {
  if (!(await useBackend('wasm'))) await useCpu();
});

it('a screening model trained on synthetic applicants keeps the historical bias (seed 1, 3,000 steps)', () => {
  const t0 = Date.now();
  const r = runHiring({ seed: 1 })!;
  const f = (a: number[]) => a.map((v) => v.toFixed(3)).join(' / ');
  console.log(
    `hiring seed 1 (${tf.getBackend()}, ${((Date.now() - t0) / 1000).toFixed(0)} s): historical ${f(r.historicalRates)}; ` +
      `hired real ${r.realHireRate.toFixed(3)}, synthetic ${r.syntheticHireRate.toFixed(3)}; ` +
      `real-trained model ${f(r.realModel.rates)} ratio ${r.realModel.ratio.toFixed(2)}; ` +
      `synthetic-trained model ${f(r.syntheticModel.rates)} ratio ${r.syntheticModel.ratio.toFixed(2)}`,
  );
  expect(r.synthetic.length).toBe(3 * r.setup.points);
  expect(Math.abs(r.syntheticHireRate - r.realHireRate)).toBeLessThan(0.08);
  expect(r.historicalRatio).toBeLessThan(FOUR_FIFTHS);
  expect(r.realModel.ratio).toBeLessThan(FOUR_FIFTHS);
  expect(r.syntheticModel.ratio).toBeLessThan(FOUR_FIFTHS);
  for (let g = 0; g < 2; g++) expect(Math.abs(r.syntheticModel.rates[g] - r.realModel.rates[g])).toBeLessThan(0.1);
  expect(tf.memory().numTensors).toBeLessThan(50);
});
