/**
 * Chart history: one row per readback, smoothed where the raw signal is noisy, thinned so
 * the charts stay light however long a run goes on.
 */
import type { Snapshot } from '../../core/loop/loop';
import { ema } from '../../core/metrics/metrics';
import { fmt, t } from '../../i18n';
import { groupThe } from '../shared/skewText';

export interface HistoryRow {
  step: number;
  lossD: number;
  lossG: number;
  acc: number;
  accSmooth: number;
  accReal: number;
  accFake: number;
  js: number;
  jsSmooth: number;
  floor: number;
  /** Synthetic share per group, then off-data as the last entry. */
  shares: number[];
  realShares: number[];
}

export const MAX_ROWS = 400;
const SMOOTH = 0.15;

export function appendRow(rows: readonly HistoryRow[], s: Snapshot): HistoryRow[] {
  const e = s.evaluation;
  const prev = rows.length ? rows[rows.length - 1] : null;
  if (prev && s.step <= prev.step) {
    // a manual detective-only or forger-only step: replace the last row
    rows = rows.slice(0, -1);
  }
  const last = rows.length ? rows[rows.length - 1] : null;
  const row: HistoryRow = {
    step: s.step,
    lossD: s.lossD,
    lossG: s.lossG,
    acc: e.accuracy.overall,
    accSmooth: ema(last?.accSmooth ?? null, e.accuracy.overall, SMOOTH),
    accReal: e.accuracy.real,
    accFake: e.accuracy.fake,
    js: e.js,
    jsSmooth: ema(last?.jsSmooth ?? null, e.js, SMOOTH),
    floor: e.floor,
    shares: [...e.shares.groups, e.shares.offData],
    realShares: e.realShares,
  };
  let out = [...rows, row];
  if (out.length > MAX_ROWS) {
    // keep the first row and every other older row; the newest half stays dense
    const half = Math.floor(out.length / 2);
    out = [...out.slice(0, half).filter((_, i) => i % 2 === 0), ...out.slice(half)];
  }
  return out;
}

/** The sentence a screen reader hears (throttled by the caller). */
export function summarise(s: Snapshot, groupLabels: string[]): string {
  const e = s.evaluation;
  const say = t().playground.summary;
  const pct = (v: number) => fmt.percent(v);
  let text = say.step(fmt.int(s.step), pct(e.accuracy.overall), pct(e.accuracy.real), pct(e.accuracy.fake), fmt.fixed(e.js / e.floor, 1));
  if (groupLabels.length === 2) {
    const i = 1;
    text += say.group(groupThe(groupLabels[i]), pct(e.shares.groups[i]), pct(e.realShares[i]));
  }
  return text;
}
