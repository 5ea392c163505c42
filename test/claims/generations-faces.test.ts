/**
 * Faces across generations (issue 15): the faces forger retrained on its own faces. Chosen
 * before measuring: 70/30 lighter/darker (at 90/10 the darker share is already 0 at step 500 of
 * generation 0, so there is nothing left to thin), 16 px, 2,000 faces, generations 0…2 of 500
 * steps each (first tried at 300, below), 512 generated faces per generation.
 * Claim: the darker share (of on-palette faces) at generation 2 is below generation 0's on every
 * claim seed. Per-seed numbers and ms/step are printed.
 *
 * First tried at 300 steps a generation (wasm): 96–100% of generation 0's faces had no
 * recognisable skin tone (seed 1: 100%, 2: 97%, 3: 98%), so no share could be read; steps went
 * back to 500, where the faces claim reads shares. That file was opt-in while it looked too slow.
 * Measured at 500 steps on 2026-12-02 (wasm, 32–37 ms a step, 157 s for the three seeds), darker
 * share of on-palette faces g0 → g1 → g2 (share of faces with no readable tone):
 *   seed 1: 0.240 → 0.198 → 0.000 (0.20, 0.20, 0.21)
 *   seed 2: 0.230 → 0.004 → 0.000 (0.16, 0.54, 0.56)
 *   seed 3: 0.343 → 0.118 → 0.321 (0.26, 0.77, 0.89)
 * The claim holds on 3 of 3, seed 3 narrowly and on few readable faces (11% of 512); at
 * generation 1 the share fell on all three. It now runs with the other claims.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../../src/core/shared/tf';
import { FACE_GENERATIONS_PRESET, runFaceGenerations } from '../../src/core/generations/faces';
import type { FaceGenerationsResult } from '../../src/core/generations/faces';
import { claimSeeds, usePinnedBackend } from './pinned';

const SEEDS = claimSeeds(3);
const STEPS = Number(process.env.FACES_GENERATION_STEPS ?? FACE_GENERATIONS_PRESET.stepsPerGeneration);
const GENERATIONS = FACE_GENERATIONS_PRESET.generations;

describe('faces across generations: darker tones thin out under replace', () => {
  const runs = new Map<number, FaceGenerationsResult>();
  beforeAll(async () => {
    await usePinnedBackend();
    for (const seed of SEEDS) {
      const before = tf.memory().numTensors;
      const t0 = performance.now();
      const r = runFaceGenerations({ seed, darkerShare: FACE_GENERATIONS_PRESET.darkerShare, size: FACE_GENERATIONS_PRESET.size, faces: FACE_GENERATIONS_PRESET.faces, generations: GENERATIONS, stepsPerGeneration: STEPS })!;
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
