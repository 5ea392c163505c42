/**
 * What the faces view keeps besides the current evaluation: one chart row per evaluation (thinned
 * so a long run stays light) and the choice of real faces for the real grid.
 */
import { stratifiedCounts } from '../data/datasets';
import type { FaceSet } from './faces';
import { ema } from '../metrics/metrics';
import type { FaceEvaluation } from './evaluate';

export interface FacesRow {
  step: number;
  acc: number;
  accSmooth: number;
  accReal: number;
  accFake: number;
  /** Synthetic share per group (among faces with a recognisable tone; NaN while too few). */
  shares: number[];
  offPalette: number;
}

export const MAX_ROWS = 400;

export function appendRow(rows: readonly FacesRow[], step: number, e: FaceEvaluation): FacesRow[] {
  const prev = rows.length ? rows[rows.length - 1] : null;
  if (prev && step <= prev.step) rows = rows.slice(0, -1);
  const last = rows.length ? rows[rows.length - 1] : null;
  const row: FacesRow = {
    step,
    acc: e.accuracy.overall,
    accSmooth: ema(last?.accSmooth ?? null, e.accuracy.overall, 0.15),
    accReal: e.accuracy.real,
    accFake: e.accuracy.fake,
    shares: e.shares.groups,
    offPalette: e.shares.offPalette,
  };
  let out = [...rows, row];
  if (out.length > MAX_ROWS) {
    // keep every other older row; the newest half stays dense
    const half = Math.floor(out.length / 2);
    out = [...out.slice(0, half).filter((_, i) => i % 2 === 0), ...out.slice(half)];
  }
  return out;
}

/** n training faces that show the set's skew: exact group counts, in training order. */
export function realGridIndices(set: Pick<FaceSet, 'g' | 'n'>, n: number, shares: number[]): number[] {
  const want = stratifiedCounts(n, shares);
  const picked: number[] = [];
  for (let i = 0; i < set.n && picked.length < n; i++) {
    const g = set.g[i];
    if (want[g] > 0) {
      want[g]--;
      picked.push(i);
    }
  }
  return picked;
}
