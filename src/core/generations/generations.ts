/**
 * "Photocopy of a photocopy" (issue 15): model collapse across generations.
 *
 * Generation 0 learns from the real training set of the config (`dataFor`). Generation k ≥ 1
 * learns from a training set built from generation k − 1's output, under one of three policies:
 *
 * - `replace`: n points made by generation k − 1 (n = the real training set's size).
 * - `accumulate`: the real set plus every synthetic set so far (n points from each earlier
 *   generation), so generation k's pool holds (k + 1)·n points. Nothing is thrown away: the GAN
 *   draws its batches uniformly from the whole pool (the trainer samples batch rows at random from
 *   its data), so a step costs the same and each point is seen less often; the mixture fit uses
 *   every point of the pool.
 * - `fresh`: round(freshFraction · n) fresh real points (a new sample of the source each
 *   generation, never the generation-0 set) plus the rest from generation k − 1; size n.
 *
 * Generated points carry the group that the REAL data's density assigns them
 * (core/metrics/groups.ts `assignGroup`); points off the real data get `UNASSIGNED` (255). The
 * generators never read the groups; they are there for shares and exports.
 *
 * Every generation is scored on JS_SAMPLES generated points against one fixed real reference
 * sample (`makeEvalContext`, with its noise floor): JS divergence, spread, group shares by the real
 * density, and coverage per group (Naeem et al., k = 5).
 *
 * Seeds: generation k's model seed depends on the run's seed and k only, never on the policy,
 * so every policy's generation 0 is the same model and the same numbers.
 * Pure, synchronous and seeded, so a Web Worker can run it; progress may stop it.
 */
import type { Config } from '../settings/config';
import type { DrawnPoint, Group, PointSet, Source } from '../data/datasets';
import { dataFor, trainFor } from '../runs/trainAndEvaluate';
import { makeEvalContext } from '../metrics/evaluate';
import type { EvalContext } from '../metrics/evaluate';
import { assignGroup, OFF_DATA, syntheticShares } from '../metrics/groups';
import { coverage, jsOfPoints, JS_SAMPLES } from '../metrics/metrics';
import { Rng, hashString } from '../shared/rng';
import { fitGaussianMixture, sampleGaussianMixture } from './gaussianMixture';

export type GenerationPolicy = 'replace' | 'accumulate' | 'fresh';
export const GENERATION_POLICIES: readonly GenerationPolicy[] = ['replace', 'accumulate', 'fresh'];
export type GeneratorKind = 'gan' | 'gmm';
export const MAX_GENERATIONS = 10;
/** Group of a generated point that falls off the real data. */
export const UNASSIGNED = 255;
/** Points per generation kept for the small multiples. */
export const DEFAULT_SAMPLE_SIZE = 512;

export interface GenerationsArgs {
  /** The real data and, for 'gan', the networks and training settings. */
  config: Config;
  /** Points for `data: 'drawn'`. */
  drawn?: readonly DrawnPoint[];
  policies: GenerationPolicy | readonly GenerationPolicy[];
  /** Models trained per policy, generation 0 included (1…MAX_GENERATIONS). */
  generations: number;
  /** Share of fresh real points per generation under 'fresh' (0…1). Default 0.2. */
  freshFraction?: number;
  /** GAN training steps per generation (ignored by 'gmm'). */
  stepsPerGeneration: number;
  generator: GeneratorKind;
  /** Mixture components for 'gmm'; default the data's group count. */
  components?: number;
  /** Generated points kept per generation for plotting. Default 512. */
  sampleSize?: number;
}

export interface Spread {
  /** Variance along x and y, and their sum. */
  x: number;
  y: number;
  total: number;
}

export interface GenerationResult {
  generation: number;
  /** Points the model learned from; real and synthetic among them. */
  trainingSize: number;
  realInTraining: number;
  syntheticInTraining: number;
  /** GAN steps trained, or EM iterations of the mixture fit. */
  steps: number;
  /** The first sampleSize evaluation points (x, y interleaved) and their groups by real density. */
  sample: Float32Array;
  sampleGroups: Uint8Array;
  /** JS divergence (bits) to the fixed real reference, and that reference's noise floor. */
  js: number;
  floor: number;
  spread: Spread;
  /** Synthetic share per group by the real density, and the off-data share. */
  shares: number[];
  offData: number;
  /** Coverage of each group's real reference points by the generated points. */
  coverage: number[];
  minorityShare: number;
  minorityCoverage: number;
}

export interface PolicyRun {
  policy: GenerationPolicy;
  generations: GenerationResult[];
}

