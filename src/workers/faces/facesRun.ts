/**
 * One seed of the faces experiment, headless: draw the seeded training set, train the image GAN
 * for `steps` steps, generate faces from a seeded evaluation stream and measure the tone of each.
 * Synchronous (the worker host posts its result as it returns), so it reads back with dataSync,
 * which is fine on the cpu and wasm backends a worker uses.
 */
import { Trainer } from '../../core/gan/trainer';
import { makeFaceSet } from '../../core/faces/faces';
import { faceTrainerSpec } from '../../core/faces/spec';
import { Rng } from '../../core/shared/rng';
import { countTones, realSharesOf, sharesOf, tonesOf } from '../../core/faces/evaluate';
import type { FaceShares, ToneCounts } from '../../core/faces/evaluate';
import type { TaskProgress } from '../shared/protocol';

export const SEED_RUN_FACES = 2000;
export const SEED_EVAL_FACES = 512;

export interface FaceSeedArgs {
  darker: number;
  size: number;
  seed: number;
  steps: number;
}

export interface FaceSeedResult extends FaceSeedArgs {
  counts: ToneCounts;
  shares: FaceShares;
  realShares: number[];
  msPerStep: number;
}

export function runFaceSeed(args: FaceSeedArgs, progress: TaskProgress = () => true, now: () => number = () => 0): FaceSeedResult {
  const { darker, size, seed, steps } = args;
  const data = makeFaceSet({ n: SEED_RUN_FACES, darkerShare: darker, size, seed });
  const realShares = realSharesOf(data);
  const trainer = new Trainer(faceTrainerSpec({ seed, size }), data);
  try {
    const t0 = now();
    for (let s = 1; s <= steps; s++) {
      trainer.step();
      if (progress(s, steps) === false) break;
    }
    const msPerStep = steps ? (now() - t0) / steps : 0;
    const imgs = trainer.sample(new Rng(seed).fork('faces-seed-eval'), SEED_EVAL_FACES);
    const x = imgs.dataSync();
    imgs.dispose();
    const counts = countTones(tonesOf(x, SEED_EVAL_FACES, size));
    return { ...args, steps: trainer.steps, counts, shares: sharesOf(counts, realShares), realShares, msPerStep };
  } finally {
    trainer.dispose();
  }
}
