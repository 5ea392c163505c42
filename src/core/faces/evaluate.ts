/**
 * The faces view's evaluation, from read-back numbers: the tone of every generated face (the tone
 * classifier of core/faces), the tone histogram, group shares, the representation ratio and the
 * detective's accuracy. Pure functions, no tensors and no DOM, so the page, the seed worker and
 * Node tests compute exactly the same numbers.
 *
 * Group shares are taken among faces whose skin matches a palette tone ("on-palette"); faces whose
 * skin matches no tone (grey, washed-out, noise) are counted as their own share and credited to
 * no group. Off-palette faces can only lower a group's share of all faces, so the on-palette share
 * is the stricter measure of under-representation, and for a balanced training set it sits near
 * the real share even while many faces are still blurry (see test/unit/faces-claim.test.ts).
 */
import { FACE_GROUPS, FACE_TONES } from './faces';
import type { FaceSet } from './faces';
import { OFF_PALETTE, classifyTone } from './toneClassifier';
import { detectiveAccuracy, representationRatio } from '../metrics/metrics';
import type { Accuracy } from '../metrics/metrics';

export interface ToneCounts {
  /** Faces per palette tone. */
  tones: number[];
  offPalette: number;
  n: number;
}

/**
 * Group shares are shown only once at least this many generated faces have a recognisable tone.
 * Early in training almost every face is noise, and "100% lighter" out of 8 faces would be a
 * claim the numbers cannot carry; out of 48, a true 10% share gives no darker face only 0.6% of
 * the time.
 */
export const MIN_COUNTED = 48;

export interface FaceShares {
  /** Share per group among on-palette faces (NaN while fewer than MIN_COUNTED are on-palette). */
  groups: number[];
  /** Faces with a recognisable tone (the denominator of `groups`). */
  counted: number;
  /** Share per group of all faces (these and offPalette add to 1). */
  groupsOfAll: number[];
  /** Share of faces whose skin matches no palette tone. */
  offPalette: number;
  /** Synthetic share / real share per group (on-palette shares). */
  ratio: number[];
}

export interface FaceEvaluation {
  counts: ToneCounts;
  shares: FaceShares;
  accuracy: Accuracy;
}

/** Tone (index into FACE_TONES, or OFF_PALETTE) of each of n images. */
export function tonesOf(images: ArrayLike<number>, n: number, size: number): Int8Array {
  const out = new Int8Array(n);
  for (let k = 0; k < n; k++) out[k] = classifyTone(images, size, k).tone;
  return out;
}

export function countTones(tones: ArrayLike<number>): ToneCounts {
  const counts = FACE_TONES.map(() => 0);
  let offPalette = 0;
  for (let i = 0; i < tones.length; i++) {
    if (tones[i] === OFF_PALETTE) offPalette++;
    else counts[tones[i]]++;
  }
  return { tones: counts, offPalette, n: tones.length };
}

/** Group shares of a tone count, against the real shares of each group. */
export function sharesOf(c: ToneCounts, realShares: readonly number[]): FaceShares {
  const perGroup = FACE_GROUPS.map((_, gi) => c.tones.reduce((s, k, t) => s + (FACE_TONES[t].group === gi ? k : 0), 0));
  const on = c.n - c.offPalette;
  const groups = perGroup.map((k) => (on >= MIN_COUNTED ? k / on : NaN));
  return {
    groups,
    counted: on,
    groupsOfAll: perGroup.map((k) => (c.n ? k / c.n : 0)),
    offPalette: c.n ? c.offPalette / c.n : 0,
    ratio: groups.map((s, gi) => representationRatio(s, realShares[gi])),
  };
}

/** Tone counts of a labelled (real) face set. */
export function realCounts(set: Pick<FaceSet, 'tone' | 'n'>): ToneCounts {
  return countTones(set.tone);
}

/** Real share of each group in a labelled face set. */
export function realSharesOf(set: Pick<FaceSet, 'g' | 'n'>): number[] {
  const c = FACE_GROUPS.map(() => 0);
  for (let i = 0; i < set.n; i++) c[set.g[i]]++;
  return c.map((k) => k / set.n);
}

export function evaluateFaces(
  images: ArrayLike<number>,
  n: number,
  size: number,
  realShares: readonly number[],
  pReal: ArrayLike<number>,
  pFake: ArrayLike<number>,
): FaceEvaluation & { tones: Int8Array } {
  const tones = tonesOf(images, n, size);
  const counts = countTones(tones);
  return { tones, counts, shares: sharesOf(counts, realShares), accuracy: detectiveAccuracy(pReal, pFake) };
}
