/**
 * Skew experiments (issue 4): how the share of each group in the real data carries over to the
 * synthetic data. Presets for the skew controls, the representation table (real vs synthetic
 * share per group with a bootstrap interval, ratio, coverage, dropped groups) and a headless
 * one-seed run that a Web Worker can call. The sentences about it are in state/shared/skewText.ts.
 *
 * Pure core: no DOM, no Math.random (every draw comes from a seeded Rng).
 */
import { DEFAULT_CONFIG } from '../settings/config';
import type { Config } from '../settings/config';
import type { DrawnPoint, PointSet } from '../data/datasets';
import type { EvalContext } from '../metrics/evaluate';
import { trainAndEvaluate } from '../runs/trainAndEvaluate';
import { assignAll, OFF_DATA } from '../metrics/groups';
import { coverage, representationRatio } from '../metrics/metrics';
import { Rng } from '../shared/rng';

export interface SkewPreset {
  id: string;
  label: string;
  /** The settings the preset sets; everything else keeps its current value. */
  config: Partial<Config>;
}

/** The skew presets of the skew view, majority/minority in percent. */
export const SKEW_PRESETS: readonly SkewPreset[] = [
  { id: '50-50', label: '50/50', config: { data: 'groups', minority: 0.5, place: 'tail' } },
  { id: '70-30', label: '70/30', config: { data: 'groups', minority: 0.3, place: 'tail' } },
  { id: '90-10', label: '90/10', config: { data: 'groups', minority: 0.1, place: 'tail' } },
  { id: '97-3', label: '97/3', config: { data: 'groups', minority: 0.03, place: 'tail' } },
];

export function skewPreset(id: string): SkewPreset {
  const p = SKEW_PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`no skew preset ${id}`);
  return p;
}

/** A group is "dropped" when its synthetic share falls below this fraction of its real share. */
export const DROPPED_FRACTION = 0.25;
/** Bootstrap resamples and interval level of the synthetic share. */
export const BOOTSTRAP_RESAMPLES = 400;
export const INTERVAL_LEVEL = 0.9;

export interface GroupRepresentation {
  group: number;
  id: string;
  label: string;
  realShare: number;
  syntheticShare: number;
  /** synthetic / real (1 faithful, < 1 under-represented). */
  ratio: number;
  /** 90% bootstrap interval of the synthetic share, resampling the generated evaluation sample. */
  interval: [number, number];
  /** Coverage (k = 5) of this group's real points by all generated points. */
  coverage: number;
  /** Synthetic share below a quarter of the real share. */
  dropped: boolean;
  /**
   * Share of the real reference sample that the same density rule assigns to this group: what a
   * perfect copy would score. Near realShare for separate groups; far below it where a small group
   * overlaps a big one (the rule gives shared ground to the denser group).
   */
  realAssignedShare: number;
  /** The rule recovers at least 80% of the group's real share, so the ratio means what it says. */
  reliable: boolean;
}

export interface Representation {
  groups: GroupRepresentation[];
  /** Share of generated points that fall off the real data. */
  offData: number;
  /** Number of generated points the shares are computed from. */
  n: number;
}

export interface RepresentationOptions {
  /** Seed of the bootstrap stream. */
  seed?: number;
  resamples?: number;
  level?: number;
  /** Compute coverage (O(n²) in the sample sizes); default true. */
  withCoverage?: boolean;
  k?: number;
}


/** Value at quantile q of sorted numbers (linear interpolation). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = Math.min(n - 1, Math.max(0, q * (n - 1)));
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  // exact positions and equal neighbours need no interpolation (which gives NaN next to ±Infinity)
  if (pos === lo || sorted[lo] === sorted[hi]) return sorted[lo];
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The median of the numbers, NaN left out (NaN when none is left). ±Infinity counts as a value:
 * the bench counts a seed that never converged as Infinity steps.
 */
export function median(xs: readonly number[]): number {
  const v = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return quantileSorted(v, 0.5);
}

