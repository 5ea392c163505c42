/**
 * Faces across generations (issue 15): the faces forger retrained on its own faces. Chosen
 * before measuring: 70/30 lighter/darker (at 90/10 the darker share is already 0 at step 500 of
 * generation 0, so there is nothing left to thin), 16 px, 2,000 faces, generations 0…2 of 500
 * steps each (first tried at 300, below), 512 generated faces per generation.
 * Claim: the darker share (of on-palette faces) at generation 2 is below generation 0's on every
 * claim seed. Per-seed numbers and ms/step are printed.
 *
 * NOT MEASURABLE AT THIS COST, so the file runs only with CLAIM_FACES_GENERATIONS=1. Measured at
 * 300 steps a generation (wasm): 96–100% of generation 0's faces had no recognisable skin tone
 * (seed 1: 100%, 2: 97%, 3: 98%), so no share could be read (fewer than 48 on-palette faces);
 * at generation 2 seeds 2 and 3 reached 12–19% on-palette faces, none of them darker. 280–525 ms
 * a step under a load of 16 on 2 cores (50–60 ms on a quiet machine). Steps must go back to 500 a
 * generation (where the faces claim reads shares), ≈ 4,500 steps for 3 seeds: too slow for CI.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../../src/core/shared/tf';
import { runFaceGenerations } from '../../src/core/generations/faces';
import type { FaceGenerationsResult } from '../../src/core/generations/faces';
import { claimSeeds, usePinnedBackend } from './pinned';

const SEEDS = claimSeeds(3);
const STEPS = Number(process.env.FACES_GENERATION_STEPS ?? 500);
const GENERATIONS = 3;

describe.runIf(process.env.CLAIM_FACES_GENERATIONS === '1')('faces across generations: darker tones thin out under replace', () => {
  const runs = new Map<number, FaceGenerationsResult>();
  beforeAll(async () => {
    await usePinnedBackend();
    for (const seed of SEEDS) {
      const before = tf.memory().numTensors;
      const t0 = performance.now();
      const r = runFaceGenerations({ seed, darkerShare: 0.3, generations: GENERATIONS, stepsPerGeneration: STEPS })!;
      const ms = performance.now() - t0;
      expect(tf.memory().numTensors).toBe(before);
      runs.set(seed, r);
      const line = r.generations.map((g) => `g${g.generation} ${g.darkerShare.toFixed(3)} (off ${g.shares.offPalette.toFixed(2)})`).join(', ');
      console.log(`faces 70/30 seed ${seed}: darker share ${line}; ${(ms / (STEPS * GENERATIONS)).toFixed(1)} ms/step incl. evaluation (${tf.getBackend()})`);
    }
  }, 3_000_000);

  it.each(SEEDS)('seed %i: darker share at generation 2 below generation 0', (seed) => {
    const g = runs.get(seed)!.generations;
    expect(g[2].shares.counted).toBeGreaterThanOrEqual(48);
    expect(g[2].darkerShare).toBeLessThan(g[0].darkerShare);
  });
});