export interface GenerationsResult {
  seed: number;
  generator: GeneratorKind;
  stepsPerGeneration: number;
  freshFraction: number;
  groups: Group[];
  /** Index of the group with the smallest real share. */
  minority: number;
  /** Real training-set size n (every generation's own output is n points). */
  trainingSize: number;
  real: { shares: number[]; spread: Spread; floor: number };
  runs: PolicyRun[];
}

export interface GenerationsProgress {
  policy: GenerationPolicy;
  generation: number;
  /** Steps of this generation done / planned (1 / 1 for a mixture fit). */
  step: number;
  steps: number;
  /** Share of the whole experiment done (0…1). */
  done: number;
}

export type GenerationsProgressFn = (p: GenerationsProgress) => boolean | void;

/** A fitted generator: draws points from a seeded stream. */
interface Model {
  sample(rng: Rng, n: number): Float32Array;
  steps: number;
  dispose(): void;
}

/** Seed of generation k's model: depends on the run's seed and k, not on the policy. */
export function generationSeed(seed: number, k: number): number {
  return (seed ^ hashString(`generation-${k}`)) >>> 0 || 1;
}

/** The fresh real points of generation k ≥ 1 under 'fresh': a sample of the source of its own. */
export function freshRealSample(source: Source, seed: number, k: number, n: number): PointSet {
  return source.sample(new Rng(seed).fork(`fresh-real-${k}`), n);
}

/** Fit one generation's model to a training set. Null when progress asked to stop. */
export function fitGeneration(args: GenerationsArgs, groups: number, data: PointSet, k: number, onStep?: (s: number, steps: number) => boolean | void): Model | null {
  const seed = generationSeed(args.config.seed, k);
  if (args.generator === 'gmm') {
    const m = fitGaussianMixture(data.x, data.n, { k: args.components ?? groups, rng: new Rng(seed).fork('mixture-start') });
    if (onStep?.(1, 1) === false) return null;
    return { sample: (rng, n) => sampleGaussianMixture(m, rng, n), steps: m.iterations, dispose: () => {} };
  }
  const tr = trainFor({ ...args.config, seed }, data, args.stepsPerGeneration, { onProgress: onStep });
  if (!tr) return null;
  return {
    sample(rng, n) {
      const t = tr.sample(rng, n);
      const out = t.dataSync() as Float32Array;
      t.dispose();
      return Float32Array.from(out);
    },
    steps: tr.steps,
    dispose: () => tr.dispose(),
  };
}

export function spreadOf(x: ArrayLike<number>, n: number): Spread {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[2 * i] / n;
    my += x[2 * i + 1] / n;
  }
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i++) {
    vx += (x[2 * i] - mx) ** 2 / n;
    vy += (x[2 * i + 1] - my) ** 2 / n;
  }
  return { x: vx, y: vy, total: vx + vy };
}

/** Groups by the real density (UNASSIGNED off the data). */
export function groupsByRealDensity(ctx: EvalContext, x: ArrayLike<number>, n: number): Uint8Array {
  const g = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = assignGroup(ctx.density, x[2 * i], x[2 * i + 1]);
    g[i] = a === OFF_DATA ? UNASSIGNED : a;
  }
  return g;
}

/** Score one generation's model against the fixed real reference. */
export function measureGeneration(model: Model, ctx: EvalContext, seed: number, k: number, minority: number, sampleSize: number): Omit<GenerationResult, 'trainingSize' | 'realInTraining' | 'syntheticInTraining'> {
  const gen = model.sample(new Rng(seed).fork(`evaluate-${k}`), JS_SAMPLES);
  const ref = ctx.reference;
  const shares = syntheticShares(ctx.density, gen, JS_SAMPLES);
  const cov = ctx.source.groups.map((_, gi) => coverage(ref.x, ref.n, gen, JS_SAMPLES, 2, 5, (i) => ref.g[i] === gi));
  const m = Math.min(sampleSize, JS_SAMPLES);
  const sample = gen.slice(0, 2 * m);
  return {
    generation: k,
    steps: model.steps,
    sample,
    sampleGroups: groupsByRealDensity(ctx, sample, m),
    js: jsOfPoints(gen, JS_SAMPLES, ref.x, ref.n),
    floor: ctx.floor,
    spread: spreadOf(gen, JS_SAMPLES),
    shares: shares.groups,
    offData: shares.offData,
    coverage: cov,
    minorityShare: shares.groups[minority],
    minorityCoverage: cov[minority],
  };
}

/** Concatenate point sets (same dimension). */
export function concatSets(sets: readonly PointSet[]): PointSet {
  const n = sets.reduce((s, p) => s + p.n, 0);
  const dim = sets[0].dim;
  const x = new Float32Array(n * dim);
  const g = new Uint8Array(n);
  let at = 0;
  for (const p of sets) {
    x.set(p.x.subarray(0, p.n * dim), at * dim);
    g.set(p.g.subarray(0, p.n), at);
    at += p.n;
  }
  return { x, g, n, dim };
}