/**
 * Percentile bootstrap of the share of each group among assigned labels: `resamples` times,
 * draw n labels with replacement and count. Returns [lo, hi] per group.
 */
export function bootstrapShares(
  labels: ArrayLike<number>,
  groups: number,
  rng: Rng,
  resamples = BOOTSTRAP_RESAMPLES,
  level = INTERVAL_LEVEL,
): [number, number][] {
  const n = labels.length;
  if (n === 0) return Array.from({ length: groups }, () => [NaN, NaN] as [number, number]);
  const draws = Array.from({ length: groups }, () => new Float64Array(resamples));
  const counts = new Float64Array(groups);
  for (let r = 0; r < resamples; r++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const g = labels[rng.int(n)];
      if (g >= 0) counts[g]++;
    }
    for (let g = 0; g < groups; g++) draws[g][r] = counts[g] / n;
  }
  const tail = (1 - level) / 2;
  return draws.map((d) => {
    d.sort();
    return [quantileSorted(d, tail), quantileSorted(d, 1 - tail)] as [number, number];
  });
}

/**
 * The representation table of generated 2-D points against an evaluation context: per group real
 * share (of the context's reference sample), synthetic share (by real density, groups.ts), ratio,
 * 90% bootstrap interval, coverage of that group's real points, and whether it was dropped.
 */
export function representation(
  ctx: EvalContext,
  generated: ArrayLike<number>,
  nGenerated: number,
  opts: RepresentationOptions = {},
): Representation {
  const groups = ctx.source.groups;
  const labels = assignAll(ctx.density, generated, nGenerated);
  const counts = new Array<number>(groups.length).fill(0);
  let off = 0;
  for (let i = 0; i < nGenerated; i++) {
    if (labels[i] === OFF_DATA) off++;
    else counts[labels[i]]++;
  }
  const realLabels = assignAll(ctx.density, ctx.reference.x, ctx.reference.n);
  const realAssigned = new Array<number>(groups.length).fill(0);
  for (let i = 0; i < realLabels.length; i++) if (realLabels[i] !== OFF_DATA) realAssigned[realLabels[i]]++;
  const rng = new Rng(opts.seed ?? 1).fork('representation-bootstrap');
  const intervals = bootstrapShares(labels, groups.length, rng, opts.resamples, opts.level);
  const ref = ctx.reference;
  const withCoverage = opts.withCoverage ?? true;
  const rows = groups.map((grp, g) => {
    const realShare = ctx.realShares[g];
    const syntheticShare = nGenerated ? counts[g] / nGenerated : 0;
    return {
      group: g,
      id: grp.id,
      label: grp.label,
      realShare,
      syntheticShare,
      ratio: representationRatio(syntheticShare, realShare),
      interval: intervals[g],
      coverage: withCoverage
        ? coverage(ref.x, ref.n, generated, nGenerated, ref.dim, opts.k ?? 5, (i) => ref.g[i] === g)
        : NaN,
      dropped: isDropped(syntheticShare, realShare),
      realAssignedShare: ctx.reference.n ? realAssigned[g] / ctx.reference.n : NaN,
      reliable: ctx.reference.n > 0 && realAssigned[g] / ctx.reference.n >= RELIABLE_FRACTION * realShare,
    };
  });
  return { groups: rows, offData: nGenerated ? off / nGenerated : 0, n: nGenerated };
}

/** A group's ratio is trusted when the density rule recovers this much of its real share. */
export const RELIABLE_FRACTION = 0.8;

export function isDropped(syntheticShare: number, realShare: number): boolean {
  return realShare > 0 && syntheticShare < DROPPED_FRACTION * realShare;
}

/** The groups the forger has dropped (synthetic share < ¼ of real share). */
export function droppedGroups(rep: Representation): GroupRepresentation[] {
  return rep.groups.filter((g) => g.dropped);
}

