/**
 * Your own data: a CSV of x, y and an optional group column, pasted or uploaded, turned into
 * drawn points. Every problem is reported with the line and column it is on; rejected data
 * never replaces the data in use. Coordinates are scaled to fit the plot (aspect kept).
 *
 * Columns: a header row naming `x`, `y` and `group` (any order, any case) is used when present;
 * otherwise the first three columns are x, y, group. Two groups at most (the drawn data's A and
 * B): the first group name met is A, the second B.
 *
 * A labelled export (the generations view's provenance CSV, core/generations/export.ts) has a
 * `source` column: each row's synthetic or real is kept (`sources`, row for row with `points`)
 * and counted in a notice, and rows whose group is `off-data` (synthetic points far from all real
 * data, which belong to no group) are left out, with a notice, rather than made a third group.
 */
import { csvParseRows } from 'd3';
import { DRAWN_GROUPS, MAX_DRAWN } from '../../core/data/datasets';
import type { DrawnPoint } from '../../core/data/datasets';
import { OFF_DATA_ID } from '../../core/generations/export';
import type { Provenance } from '../../core/generations/export';
import { t } from '../../i18n';
import { groupName } from '../shared/skewText';

/** Rows used; more are left out with a notice. */
export const MAX_ROWS = MAX_DRAWN;
/** Errors listed at most (the first ones; the count says how many there were). */
export const MAX_ERRORS = 20;
/** Scaled data spans −FIT…FIT along its longer side, inside the plot's −1…1. */
export const FIT = 0.9;

export interface CsvError {
  /** 1-based line of the text. */
  line: number;
  /** 1-based column (field) on that line. */
  column: number;
  message: string;
}

export type CsvResult =
  | { ok: true; points: DrawnPoint[]; groupNames: string[]; rows: number; notices: string[]; sources?: Provenance[] }
  | { ok: false; errors: CsvError[]; total: number };

const isNumber = (s: string) => s.trim() !== '' && Number.isFinite(Number(s.trim()));

export function parsePointsCsv(text: string): CsvResult {
  const say = t().playground.csv;
  const rows = csvParseRows(text.replace(/^\uFEFF/, ''));
  // the line each row starts on (a quoted field may hold line breaks)
  const lines: number[] = [];
  let line = 1;
  for (const r of rows) {
    lines.push(line);
    line += 1 + r.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  }
  const errors: CsvError[] = [];
  let total = 0;
  const fail = (e: CsvError) => {
    total++;
    if (errors.length < MAX_ERRORS) errors.push(e);
  };
  const filled = rows.map((r, i) => ({ cells: r, line: lines[i] })).filter((r) => !(r.cells.length === 1 && r.cells[0].trim() === '') && r.cells.length > 0);
  if (!filled.length) return { ok: false, errors: [{ line: 1, column: 1, message: say.empty }], total: 1 };

  let cols = { x: 0, y: 1, group: -1, source: -1 };
  let body = filled;
  const first = filled[0];
  const looksLikeHeader = !isNumber(first.cells[0] ?? '') || !isNumber(first.cells[1] ?? '');
  if (looksLikeHeader) {
    const names = first.cells.map((c) => c.trim().toLowerCase());
    const x = names.indexOf('x');
    const y = names.indexOf('y');
    const group = names.indexOf('group');
    const source = names.indexOf('source');
    if (x < 0 || y < 0) {
      const column = x < 0 ? 1 : 2;
      return { ok: false, errors: [{ line: first.line, column, message: say.header(first.cells.map((c) => c.trim())) }], total: 1 };
    }
    cols = { x, y, group, source };
    body = filled.slice(1);
  } else if (filled.some((r) => r.cells.length >= 3)) cols.group = 2;

  if (!body.length) return { ok: false, errors: [{ line: first.line, column: 1, message: say.noRows }], total: 1 };
  const notices: string[] = [];
  if (body.length > MAX_ROWS) {
    notices.push(say.firstRows(MAX_ROWS, body.length));
    body = body.slice(0, MAX_ROWS);
  }

  const groupNames: string[] = [];
  const raw: DrawnPoint[] = [];
  const sources: Provenance[] = [];
  let offData = 0;
  for (const r of body) {
    let bad = false;
    let source: Provenance = 'real';
    if (cols.source >= 0) {
      const v = (r.cells[cols.source] ?? '').trim().toLowerCase();
      if (v !== 'synthetic' && v !== 'real') {
        fail({ line: r.line, column: cols.source + 1, message: say.badSource(r.line, cols.source + 1, v.slice(0, 24)) });
        continue;
      }
      source = v;
      if (cols.group >= 0 && (r.cells[cols.group] ?? '').trim() === OFF_DATA_ID) {
        offData++;
        continue;
      }
    }
    const cell = (c: number, name: string): number | null => {
      const v = r.cells[c];
      if (v === undefined) {
        fail({ line: r.line, column: c + 1, message: say.missing(r.line, c + 1, name) });
        bad = true;
        return null;
      }
      if (!isNumber(v)) {
        fail({ line: r.line, column: c + 1, message: say.notNumber(r.line, c + 1, name, v.trim().slice(0, 24)) });
        bad = true;
        return null;
      }
      return Number(v.trim());
    };
    const x = cell(cols.x, 'x');
    const y = cell(cols.y, 'y');
    let group = 0;
    if (cols.group >= 0) {
      const name = (r.cells[cols.group] ?? '').trim();
      if (name === '') {
        fail({ line: r.line, column: cols.group + 1, message: say.emptyGroup(r.line, cols.group + 1) });
        bad = true;
      } else {
        let k = groupNames.indexOf(name);
        if (k < 0 && groupNames.length < DRAWN_GROUPS.length) k = groupNames.push(name) - 1;
        if (k < 0) {
          fail({ line: r.line, column: cols.group + 1, message: say.thirdGroup(r.line, cols.group + 1, name.slice(0, 24), groupNames) });
          bad = true;
        } else group = k;
      }
    }
    if (!bad && x !== null && y !== null) {
      raw.push(source === 'synthetic' ? { x, y, group, synthetic: true } : { x, y, group });
      sources.push(source);
    }
  }
  if (total) return { ok: false, errors, total };
  if (groupNames.length) notices.push(say.groups(groupNames.map((g, i): [string, string] => [g, groupName(DRAWN_GROUPS[i].label)])));
  if (cols.source < 0) return { ok: true, points: fitToPlot(raw), groupNames, rows: raw.length, notices };
  const synthetic = sources.filter((v) => v === 'synthetic').length;
  notices.push(say.labelled(synthetic, sources.length - synthetic));
  if (offData) notices.push(say.offData(offData));
  return { ok: true, points: fitToPlot(raw), groupNames, rows: raw.length, notices, sources };
}

/** Scale points to the plot: centred, the longer side spanning −FIT…FIT, the aspect ratio kept. */
export function fitToPlot(points: readonly DrawnPoint[]): DrawnPoint[] {
  if (!points.length) return [];
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x);
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y);
  }
  const span = Math.max(x1 - x0, y1 - y0);
  const s = span > 0 && Number.isFinite(span) ? (2 * FIT) / span : 1;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return points.map((p) => ({ ...p, x: (p.x - cx) * s, y: (p.y - cy) * s }));
}

/** What importing does to the data in use: replaced when the CSV is good, kept when it is not. */
export function importPoints(previous: readonly DrawnPoint[], text: string): { points: readonly DrawnPoint[]; result: CsvResult } {
  const result = parsePointsCsv(text);
  return { points: result.ok ? result.points : previous, result };
}
