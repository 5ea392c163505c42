/**
 * Reading a provenance CSV (core/generations/export.ts `provenanceCsv`) back: rows with their
 * labels, the points as Float32 (exactly the values written) and the group ids. A file whose
 * header is not the provenance header, or a row whose `source` is neither synthetic nor real, is
 * refused: a mixed file must never pass a real row off as synthetic or the other way round.
 */
import { csvParse } from 'd3';
import { PROVENANCE_COLUMNS, parseFloat32 } from '../../core/generations/export';
import type { ProvenanceRow } from '../../core/generations/export';
import type { GeneratorKind } from '../../core/generations/generations';

export interface ParsedProvenance {
  rows: ProvenanceRow[];
  /** n × 2 coordinates, row order. */
  points: Float32Array;
  groups: string[];
  sources: ProvenanceRow['source'][];
}

function intOrNull(s: string | undefined, line: number, col: string): number | null {
  if (s === undefined || s === '') return null;
  const v = Number(s);
  if (!Number.isInteger(v)) throw new Error(`row ${line}: ${col} "${s}" is not a whole number`);
  return v;
}

export function parseProvenanceCsv(text: string): ParsedProvenance {
  const table = csvParse(text);
  const missing = PROVENANCE_COLUMNS.filter((c) => !table.columns.includes(c));
  if (missing.length) throw new Error(`not a provenance CSV: missing column(s) ${missing.join(', ')}`);
  const rows = table.map((r, i): ProvenanceRow => {
    const line = i + 2;
    if (r.source !== 'synthetic' && r.source !== 'real') throw new Error(`row ${line}: source must be synthetic or real, not "${r.source}"`);
    const gen = r.generator ?? '';
    if (gen !== '' && gen !== 'gan' && gen !== 'gmm') throw new Error(`row ${line}: unknown generator "${gen}"`);
    return {
      source: r.source,
      generator: gen === '' ? null : (gen as GeneratorKind),
      seed: intOrNull(r.seed, line, 'seed'),
      step: intOrNull(r.step, line, 'step'),
      generation: intOrNull(r.generation, line, 'generation'),
      x: parseFloat32(r.x ?? ''),
      y: parseFloat32(r.y ?? ''),
      group: r.group ?? '',
    };
  });
  const points = new Float32Array(rows.length * 2);
  rows.forEach((r, i) => {
    points[2 * i] = r.x;
    points[2 * i + 1] = r.y;
  });
  return { rows, points, groups: rows.map((r) => r.group), sources: rows.map((r) => r.source) };
}
