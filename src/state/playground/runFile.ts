/**
 * A whole playground run as a file that loads back and trains on: the settings (as the link's
 * query, so it decodes like any link), the drawn points, the metrics history, the step and both
 * networks' weights. Weights are plain numbers (float32 survives JSON exactly: a double prints
 * its shortest round-trip form), so a run saved on one backend continues on any other.
 * Adam's moments are not saved: after loading, the optimizers start afresh (as after "restore
 * last good state"), so the first steps after a load differ from an unbroken run.
 * Metrics over time export as CSV, one row per history row.
 */
import { csvFormatRows } from 'd3';
import { cleanDrawn } from '../../core/data/datasets';
import type { DrawnPoint, Group } from '../../core/data/datasets';
import type { Config } from '../../core/settings/config';
import { decodeConfig, encodeConfig } from '../shared/url';
import type { HistoryRow } from './history';
import type { Playground } from './playground.svelte';
import { fmt, t } from '../../i18n';

/** The catalogue's words for run files (the functions below call a trainer `t`). */
const words = () => t().playground.runFile;

export const RUN_FORMAT = 'forgelab-run';
export const RUN_VERSION = 1;

export interface RunFile {
  format: typeof RUN_FORMAT;
  version: typeof RUN_VERSION;
  /** The settings as the link's query (`seed=7&data=groups…`). */
  settings: string;
  step: number;
  drawn: DrawnPoint[] | null;
  history: HistoryRow[];
  weights: { generator: number[]; detective: number[] };
  note: string;
}

/** The run as JSON text (reads the weights back asynchronously). */
export async function runToJson(pg: Playground): Promise<string> {
  const t = pg.trainer;
  if (!t) throw new Error(words().nothing);
  const state = await t.captureState();
  const file: RunFile = {
    format: RUN_FORMAT,
    version: RUN_VERSION,
    settings: encodeConfig({ ...pg.config } as Config),
    step: state.steps,
    drawn: pg.config.data === 'drawn' ? pg.drawn.map((p) => ({ ...p })) : null,
    history: pg.history.map((r) => ({ ...r, shares: [...r.shares], realShares: [...r.realShares] })),
    weights: { generator: Array.from(state.g), detective: Array.from(state.d) },
    note: words().note,
  };
  return JSON.stringify(file);
}

const isNums = (a: unknown): a is number[] => Array.isArray(a) && a.every((v) => typeof v === 'number' && Number.isFinite(v));

/** Check a file's shape; the message says what is wrong in plain words. */
export function parseRunFile(text: string): { ok: true; file: RunFile } | { ok: false; message: string } {
  const say = words();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: say.notJson };
  }
  const f = raw as Partial<RunFile>;
  if (!f || typeof f !== 'object' || f.format !== RUN_FORMAT) return { ok: false, message: say.notRun };
  if (f.version !== RUN_VERSION) return { ok: false, message: say.version(String(f.version), String(RUN_VERSION)) };
  if (typeof f.settings !== 'string') return { ok: false, message: say.noSettings };
  if (!Number.isInteger(f.step) || (f.step as number) < 0) return { ok: false, message: say.badStep };
  if (!f.weights || !isNums(f.weights.generator) || !isNums(f.weights.detective)) return { ok: false, message: say.badWeights };
  if (f.drawn !== null && f.drawn !== undefined && !(Array.isArray(f.drawn) && f.drawn.every((p) => p && typeof p.x === 'number' && typeof p.y === 'number' && typeof p.group === 'number'))) return { ok: false, message: say.badDrawn };
  if (!Array.isArray(f.history)) return { ok: false, message: say.noHistory };
  return { ok: true, file: { ...(f as RunFile), drawn: f.drawn ?? null } };
}

/**
 * Load a run: rebuild it from its settings (and drawn points) on the backend in use, put the
 * weights and the step back, and show its history. Resolves to a message for the user; the
 * current run is untouched when the file is rejected.
 */
export async function loadRun(pg: Playground, text: string): Promise<{ ok: boolean; message: string }> {
  const parsed = parseRunFile(text);
  if (!parsed.ok) return parsed;
  const f = parsed.file;
  const decoded = decodeConfig(new URLSearchParams(f.settings), undefined, []);
  pg.pause();
  if (f.drawn) pg.drawn = cleanDrawn(f.drawn);
  // keep the backend the page runs on: the weights load on any of them
  await pg.apply({ ...decoded.config, backend: pg.config.backend, speed: pg.config.speed });
  await pg.rebuild();
  const t = pg.trainer;
  if (!t) return { ok: false, message: pg.error ?? words().notRebuilt };
  if (t.G.size !== f.weights.generator.length || t.D.size !== f.weights.detective.length) return { ok: false, message: words().misfit(fmt.int(f.weights.generator.length), fmt.int(t.G.size), fmt.int(f.weights.detective.length), fmt.int(t.D.size)) };
  t.restoreState({ steps: f.step, g: Float32Array.from(f.weights.generator), d: Float32Array.from(f.weights.detective) });
  pg.history = f.history.filter((r) => r.step <= f.step);
  pg.loop.readback(true);
  const extra = decoded.notices.length ? ` ${decoded.notices.join(' ')}` : '';
  return { ok: true, message: `${words().loaded(fmt.int(f.step))}${extra}` };
}

/** Metrics over time as CSV: one row per history row, a share column per group. */
export function historyCsv(rows: readonly HistoryRow[], groups: readonly Group[]): string {
  const head = ['step', 'detective_loss', 'forger_loss', 'detective_accuracy', 'detective_accuracy_smoothed', 'accuracy_on_real', 'accuracy_on_fakes', 'js_bits', 'js_bits_smoothed', 'js_noise_floor_bits', ...groups.map((g) => `synthetic_share_${g.id}`), 'synthetic_share_off_data', ...groups.map((g) => `real_share_${g.id}`)];
  const body = rows.map((r) => [r.step, r.lossD, r.lossG, r.acc, r.accSmooth, r.accReal, r.accFake, r.js, r.jsSmooth, r.floor, ...groups.map((_, i) => r.shares[i]), r.shares[r.shares.length - 1], ...groups.map((_, i) => r.realShares[i])].map(String));
  return csvFormatRows([head, ...body]);
}
