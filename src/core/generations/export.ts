/**
 * Labelled export of the generations experiment (issue 15): synthetic data that says what it is.
 *
 * - `provenanceCsv`: one row per point with its provenance on every row (`source` synthetic or
 *   real, the generator, seed, training step and generation), so a mixed file keeps real and
 *   synthetic rows apart. Coordinates are written as the shortest decimal that reads back to the
 *   same Float32 value, so a round trip is exact. The parser lives in
 *   state/generations/provenanceCsv.ts (it uses d3's csvParse, which core may not import).
 * - `dataCardFacts`: every figure of a data card, as plain numbers and ids; the card's sentences
 *   and headings are in state/generations/dataCard.ts.
 *
 * Only numbers are formatted here; no wording.
 */
import type { Config } from '../settings/config';
import type { GenerationPolicy, GenerationsResult, GeneratorKind, Spread } from './generations';
import { UNASSIGNED } from './generations';
import type { FaceGenerationsResult } from './faces';
import { FACE_GROUPS, FACE_TONES } from '../faces/faces';

export type Provenance = 'synthetic' | 'real';

export interface ProvenanceRow {
  source: Provenance;
  /** 'gan' or 'gmm' for synthetic rows; null for real ones. */
  generator: GeneratorKind | null;
  seed: number | null;
  /** Training steps (GAN) or EM iterations (mixture) of the model that made the point. */
  step: number | null;
  generation: number | null;
  x: number;
  y: number;
  /** Group id ('off-data' where the real density assigns none). */
  group: string;
}

export const PROVENANCE_COLUMNS = ['source', 'generator', 'seed', 'step', 'generation', 'x', 'y', 'group'] as const;
export const OFF_DATA_ID = 'off-data';

/** The shortest decimal string that reads back (through Math.fround) to the same Float32 value. */
export function formatFloat32(v: number): string {
  const f = Math.fround(v);
  if (Object.is(f, -0)) return '-0';
  if (!Number.isFinite(f) || f === 0) return String(f);
  for (let p = 1; p < 9; p++) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) return String(Number(s));
  }
  return String(Number(f.toPrecision(9)));
}

/** Read a formatFloat32 string back to its Float32 value. */
export function parseFloat32(s: string): number {
  return Math.fround(Number(s));
}

