/**
 * The files a generations run offers, for one policy and generation: the synthetic points as a
 * provenance CSV (source, generator, seed, step and generation on every row), the same points
 * mixed with the real training set (real rows marked `source = real`), and the data card as
 * Markdown and JSON. The card's figures are the generation's, measured on exactly the points
 * the CSV holds (the run keeps every evaluation point), so a reader can recompute them.
 */
import { dataCardFacts, faceCardFacts, provenanceCsv, rowsOfRun } from '../../core/generations/export';
import { faceSheet } from '../../core/generations/faceSheet';
import type { RgbaSheet } from '../../core/generations/faceSheet';
import { FACE_GENERATIONS_PRESET } from '../../core/generations/faces';
import type { FaceGenerationsResult } from '../../core/generations/faces';
import type { DataCardFacts } from '../../core/generations/export';
import type { GenerationPolicy, GenerationsResult } from '../../core/generations/generations';
import type { PointSet } from '../../core/data/datasets';
import { dataCardJson, dataCardMarkdown, FACE_SHEET_LABEL, faceCardJson, faceCardMarkdown } from './dataCard';
import { configOf } from './generationsUrl';
import type { GenerationSettings } from './generationsUrl';

export interface ExportChoice {
  policy: GenerationPolicy;
  generation: number;
  /** Add the real training set as `source = real` rows. */
  mixed: boolean;
}

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

export function exportStem(r: GenerationsResult, c: ExportChoice): string {
  return `forgelab-generations-${r.generator}-seed${r.seed}-${c.policy}-gen${c.generation}`;
}

export function exportCsv(r: GenerationsResult, real: PointSet, c: ExportChoice): ExportFile {
  const rows = rowsOfRun(r, { policy: c.policy, generations: [c.generation], real: c.mixed ? real : undefined });
  return { name: `${exportStem(r, c)}${c.mixed ? '-mixed' : ''}.csv`, type: 'text/csv', text: provenanceCsv(rows) };
}

export function cardFacts(r: GenerationsResult, settings: GenerationSettings, c: ExportChoice, real: PointSet): DataCardFacts {
  const g = r.runs.find((p) => p.policy === c.policy)?.generations.find((x) => x.generation === c.generation);
  return dataCardFacts(r, configOf(settings), { policy: c.policy, generation: c.generation, syntheticRows: g?.sampleGroups.length, realRows: c.mixed ? real.n : 0 });
}

export function exportCard(r: GenerationsResult, settings: GenerationSettings, c: ExportChoice, real: PointSet, kind: 'md' | 'json'): ExportFile {
  const f = cardFacts(r, settings, c, real);
  const stem = `${exportStem(r, c)}${c.mixed ? '-mixed' : ''}-data-card`;
  return kind === 'md' ? { name: `${stem}.md`, type: 'text/markdown', text: dataCardMarkdown(f) } : { name: `${stem}.json`, type: 'application/json', text: dataCardJson(f) };
}

/** Faces across generations: one generation's grid as a marked sheet, and its card. */
export function faceStem(r: FaceGenerationsResult, generation: number): string {
  return `forgelab-faces-generations-seed${r.seed}-gen${generation}`;
}

export function faceSheetOf(r: FaceGenerationsResult, generation: number): RgbaSheet {
  const g = r.generations.find((x) => x.generation === generation);
  if (!g) throw new Error(`the faces run has no generation ${generation}`);
  const n = g.grid.length / (r.size * r.size * 3);
  return faceSheet(g.grid, n, r.size, Math.min(8, n), FACE_SHEET_LABEL);
}

export function faceCardOf(r: FaceGenerationsResult, settings: GenerationSettings, generation: number, kind: 'md' | 'json'): ExportFile {
  const g = r.generations.find((x) => x.generation === generation);
  const facts = faceCardFacts(r, { generation, stepsPerGeneration: settings.faceSteps, realFaces: FACE_GENERATIONS_PRESET.faces, sheetFaces: g ? g.grid.length / (r.size * r.size * 3) : 0 });
  const stem = `${faceStem(r, generation)}-data-card`;
  return kind === 'md'
    ? { name: `${stem}.md`, type: 'text/markdown', text: faceCardMarkdown(facts) }
    : { name: `${stem}.json`, type: 'application/json', text: faceCardJson(facts) };
}
