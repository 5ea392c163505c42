/**
 * Faces across generations (issue 15): the faces forger (core/faces: `makeFaceSet`,
 * `faceTrainerSpec`) retrained on its own faces. Generation 0 learns from `faces` real faces at
 * the chosen darker share; generation k from `faces` faces made by generation k − 1 (the replace
 * policy: only the last generation's output). Per generation: a grid of faces, the tone
 * histogram and the group shares (core/faces/evaluate.ts), the darker share among faces with a
 * recognisable tone.
 *
 * Generated training faces get the group of the tone the tone classifier reads from their skin
 * (off-palette faces `UNASSIGNED`); the trainer never reads groups.
 * Pure, synchronous and seeded; progress may stop it (returns null).
 */
import { Trainer } from '../gan/trainer';
import type { PointSet } from '../data/datasets';
import { DARKER, FACE_TONES, makeFaceSet } from '../faces/faces';
import { faceTrainerSpec } from '../faces/spec';
import type { FaceSpecOptions } from '../faces/spec';
import { countTones, realCounts, realSharesOf, sharesOf, tonesOf } from '../faces/evaluate';
import type { FaceShares, ToneCounts } from '../faces/evaluate';
import { OFF_PALETTE } from '../faces/toneClassifier';
import { Rng } from '../shared/rng';
import { generationSeed, MAX_GENERATIONS, UNASSIGNED } from './generations';

/** At most this many face generations: each is a full image GAN run. */
export const MAX_FACE_GENERATIONS = 5;

/**
 * The shipped faces preset, fixed before measuring (test/claims/generations-faces.test.ts):
 * 70/30 (at 90/10 the darker share is already 0 at step 500 of generation 0, so nothing is left
 * to thin), 16 px, 2,000 faces, three generations of 500 steps.
 */
export const FACE_GENERATIONS_PRESET = { darkerShare: 0.3, generations: 3, stepsPerGeneration: 500, size: 16, faces: 2000 } as const;

export interface FaceGenerationsArgs {
  seed: number;
  /** Darker share of the real faces (0.01–0.5). */
  darkerShare: number;
  /** Image side, 16 or 32 px. Default 16. */
  size?: number;
  /** Training faces per generation. Default 2,000. */
  faces?: number;
  /** Models trained, generation 0 included (1…10). */
  generations: number;
  stepsPerGeneration: number;
  /** Faces kept per generation for the grid. Default 16. */
  gridSize?: number;
  /** Faces generated per generation for the shares. Default 512. */
  evalSamples?: number;
  /** Network changes (e.g. smaller layers in tests); seed and size come from above. */
  spec?: Omit<FaceSpecOptions, 'seed' | 'size'>;
}

export interface FaceGenerationResult {
  generation: number;
  /** gridSize images, size² · 3 values each in [−1, 1]. */
  grid: Float32Array;
  counts: ToneCounts;
  shares: FaceShares;
  /** Darker share among on-palette faces (NaN while too few are on-palette). */
  darkerShare: number;
  /** Darker share of all generated faces. */
  darkerOfAll: number;
}

export interface FaceGenerationsResult {
  seed: number;
  size: number;
  realShares: number[];
  realCounts: ToneCounts;
  generations: FaceGenerationResult[];
}

export type FaceGenerationsProgress = (p: { generation: number; step: number; steps: number; done: number }) => boolean | void;

function readImages(tr: Trainer, rng: Rng, n: number): Float32Array {
  const t = tr.sample(rng, n);
  const out = Float32Array.from(t.dataSync() as Float32Array);
  t.dispose();
  return out;
}

export function runFaceGenerations(args: FaceGenerationsArgs, onProgress?: FaceGenerationsProgress): FaceGenerationsResult | null {
  const size = args.size ?? 16;
  const n = args.faces ?? 2000;
  const gridSize = args.gridSize ?? 16;
  const nEval = args.evalSamples ?? 512;
  if (!Number.isInteger(args.generations) || args.generations < 1 || args.generations > MAX_GENERATIONS) throw new Error(`generations must be a whole number from 1 to ${MAX_GENERATIONS}`);
  const real = makeFaceSet({ n, darkerShare: args.darkerShare, size, seed: args.seed });
  const realShares = realSharesOf(real);
  let train: PointSet = real;
  const out: FaceGenerationResult[] = [];
  const every = 25;
  for (let k = 0; k < args.generations; k++) {
    const tr = new Trainer(faceTrainerSpec({ ...args.spec, seed: generationSeed(args.seed, k), size }), train);
    try {
      for (let s = 1; s <= args.stepsPerGeneration; s++) {
        tr.step();
        if ((s % every === 0 || s === args.stepsPerGeneration) && onProgress?.({ generation: k, step: s, steps: args.stepsPerGeneration, done: (k + s / args.stepsPerGeneration) / args.generations }) === false) return null;
      }
      const root = new Rng(args.seed);
      const evalImages = readImages(tr, root.fork(`faces-evaluate-${k}`), nEval);
      const counts = countTones(tonesOf(evalImages, nEval, size));
      const shares = sharesOf(counts, realShares);
      out.push({
        generation: k,
        grid: evalImages.slice(0, Math.min(gridSize, nEval) * size * size * 3),
        counts,
        shares,
        darkerShare: shares.groups[DARKER],
        darkerOfAll: shares.groupsOfAll[DARKER],
      });
      if (k + 1 < args.generations) {
        const x = readImages(tr, root.fork(`faces-handoff-${k + 1}`), n);
        const tones = tonesOf(x, n, size);
        const g = new Uint8Array(n);
        tones.forEach((t, i) => (g[i] = t === OFF_PALETTE ? UNASSIGNED : FACE_TONES[t].group));
        train = { x, g, n, dim: size * size * 3 };
      }
    } finally {
      tr.dispose();
    }
  }
  return { seed: args.seed, size, realShares, realCounts: realCounts(real), generations: out };
}