function field(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

function intOrEmpty(v: number | null): string {
  return v === null ? '' : String(v);
}

/** The rows as CSV (header first, CRLF-free, a final newline). */
export function provenanceCsv(rows: readonly ProvenanceRow[]): string {
  const out = [PROVENANCE_COLUMNS.join(',')];
  for (const r of rows)
    out.push([r.source, r.generator ?? '', intOrEmpty(r.seed), intOrEmpty(r.step), intOrEmpty(r.generation), formatFloat32(r.x), formatFloat32(r.y), field(r.group)].join(','));
  return out.join('\n') + '\n';
}

export interface ExportSelection {
  policy: GenerationPolicy;
  /** Generations to export (default: all). */
  generations?: readonly number[];
  /** Real points to add as `source = real` rows (a mixed export), e.g. the training set. */
  real?: { x: ArrayLike<number>; g: ArrayLike<number>; n: number };
}

/** Rows of a run: each exported generation's sample, then any real points. */
export function rowsOfRun(r: GenerationsResult, sel: ExportSelection): ProvenanceRow[] {
  const run = r.runs.find((p) => p.policy === sel.policy);
  if (!run) throw new Error(`the run has no ${sel.policy} policy`);
  const id = (g: number) => (g === UNASSIGNED ? OFF_DATA_ID : r.groups[g].id);
  const rows: ProvenanceRow[] = [];
  for (const g of run.generations) {
    if (sel.generations && !sel.generations.includes(g.generation)) continue;
    for (let i = 0; i < g.sampleGroups.length; i++)
      rows.push({ source: 'synthetic', generator: r.generator, seed: r.seed, step: g.steps, generation: g.generation, x: g.sample[2 * i], y: g.sample[2 * i + 1], group: id(g.sampleGroups[i]) });
  }
  if (sel.real)
    for (let i = 0; i < sel.real.n; i++)
      rows.push({ source: 'real', generator: null, seed: null, step: null, generation: null, x: sel.real.x[2 * i], y: sel.real.x[2 * i + 1], group: id(sel.real.g[i]) });
  return rows;
}

/** Figures measured elsewhere (privacy, memorisation) that a card shows when given. */
export interface OptionalFigures {
  /** Closer-to-train share (0.5 = no memorisation) and copy rate. */
  closerToTrain?: number;
  copyRate?: number;
  /** Differential-privacy budget, where the run was trained privately. */
  epsilon?: number;
  delta?: number;
}

export interface DataCardFacts {
  /** The machine-readable marking (EU AI Act Art. 50): this data is artificially generated. */
  synthetic: true;
  format: 'forgelab-data-card';
  version: 1;
  source: {
    data: Config['data'];
    minority: number;
    place: Config['place'];
    realPoints: number;
    groups: { id: string; label: string; realShare: number }[];
  };
  generator: {
    kind: GeneratorKind;
    /** GAN settings (the model, recipe and optimiser); components for the mixture. */
    settings: Record<string, number | string>;
    stepsPerGeneration: number | null;
  };
  run: { seed: number; policy: GenerationPolicy; generations: number; freshFraction: number; generation: number; step: number };
  shares: { id: string; real: number; synthetic: number }[];
  offData: number;
  fidelity: { js: number; floor: number; jsOverFloor: number; coverage: { id: string; value: number }[]; spread: Spread; realSpread: Spread };
  rows: { synthetic: number; real: number };
  measured: OptionalFigures;
}

const GAN_KEYS = ['recipe', 'loss', 'optimizer', 'lrG', 'lrD', 'batch', 'noiseDim', 'gLayers', 'gNeurons', 'gAct', 'dLayers', 'dNeurons', 'dAct'] as const;

/** The figures of one exported generation of a run. */
export function dataCardFacts(r: GenerationsResult, config: Config, sel: { policy: GenerationPolicy; generation: number; realRows?: number; syntheticRows?: number; components?: number }, measured: OptionalFigures = {}): DataCardFacts {
  const run = r.runs.find((p) => p.policy === sel.policy);
  const g = run?.generations.find((x) => x.generation === sel.generation);
  if (!run || !g) throw new Error(`the run has no generation ${sel.generation} under ${sel.policy}`);
  const settings: Record<string, number | string> = {};
  if (r.generator === 'gan') for (const k of GAN_KEYS) settings[k] = config[k];
  else settings.components = sel.components ?? r.groups.length;
  return {
    synthetic: true,
    format: 'forgelab-data-card',
    version: 1,
    source: { data: config.data, minority: config.minority, place: config.place, realPoints: r.trainingSize, groups: r.groups.map((x, i) => ({ id: x.id, label: x.label, realShare: r.real.shares[i] })) },
    generator: { kind: r.generator, settings, stepsPerGeneration: r.generator === 'gan' ? r.stepsPerGeneration : null },
    run: { seed: r.seed, policy: sel.policy, generations: run.generations.length, freshFraction: r.freshFraction, generation: g.generation, step: g.steps },
    shares: r.groups.map((x, i) => ({ id: x.id, real: r.real.shares[i], synthetic: g.shares[i] })),
    offData: g.offData,
    fidelity: { js: g.js, floor: g.floor, jsOverFloor: g.js / g.floor, coverage: r.groups.map((x, i) => ({ id: x.id, value: g.coverage[i] })), spread: g.spread, realSpread: r.real.spread },
    rows: { synthetic: sel.syntheticRows ?? g.sampleGroups.length, real: sel.realRows ?? 0 },
    measured: { ...measured },
  };
}

/** The figures of one exported generation of the faces-across-generations run (a PNG sheet travels with them). */
export interface FaceCardFacts {
  synthetic: true;
  format: 'forgelab-face-card';
  version: 1;
  source: { realFaces: number; size: number; groups: { id: string; label: string; realShare: number }[]; tones: { id: string; realShare: number }[] };
  generator: { kind: 'gan'; stepsPerGeneration: number };
  run: { seed: number; policy: 'replace'; generations: number; generation: number; step: number };
  /** Per group: share among faces with a recognisable tone (NaN when too few were), and of all faces. */
  shares: { id: string; real: number; synthetic: number; syntheticOfAll: number }[];
  /** Per tone: share of generated faces with a recognisable tone. */
  tones: { id: string; real: number; synthetic: number }[];
  offPalette: number;
  /** Faces measured for the shares, and faces on the sheet. */
  measuredFaces: number;
  sheetFaces: number;
}

/** The facts of generation `generation` of a faces run (core/generations/faces.ts). */
export function faceCardFacts(r: FaceGenerationsResult, sel: { generation: number; stepsPerGeneration: number; realFaces: number; sheetFaces: number }): FaceCardFacts {
  const g = r.generations.find((x) => x.generation === sel.generation);
  if (!g) throw new Error(`the faces run has no generation ${sel.generation}`);
  const counted = g.counts.n - g.counts.offPalette;
  return {
    synthetic: true,
    format: 'forgelab-face-card',
    version: 1,
    source: {
      realFaces: sel.realFaces,
      size: r.size,
      groups: FACE_GROUPS.map((x, i) => ({ id: x.id, label: x.label, realShare: r.realShares[i] })),
      tones: FACE_TONES.map((t, i) => ({ id: t.id, realShare: r.realCounts.tones[i] / r.realCounts.n })),
    },
    generator: { kind: 'gan', stepsPerGeneration: sel.stepsPerGeneration },
    run: { seed: r.seed, policy: 'replace', generations: r.generations.length, generation: g.generation, step: sel.stepsPerGeneration },
    shares: FACE_GROUPS.map((x, i) => ({ id: x.id, real: r.realShares[i], synthetic: g.shares.groups[i], syntheticOfAll: g.shares.groupsOfAll[i] })),
    tones: FACE_TONES.map((t, i) => ({ id: t.id, real: r.realCounts.tones[i] / r.realCounts.n, synthetic: counted > 0 ? g.counts.tones[i] / counted : NaN })),
    offPalette: g.shares.offPalette,
    measuredFaces: g.counts.n,
    sheetFaces: sel.sheetFaces,
  };
}
