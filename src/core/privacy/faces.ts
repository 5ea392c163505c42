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
