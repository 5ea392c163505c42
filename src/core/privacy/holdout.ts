/**
 * The real data of a memorisation run: the training set the detective sees and an equal-sized
 * held-out real sample it never sees. Memorisation is measured by comparing how near generated
 * points come to the first against the second.
 */
import type { PointSet, Source } from '../data/datasets';
import { trainingSet } from '../data/datasets';
import { Rng } from '../shared/rng';

/** Smallest and largest training set of the privacy lessons (issue 14). */
export const PRIVACY_MIN_POINTS = 16;
export const PRIVACY_MAX_POINTS = 2000;

export interface TrainAndHoldout {
  /** Exactly `trainingSet(source, points, seed)`: the same set the playground trains on. */
  train: PointSet;
  /**
   * `points` fresh points from the source, drawn from the seed's own 'held-out' stream: as many
   * per group as the training set (both are stratified), and disjoint from it (independent draws
   * of continuous sources; drawn data is jittered, so it is continuous too).
   */
  holdout: PointSet;
}

/** The training set of a run and its held-out twin. `points` is clamped to 16…2,000. */
export function trainAndHoldout(source: Source, points: number, seed: number): TrainAndHoldout {
  const n = Math.max(PRIVACY_MIN_POINTS, Math.min(PRIVACY_MAX_POINTS, Math.round(points)));
  return { train: trainingSet(source, n, seed), holdout: source.sample(new Rng(seed).fork('held-out'), n) };
}