export interface SeedResult {
  seed: number;
  steps: number;
  /** Representation ratio per group, in group order. */
  ratios: number[];
  realShares: number[];
  syntheticShares: number[];
  offData: number;
  js: number;
  floor: number;
  /** js / floor; converged when ≤ 5. */
  jsOverFloor: number;
  /** Detective accuracy on a fresh batch (overall, real half, fake half). */
  accuracy: { overall: number; real: number; fake: number };
  /** The JS_SAMPLES generated evaluation points (row-major x, y) the shares are computed from. */
  generated: Float32Array;
  /** The fresh real reference sample they are compared with. */
  reference: PointSet;
}

/** Progress callback of the headless runs: return false to stop early (the result is then null). */
export type Progress = (step: number, steps: number) => boolean | void;

/** Full config of a run: defaults, then the preset or overrides. */
export function runConfig(over: Partial<Config>): Config {
  return { ...DEFAULT_CONFIG, ...over };
}

/**
 * Train one seed headless (cfg.seed) for `steps` steps and evaluate it: the same data, trainer
 * and evaluation as the playground, so the multi-seed runner's dots are the playground's numbers.
 * Synchronous; in a Web Worker cancel by terminating the worker or by returning false from
 * onProgress.
 */
export function runSeed(
  cfg: Config,
  steps = 3000,
  onProgress?: Progress,
  every = 50,
  drawn: readonly DrawnPoint[] = [],
): SeedResult | null {
  const run = trainAndEvaluate(cfg, steps, { onProgress, every, drawn });
  if (!run) return null;
  const e = run.evaluation;
  return {
    seed: cfg.seed,
    steps,
    ratios: e.shares.groups.map((s, g) => representationRatio(s, e.realShares[g])),
    realShares: [...e.realShares],
    syntheticShares: [...e.shares.groups],
    offData: e.shares.offData,
    js: e.js,
    floor: e.floor,
    jsOverFloor: e.js / e.floor,
    accuracy: { ...e.accuracy },
    generated: e.generated,
    reference: run.ctx.reference,
  };
}

/** The multi-seed runner: 5 seeds by default, at most 20. */
export const DEFAULT_SEED_COUNT = 5;
export const MAX_SEEDS = 20;

/** A number of seeds for a multi-seed run: rounded into 1..MAX_SEEDS, the default when not a number. */
export function clampSeedCount(count: number): number {
  return Math.max(1, Math.min(MAX_SEEDS, Math.round(Number.isFinite(count) ? count : DEFAULT_SEED_COUNT)));
}

/** `count` consecutive seeds from `first`, clamped to 1..MAX_SEEDS seeds. */
export function seedList(first: number, count = DEFAULT_SEED_COUNT): number[] {
  const n = clampSeedCount(count);
  return Array.from({ length: n }, (_, i) => first + i);
}

export interface SeedsSummary {
  results: SeedResult[];
  /** Median ratio per group over the seeds. */
  medians: number[];
}

/**
 * Run `cfg` on several seeds one after another (the multi-seed runner without a worker).
 * onProgress gets (steps done over all seeds, total); return false to stop (result null).
 */
export function runSeeds(
  cfg: Config,
  seeds: readonly number[],
  steps = 3000,
  onProgress?: Progress,
  onSeed?: (r: SeedResult) => void,
): SeedsSummary | null {
  const results: SeedResult[] = [];
  const total = seeds.length * steps;
  for (let k = 0; k < seeds.length; k++) {
    const r = runSeed({ ...cfg, seed: seeds[k] }, steps, onProgress && ((s) => onProgress(k * steps + s, total)));
    if (!r) return null;
    results.push(r);
    onSeed?.(r);
  }
  return { results, medians: medianRatios(results) };
}

/** On how many of the seed results the forger dropped group g (synthetic share < ¼ of real). */
export function droppedSeeds(results: readonly Pick<SeedResult, 'syntheticShares' | 'realShares'>[], g: number): number {
  return results.filter((r) => isDropped(r.syntheticShares[g], r.realShares[g])).length;
}

/** Median of each group's ratio over several seed results. */
export function medianRatios(results: readonly SeedResult[]): number[] {
  if (!results.length) return [];
  return results[0].ratios.map((_, g) => median(results.map((r) => r.ratios[g])));
}
