/**
 * Memorisation of faces: the same metrics as the 2-D case (core/privacy/memorisation.ts) on
 * images, each face a point in size²·3 dimensions (pixels in [−1, 1]), Euclidean distance.
 * A generated face's group is the group of its nearest training face (faces have no density
 * grid); held-out faces carry their own.
 */
import type { FaceSet } from '../faces/faces';
import { faceSource, makeFaceSet } from '../faces/faces';
import type { Trainer } from '../gan/trainer';
import { Rng } from '../shared/rng';
import { memorisation } from './memorisation';
import type { Memorisation, MemorisationOptions } from './memorisation';

/** A training set of faces (exactly makeFaceSet's) and an equal-sized held-out set with the same group counts. */
export function faceTrainAndHoldout(opts: { n: number; darkerShare: number; size: number; seed: number }): { train: FaceSet; holdout: FaceSet } {
  return {
    train: makeFaceSet(opts),
    holdout: faceSource(opts.darkerShare, opts.size).sample(new Rng(opts.seed).fork('held-out-faces'), opts.n),
  };
}

/**
 * Generate `samples` faces with the trainer (noise from `rng`) and measure them against the
 * training faces and the held-out faces. `nearestTrain` in the result is each generated face's
 * nearest training face, for a side-by-side view. Cost: samples × 2n × size²·3 multiply-adds.
 */
export function faceMemorisation(trainer: Trainer, train: FaceSet, holdout: FaceSet, rng: Rng, samples = 256, opts: MemorisationOptions = {}): Memorisation {
  const t = trainer.sample(rng, samples);
  const x = t.dataSync() as Float32Array;
  t.dispose();
  return memorisation({ x, n: samples, dim: train.dim }, train, holdout, opts);
}

/**
 * The faces-memorisation claim's preset (test/claims/faces-memorisation.test.ts), which the faces
 * view's small training set runs too: 32 training faces at 16 px, 10% darker, the image GAN with
 * narrower layers, 1,500 steps, 256 generated faces measured.
 */
export const FACES_MEMORISATION_PRESET = Object.freeze({
  n: 32,
  darkerShare: 0.1,
  size: 16,
  gHidden: [64, 128],
  dHidden: [128, 64],
  steps: 1500,
  samples: 256,
});

/** A generated face beside its nearest training face. */
export interface FacePair {
  /** Index of the generated face in the measured sample, and of its nearest training face. */
  generated: number;
  train: number;
  /** Euclidean distance to that training face, and to the nearest held-out face. */
  distance: number;
  holdoutDistance: number;
  /** Among the `closest` smallest distances of the pairs returned. */
  closest: boolean;
}

/**
 * The first `count` generated faces of a measured sample, each with its nearest training face and
 * distances, the `closest` of them with the smallest distance marked (ties broken by index).
 */
export function facePairs(m: Pick<Memorisation, 'nearestTrain' | 'distTrain' | 'distHoldout'>, count: number, closest: number): FacePair[] {
  const n = Math.min(Math.max(0, Math.floor(count)), m.distTrain.length);
  const pairs: FacePair[] = Array.from({ length: n }, (_, i) => ({
    generated: i,
    train: m.nearestTrain[i],
    distance: m.distTrain[i],
    holdoutDistance: m.distHoldout[i],
    closest: false,
  }));
  [...pairs].sort((a, b) => a.distance - b.distance || a.generated - b.generated).slice(0, Math.max(0, closest)).forEach((p) => (p.closest = true));
  return pairs;
}
