/**
 * Chart history: one row per readback, smoothed where the raw signal is noisy, thinned so
 * the charts stay light however long a run goes on.
 */
import type { Snapshot } from '../../core/loop/loop';
import { ema } from '../../core/metrics/metrics';

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
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  let text = `Step ${s.step.toLocaleString('en-US')}: the detective is right ${pct(e.accuracy.overall)} of the time (${pct(e.accuracy.real)} on real points, ${pct(e.accuracy.fake)} on fakes). The gap between real and fake points is ${(e.js / e.floor).toFixed(1)} times the noise floor.`;
  if (groupLabels.length === 2) {
    const i = 1;
    text += ` The ${groupLabels[i].toLowerCase()} is ${pct(e.shares.groups[i])} of synthetic points and ${pct(e.realShares[i])} of real ones.`;
  }
  return text;
}