function validate(args: GenerationsArgs): { policies: GenerationPolicy[]; generations: number; fresh: number } {
  const policies = (typeof args.policies === 'string' ? [args.policies] : [...args.policies]) as GenerationPolicy[];
  if (!policies.length || policies.some((p) => !GENERATION_POLICIES.includes(p))) throw new Error(`unknown policy in ${JSON.stringify(args.policies)}`);
  if (!Number.isInteger(args.generations) || args.generations < 1 || args.generations > MAX_GENERATIONS) throw new Error(`generations must be a whole number from 1 to ${MAX_GENERATIONS}`);
  const fresh = args.freshFraction ?? 0.2;
  if (!(fresh >= 0 && fresh <= 1)) throw new Error('freshFraction must lie in 0…1');
  if (args.generator === 'gan' && !(Number.isInteger(args.stepsPerGeneration) && args.stepsPerGeneration >= 1)) throw new Error('stepsPerGeneration must be a whole number ≥ 1');
  return { policies, generations: args.generations, fresh };
}

/** Run the experiment for each policy. Null when progress asked to stop. */
export function runGenerations(args: GenerationsArgs, onProgress?: GenerationsProgressFn): GenerationsResult | null {
  const { policies, generations, fresh } = validate(args);
  const seed = args.config.seed;
  const { source, data: real } = dataFor(args.config, args.drawn);
  if (source.dim !== 2) throw new Error('the generations experiment needs 2-D data');
  const ctx = makeEvalContext(source, seed);
  const nGroups = source.groups.length;
  const minority = source.shares.indexOf(Math.min(...source.shares));
  const n = real.n;
  const sampleSize = args.sampleSize ?? DEFAULT_SAMPLE_SIZE;
  // generation 0 learns from the real data under every policy with the same seed, so it is
  // trained and measured once and each policy hands off from that one model
  const total = 1 + policies.length * (generations - 1);
  const first = fitGeneration(args, nGroups, real, 0, (s, steps) => onProgress?.({ policy: policies[0], generation: 0, step: s, steps, done: s / steps / total }));
  if (!first) return null;
  const runs: PolicyRun[] = [];
  try {
    const firstResult: GenerationResult = { ...measureGeneration(first, ctx, seed, 0, minority, sampleSize), trainingSize: n, realInTraining: n, syntheticInTraining: 0 };
    for (const [pi, policy] of policies.entries()) {
      const results: GenerationResult[] = [];
      const pool: PointSet[] = [real];
      let train: PointSet = real;
      let realIn = n;
      for (let k = 0; k < generations; k++) {
        const report = (s: number, steps: number) =>
          onProgress?.({ policy, generation: k, step: s, steps, done: (1 + pi * (generations - 1) + (k - 1) + s / steps) / total });
        const model: Model | null = k === 0 ? first : fitGeneration(args, nGroups, train, k, report);
        if (!model) return null;
        try {
          results.push(k === 0 ? firstResult : { ...measureGeneration(model, ctx, seed, k, minority, sampleSize), trainingSize: train.n, realInTraining: realIn, syntheticInTraining: train.n - realIn });
          if (k + 1 < generations) {
            const nFresh = policy === 'fresh' ? Math.round(fresh * n) : 0;
            const made = model.sample(new Rng(seed).fork(`handoff-${k + 1}`), n - nFresh);
            const synthetic: PointSet = { x: made, g: groupsByRealDensity(ctx, made, n - nFresh), n: n - nFresh, dim: 2 };
            if (policy === 'replace') {
              train = synthetic;
              realIn = 0;
            } else if (policy === 'accumulate') {
              pool.push(synthetic);
              train = concatSets(pool);
              realIn = n;
            } else {
              train = nFresh === n ? freshRealSample(source, seed, k + 1, n) : concatSets([freshRealSample(source, seed, k + 1, nFresh), synthetic]);
              realIn = nFresh;
            }
          }
        } finally {
          if (model !== first) model.dispose();
        }
      }
      runs.push({ policy, generations: results });
    }
  } finally {
    first.dispose();
  }
  return {
    seed,
    generator: args.generator,
    stepsPerGeneration: args.stepsPerGeneration,
    freshFraction: fresh,
    groups: source.groups,
    minority,
    trainingSize: n,
    real: { shares: ctx.realShares, spread: spreadOf(ctx.reference.x, ctx.reference.n), floor: ctx.floor },
    runs,
  };
}
