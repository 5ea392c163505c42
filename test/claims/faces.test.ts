/**
 * The faces claim (issue 5): trained on 90% lighter / 10% darker faces, the image GAN's output
 * under-represents the darker group — its synthetic share is below half its real share — on
 * seeds 1–3, while the 50/50 control keeps the darker share within 0.35–0.65.
 *
 * Measured at step 500 (the prototype showed the effect by then), on 512 generated faces per run,
 * shares taken among on-palette faces (stricter than over all faces: off-palette faces can only
 * lower a group's share of all faces). Measured (wasm, deterministic), on-palette darker share
 * (off-palette share):
 *   90/10: seed 1 0.000 (0.27), seed 2 0.000 (0.18), seed 3 0.000 (0.62)
 *   50/50: seed 1 0.479 (0.13), seed 2 0.491 (0.46), seed 3 0.501 (0.21)
 * Rerun on 2026-12-03 (two CI runs, the same numbers both times; the networks' code changed in
 * between, the claims did not):
 *   90/10: seed 1 0.000 (0.31), seed 2 0.000 (0.08), seed 3 0.000 (0.05)
 *   50/50: seed 1 0.479 (0.12), seed 2 0.548 (0.43), seed 3 0.415 (0.28)
 * At step 500 the forger draws "average" faces, and at 90/10 the average is a lighter face.
 * Later it finds the darker faces again: at 90/10 their share wanders between 0 and 9% over
 * steps 600–1,000 (real: 10%), so the claim is about a short, plain-recipe training.
 * Cost: 3,000 training steps, ~50–60 ms each on wasm (≈ 170 s of CPU on the 2-core dev box).
 *
 * Runs on the wasm backend: the cpu backend needs ~0.7–0.9 s per step for this network.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../../src/core/shared/tf';
import { Rng } from '../../src/core/shared/rng';
import { Trainer } from '../../src/core/gan/trainer';
import { DARKER, makeFaceSet } from '../../src/core/faces/faces';
import { faceTrainerSpec } from '../../src/core/faces/spec';
import { groupSharesOfImages } from '../../src/core/faces/toneClassifier';
import type { ImageGroupShares } from '../../src/core/faces/toneClassifier';
import { claimSeeds, usePinnedBackend } from './pinned';

const SIZE = 16;
const FACES = 2000;
const STEPS = 500;
const SAMPLES = 512;
const SEEDS = claimSeeds(3);
/**
 * Shares are judged on at least this many classifiable faces. The off-palette rate at step 500
 * swings between runs (12–62% seen): the half-trained forger's pixel noise moves many skin
 * patches more than 15 ΔE from every tone. A quarter of 512 still tells 0% from 10% apart.
 */
const MIN_ON_PALETTE = SAMPLES / 4;

interface Run {
  shares: ImageGroupShares;
  msPerStep: number;
}

async function train(seed: number, darkerShare: number): Promise<Run> {
  const before = tf.memory().numTensors;
  const data = makeFaceSet({ n: FACES, darkerShare, size: SIZE, seed });
  const tr = new Trainer(faceTrainerSpec({ seed, size: SIZE }), data);
  tr.step();
  const afterFirst = tf.memory().numTensors;
  const t0 = performance.now();
  for (let s = 1; s < STEPS; s++) tr.step();
  const msPerStep = (performance.now() - t0) / (STEPS - 1);
  expect(tf.memory().numTensors).toBe(afterFirst); // flat over the whole run
  const imgs = tr.sample(new Rng(seed).fork('faces-claim-eval'), SAMPLES);
  const x = await imgs.data();
  imgs.dispose();
  tr.dispose();
  expect(tf.memory().numTensors).toBe(before);
  const shares = groupSharesOfImages(x, SAMPLES, SIZE);
  console.log(
    `faces ${Math.round((1 - darkerShare) * 100)}/${Math.round(darkerShare * 100)} seed ${seed} step ${STEPS}: ` +
      `darker ${shares.onPalette[DARKER].toFixed(3)} of on-palette, ${shares.groups[DARKER].toFixed(3)} of all, ` +
      `off-palette ${shares.offPalette.toFixed(3)}; ${msPerStep.toFixed(1)} ms/step (${tf.getBackend()})`,
  );
  return { shares, msPerStep };
}

describe('faces: a skewed training set gives a more skewed synthetic set', () => {
  beforeAll(async () => {
    await usePinnedBackend();
  });

  it.each(SEEDS)('90/10, seed %i: darker share below half its real share (0.05)', async (seed) => {
    const { shares } = await train(seed, 0.1);
    expect(shares.onPalette[DARKER]).toBeLessThan(0.05);
    expect(shares.groups[DARKER]).toBeLessThan(0.05);
    expect((1 - shares.offPalette) * SAMPLES).toBeGreaterThanOrEqual(MIN_ON_PALETTE);
  });

  it.each(SEEDS)('50/50 control, seed %i: darker share within 0.35–0.65', async (seed) => {
    const { shares } = await train(seed, 0.5);
    expect(shares.onPalette[DARKER]).toBeGreaterThanOrEqual(0.35);
    expect(shares.onPalette[DARKER]).toBeLessThanOrEqual(0.65);
    expect((1 - shares.offPalette) * SAMPLES).toBeGreaterThanOrEqual(MIN_ON_PALETTE);
  });
});
