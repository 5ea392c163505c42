/**
 * Memorisation metrics: does the generator hand back its training points?
 *
 * Every generated point is compared with the training set the detective saw and with an
 * equal-sized held-out real sample it never saw (core/privacy/holdout.ts). A generator that
 * learned the distribution is as close to one as to the other; one that memorised sits on the
 * training points. Distances are Euclidean in the data's own coordinates (2-D points, or pixels
 * in [−1, 1] for faces), by brute force (O(generated × train × dim)).
 *
 * Definitions, and where they come from:
 * - **DCR** (distance to closest record): each point's distance to its nearest training point;
 *   `dcrGenerated` and `dcrHoldout` are the sorted distributions for generated and held-out
 *   points (as in SDMetrics' DCRBaselineProtection / DCROverfittingProtection, which compute the
 *   same per-row minimum distances; theirs is a range-normalised per-column distance for tables,
 *   ours Euclidean).
 * - **Closer-to-train share** p: the share of generated points whose nearest training point is
 *   nearer than their nearest held-out point; exact ties count half. With equal-sized sets, a
 *   generator that never saw the training set scores 50% in expectation. This is SDMetrics'
 *   DCROverfittingProtection's "percentage closer to training" (there, ties go to neither side).
 * - **Overfitting score** min(2·(1 − p), 1): SDMetrics' DCROverfittingProtection score exactly
 *   (1 = "not overfitted": at most half of the generated points are closer to training; 0 = every
 *   generated point is closer to training). It is a *protection* score — higher is better — and it
 *   saturates: every p ≤ 50% scores 1, so it says nothing about p below 50% (generated data closer
 *   to held-out data is not rewarded, it is only as good as 50%).
 * - **Copy rate**: the share of generated points within radius r of some training point, shown
 *   against the same share of held-out points (the rate at which fresh real data lands that near
 *   by chance). This follows synthcity's "close values probability" (share of synthetic records
 *   within a threshold of a real record), with the threshold set from the data's own scale: r is
 *   the `radiusQuantile` (default 5%) quantile of the training points' distances to their nearest
 *   *other* training point, so r shrinks as the training set gets denser and the held-out copy
 *   rate stays near the quantile whatever n is (it is not fixed by construction: held-out points
 *   are independent of the training points that set r).
 * - **Most suspicious** generated points: the smallest ratio of distance-to-train over
 *   distance-to-held-out (a point sitting on a training point where no fresh real point is near),
 *   with the training point each one copies, for an overlay.
 * - **Per group**: each generated point's group is the caller's assignment (2-D: core/metrics/
 *   groups.ts assignGroup, off-data points left out), or else the group of its nearest training
 *   point; held-out points carry their own group.
 */

/** Rows of `dim` numbers (a PointSet fits). */
export interface Rows {
  x: ArrayLike<number>;
  n: number;
  dim: number;
}

/** Rows that carry a group id each (a PointSet fits). */
export interface GroupedRows extends Rows {
  g: ArrayLike<number>;
}

export interface NearestResult {
  /** Index of each query row's nearest reference row (−1 when the reference is empty). */
  index: Int32Array;
  /** Euclidean distance to it (∞ when the reference is empty). */
  dist: Float64Array;
}

/**
 * Nearest reference row for every query row, brute force. With `excludeSelf`, query and
 * reference are the same rows and a row is not its own neighbour.
 */
export function nearest(query: Rows, ref: Rows, excludeSelf = false): NearestResult {
  if (query.dim !== ref.dim) throw new Error(`query rows have ${query.dim} dimensions, reference rows ${ref.dim}`);
  const { dim } = query;
  const qx = query.x;
  const rx = ref.x;
  const index = new Int32Array(query.n).fill(-1);
  const dist = new Float64Array(query.n).fill(Infinity);
  for (let i = 0; i < query.n; i++) {
    const qo = i * dim;
    let best = Infinity;
    let bestJ = -1;
    for (let j = 0; j < ref.n; j++) {
      if (excludeSelf && j === i) continue;
      const ro = j * dim;
      let s = 0;
      for (let d = 0; d < dim && s < best; d++) {
        const t = qx[qo + d] - rx[ro + d];
        s += t * t;
      }
      if (s < best) {
        best = s;
        bestJ = j;
      }
    }
    index[i] = bestJ;
    dist[i] = Math.sqrt(best);
  }
  return { index, dist };
}

/** Linear-interpolation quantile of sorted values (q in [0, 1]). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (!n) return NaN;
  const pos = Math.max(0, Math.min(1, q)) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

export interface SuspiciousPoint {
  /** Index of the generated point. */
  generated: number;
  /** Index of its nearest training point. */
  train: number;
  /** Distance to that training point. */
  distance: number;
  /** Distance to the nearest held-out point. */
  holdoutDistance: number;
}

export interface GroupMemorisation {
  group: number;
  /** Generated points credited to the group. */
  n: number;
  /** Closer-to-train share among them (NaN when n = 0). */
  closerToTrain: number;
  /** Their copy rate, and the held-out copy rate among the group's held-out points. */
  copyRate: number;
  holdoutCopyRate: number;
}

