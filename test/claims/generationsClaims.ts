/**
 * The generations claims (issue 15), shared by the GAN and mixture files. One run per seed
 * (replace and accumulate, generations 0…5, the shipped preset) serves every assertion:
 *  1. replace: JS to the real data at generation 5 > at generation 1;
 *  2. accumulate: JS at generation 5 ≤ 1.5 × JS at generation 1;
 *  3. replace: the minority's coverage at generation 5 < at generation 1 (tails first).
 * Each must hold on at least 4 of the 5 claim seeds. The per-seed numbers are printed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../../src/core/shared/tf';
import { runGenerations } from '../../src/core/generations/generations';
import type { GenerationsResult, GeneratorKind } from '../../src/core/generations/generations';
import { presetArgs } from '../../src/core/generations/presets';
import { claimSeeds, usePinnedBackend } from './pinned';

export const CLAIM_HOLDS_ON = 4;

export interface SeedNumbers {
  seed: number;
  replaceJs: [number, number];
  accumulateJs: [number, number];
  replaceCoverage: [number, number];
  floor: number;
  ms: number;
}

export function numbersOf(r: GenerationsResult, ms: number): SeedNumbers {
  const rep = r.runs.find((x) => x.policy === 'replace')!.generations;
  const acc = r.runs.find((x) => x.policy === 'accumulate')!.generations;
  return {
    seed: r.seed,
    replaceJs: [rep[1].js, rep[5].js],
    accumulateJs: [acc[1].js, acc[5].js],
    replaceCoverage: [rep[1].minorityCoverage, rep[5].minorityCoverage],
    floor: r.real.floor,
    ms,
  };
}

/** `claims` names the assertions that hold for this generator; the others are measured and printed only. */
export type ClaimId = 'replace-js' | 'accumulate-js' | 'replace-coverage';

export function generationClaims(generator: GeneratorKind, claims: readonly ClaimId[], seeds = claimSeeds(5)): void {
  describe(`generations (${generator}): model collapse under replace, not under accumulate`, () => {
    const rows: SeedNumbers[] = [];
    beforeAll(async () => {
      await usePinnedBackend();
      for (const seed of seeds) {
        const before = tf.memory().numTensors;
        const t0 = performance.now();
        const r = runGenerations(presetArgs(seed, generator, { policies: ['replace', 'accumulate'] }))!;
        const row = numbersOf(r, performance.now() - t0);
        expect(tf.memory().numTensors).toBe(before);
        rows.push(row);
        const f = (v: number) => v.toFixed(4);
        console.log(
          `${generator} seed ${seed}: replace JS g1 ${f(row.replaceJs[0])} g5 ${f(row.replaceJs[1])}; ` +
            `accumulate JS g1 ${f(row.accumulateJs[0])} g5 ${f(row.accumulateJs[1])} (×${(row.accumulateJs[1] / row.accumulateJs[0]).toFixed(2)}); ` +
            `replace minority coverage g1 ${f(row.replaceCoverage[0])} g5 ${f(row.replaceCoverage[1])}; floor ${f(row.floor)}; ${(row.ms / 1000).toFixed(1)} s`,
        );
      }
    }, 1_800_000);

    const holds = (test: (r: SeedNumbers) => boolean) => rows.filter(test).length;
    const need = Math.min(CLAIM_HOLDS_ON, seeds.length);

    const claim = (id: ClaimId) => (claims.includes(id) ? it : it.skip);
    claim('replace-js')('replace: JS to the real data rises from generation 1 to 5', () => {
      expect(holds((r) => r.replaceJs[1] > r.replaceJs[0])).toBeGreaterThanOrEqual(need);
    });
    claim('accumulate-js')('accumulate: JS at generation 5 stays within 1.5× of generation 1', () => {
      expect(holds((r) => r.accumulateJs[1] <= 1.5 * r.accumulateJs[0])).toBeGreaterThanOrEqual(need);
    });
    claim('replace-coverage')("replace: the minority's coverage falls from generation 1 to 5", () => {
      expect(holds((r) => r.replaceCoverage[1] < r.replaceCoverage[0])).toBeGreaterThanOrEqual(need);
    });
  });
}