export interface Memorisation {
  closerToTrain: number;
  overfittingScore: number;
  copyRadius: number;
  copyRate: number;
  holdoutCopyRate: number;
  /** Sorted ascending: generated→train and held-out→train nearest distances. */
  dcrGenerated: Float64Array;
  dcrHoldout: Float64Array;
  /** Per generated point, unsorted: nearest training point and its distance, nearest held-out distance. */
  nearestTrain: Int32Array;
  distTrain: Float64Array;
  distHoldout: Float64Array;
  suspicious: SuspiciousPoint[];
  /** In group order, one entry per training group. */
  perGroup: GroupMemorisation[];
}

export interface MemorisationOptions {
  /** Group of each generated point (OFF_DATA = −1 and other negatives are left out of perGroup). */
  generatedGroups?: ArrayLike<number>;
  /** Quantile of the training points' nearest-other-training-point distances that sets r (default 0.05). */
  radiusQuantile?: number;
  /** How many suspicious points to return (default 10). */
  suspicious?: number;
}

/** SDMetrics' DCROverfittingProtection score of a closer-to-train share p. */
export function overfittingScore(p: number): number {
  return Math.min(2 * (1 - p), 1);
}

function closerToTrainOf(dTrain: ArrayLike<number>, dHold: ArrayLike<number>, pick?: (i: number) => boolean): number {
  let n = 0;
  let s = 0;
  for (let i = 0; i < dTrain.length; i++) {
    if (pick && !pick(i)) continue;
    n++;
    s += dTrain[i] < dHold[i] ? 1 : dTrain[i] === dHold[i] ? 0.5 : 0;
  }
  return n ? s / n : NaN;
}

function rateWithin(d: ArrayLike<number>, r: number, pick?: (i: number) => boolean): number {
  let n = 0;
  let c = 0;
  for (let i = 0; i < d.length; i++) {
    if (pick && !pick(i)) continue;
    n++;
    if (d[i] <= r) c++;
  }
  return n ? c / n : NaN;
}

/** Every memorisation metric of `generated` against a training set and its held-out twin. */
export function memorisation(generated: Rows, train: GroupedRows, holdout: GroupedRows, opts: MemorisationOptions = {}): Memorisation {
  if (train.n < 2 || holdout.n < 1) throw new Error('memorisation needs at least two training points and one held-out point');
  const toTrain = nearest(generated, train);
  const toHold = nearest(generated, holdout);
  const holdToTrain = nearest(holdout, train);
  const trainSpacing = nearest(train, train, true).dist.sort();
  const r = quantileSorted(trainSpacing, opts.radiusQuantile ?? 0.05);

  const closerToTrain = closerToTrainOf(toTrain.dist, toHold.dist);
  const ratio = Array.from(toTrain.dist, (d, i) => ({ i, v: d / Math.max(toHold.dist[i], 1e-12) }));
  ratio.sort((a, b) => a.v - b.v || a.i - b.i);
  const suspicious = ratio.slice(0, Math.max(0, opts.suspicious ?? 10)).map(({ i }) => ({
    generated: i,
    train: toTrain.index[i],
    distance: toTrain.dist[i],
    holdoutDistance: toHold.dist[i],
  }));

  let groups = 0;
  for (let i = 0; i < train.n; i++) groups = Math.max(groups, train.g[i] + 1);
  const genGroup = (i: number) => (opts.generatedGroups ? opts.generatedGroups[i] : train.g[toTrain.index[i]]);
  const perGroup: GroupMemorisation[] = [];
  for (let g = 0; g < groups; g++) {
    const mine = (i: number) => genGroup(i) === g;
    let n = 0;
    for (let i = 0; i < generated.n; i++) if (mine(i)) n++;
    perGroup.push({
      group: g,
      n,
      closerToTrain: closerToTrainOf(toTrain.dist, toHold.dist, mine),
      copyRate: rateWithin(toTrain.dist, r, mine),
      holdoutCopyRate: rateWithin(holdToTrain.dist, r, (i) => holdout.g[i] === g),
    });
  }

  return {
    closerToTrain,
    overfittingScore: overfittingScore(closerToTrain),
    copyRadius: r,
    copyRate: rateWithin(toTrain.dist, r),
    holdoutCopyRate: rateWithin(holdToTrain.dist, r),
    dcrGenerated: Float64Array.from(toTrain.dist).sort(),
    dcrHoldout: Float64Array.from(holdToTrain.dist).sort(),
    nearestTrain: toTrain.index,
    distTrain: toTrain.dist,
    distHoldout: toHold.dist,
    suspicious,
    perGroup,
  };
}

/**
 * Both DCR distributions as histograms on shared bins from 0 to `max` (default: the larger
 * 99th percentile), as fractions of each set; the last bin also holds everything beyond.
 */
export function dcrHistograms(m: Pick<Memorisation, 'dcrGenerated' | 'dcrHoldout'>, bins = 30, max?: number): { edges: Float64Array; generated: Float64Array; holdout: Float64Array } {
  const top = max ?? Math.max(quantileSorted(m.dcrGenerated, 0.99), quantileSorted(m.dcrHoldout, 0.99), 1e-12);
  const edges = Float64Array.from({ length: bins + 1 }, (_, k) => (top * k) / bins);
  const hist = (d: Float64Array) => {
    const h = new Float64Array(bins);
    for (const v of d) h[Math.min(bins - 1, Math.floor((v / top) * bins))] += 1 / d.length;
    return h;
  };
  return { edges, generated: hist(m.dcrGenerated), holdout: hist(m.dcrHoldout) };
}
