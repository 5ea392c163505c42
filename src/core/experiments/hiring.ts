/**
 * The hiring case (issue 4, item 5): applicants with two features, a group and a historical
 * hiring decision that favoured the majority; a GAN that makes synthetic applicants *with*
 * decisions; and a group-blind screening model (logistic regression) trained on real and on
 * synthetic applicants, judged by its selection rate per group on fresh real applicants.
 *
 * How applicants are made (all seeded):
 * - group: majority or minority, stratified counts (a 30% minority is exactly 30% of a sample);
 * - test score: N(0, 0.3²) for both groups — the groups are equally able;
 * - experience: N(+0.15, 0.3²) for the majority, N(−0.25, 0.3²) for the minority (less recorded
 *   experience, e.g. career breaks or fewer past openings), so experience is a proxy for group;
 * - historical decision: hired with probability σ(3.5·score + 2·experience − 1.2 + 1.5·[majority]).
 *   The 1.5 is the bias: at equal score and experience a majority applicant was far likelier to be
 *   hired. Both features are clamped to the plot domain [-1, 1].
 * A screening model never sees the group, yet it learns the bias through experience (the proxy):
 * "fairness through unawareness" fails, as with the résumé screener that penalised "women's".
 *
 * How the GAN makes decisions: an extra output. Each applicant is a 3-D row
 * [score, experience, decision] with decision +1 (hired) or −1 (rejected); the same Trainer learns
 * the joint distribution (dim = 3), and a generated row counts as hired when its third value > 0.
 * Chosen over conditional generation because (1) it needs no new network path — the Trainer already
 * takes the data dimension as a parameter; (2) the GAN must learn how decisions depend on the
 * features, which is exactly what the lesson asks about (does synthetic data inherit a biased
 * decision rule?); a generator conditioned on the decision would be told the hiring rate instead
 * of learning it. The cost: generated decisions are continuous and must be thresholded.
 */
import { DEFAULT_CONFIG } from '../settings/config';
import type { Config } from '../settings/config';
import { stratifiedCounts } from '../data/datasets';
import type { Group, PointSet } from '../data/datasets';
import { Trainer, specFromConfig } from '../gan/trainer';
import { Rng } from '../shared/rng';
import { fitLogistic, fourFifthsRatio, predictSelected, selectionRates } from './logistic';
import type { LogisticModel } from './logistic';
import type { Progress } from '../skew/skew';

export const HIRING_GROUPS: Group[] = [
  { id: 'majority', label: 'Majority' },
  { id: 'minority', label: 'Minority' },
];
export const FEATURE_LABELS = ['Test score', 'Experience'] as const;
export const HIRED = 1;
export const REJECTED = -1;
/** Column of the decision in an applicant row. */
export const DECISION = 2;
export const APPLICANT_DIM = 3;

export interface ApplicantParams {
  /** Share of the minority (0.01–0.5). */
  minority: number;
  scoreSd: number;
  experienceMean: [number, number];
  experienceSd: number;
  /** Logit of the historical decision: w·[score, experience] + intercept + majorityBonus·[majority]. */
  weights: [number, number];
  intercept: number;
  majorityBonus: number;
}

export const DEFAULT_APPLICANTS: Readonly<ApplicantParams> = Object.freeze({
  minority: 0.3,
  scoreSd: 0.3,
  experienceMean: [0.15, -0.25] as [number, number],
  experienceSd: 0.3,
  weights: [3.5, 2] as [number, number],
  intercept: -1.2,
  majorityBonus: 1.5,
});

export interface ApplicantSource {
  dim: 3;
  groups: Group[];
  shares: number[];
  params: ApplicantParams;
  /** n applicants as rows [score, experience, ±1], with their group. */
  sample(rng: Rng, n: number): PointSet;
}

const clamp1 = (v: number) => Math.max(-1, Math.min(1, v));

export function applicantSource(over: Partial<ApplicantParams> = {}): ApplicantSource {
  const params: ApplicantParams = { ...DEFAULT_APPLICANTS, ...over };
  const m = Math.min(0.5, Math.max(0.01, params.minority));
  const shares = [1 - m, m];
  return {
    dim: 3,
    groups: HIRING_GROUPS,
    shares,
    params,
    sample(rng: Rng, n: number): PointSet {
      const counts = stratifiedCounts(n, shares);
      const order: number[] = [];
      counts.forEach((c, gi) => {
        for (let k = 0; k < c; k++) order.push(gi);
      });
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      const x = new Float32Array(n * 3);
      const g = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const gi = order[i];
        const score = clamp1(params.scoreSd * rng.normal());
        const exp = clamp1(params.experienceMean[gi] + params.experienceSd * rng.normal());
        const logit =
          params.weights[0] * score + params.weights[1] * exp + params.intercept + (gi === 0 ? params.majorityBonus : 0);
        const hired = rng.next() < 1 / (1 + Math.exp(-logit));
        x[3 * i] = score;
        x[3 * i + 1] = exp;
        x[3 * i + 2] = hired ? HIRED : REJECTED;
        g[i] = gi;
      }
      return { x, g, n, dim: 3 };
    },
  };
}

/** The two features of each row (n × 2). */
export function featuresOf(rows: ArrayLike<number>, n: number): Float32Array {
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[2 * i] = rows[3 * i];
    out[2 * i + 1] = rows[3 * i + 1];
  }
  return out;
}

/** 1 = hired (decision value > 0), 0 = rejected. */
export function decisionsOf(rows: ArrayLike<number>, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rows[3 * i + DECISION] > 0 ? 1 : 0;
  return out;
}

/** Hiring rate per group of labelled rows (the historical decisions' own selection rates). */
export function hiringRates(set: PointSet, groups = 2): number[] {
  return selectionRates(decisionsOf(set.x, set.n), set.g, groups);
}

export interface ScreeningResult {
  model: LogisticModel;
  /** Selection rate per group on the fresh real applicants. */
  rates: number[];
  /** Lowest / highest rate; under 0.8 fails the four-fifths rule. */
  ratio: number;
  /** Share of fresh real applicants whose historical decision the model reproduces. */
  agreement: number;
}

/** Train a group-blind screening model on rows and judge it on fresh real applicants. */
export function screen(train: ArrayLike<number>, nTrain: number, test: PointSet): ScreeningResult {
  const model = fitLogistic(featuresOf(train, nTrain), decisionsOf(train, nTrain), nTrain, 2);
  const sel = predictSelected(model, featuresOf(test.x, test.n), test.n);
  const truth = decisionsOf(test.x, test.n);
  let same = 0;
  for (let i = 0; i < test.n; i++) if (sel[i] === truth[i]) same++;
  const rates = selectionRates(sel, test.g, 2);
  return { model, rates, ratio: fourFifthsRatio(rates), agreement: test.n ? same / test.n : NaN };
}

export interface HiringSetup {
  seed: number;
  recipe: Config['recipe'];
  minority: number;
  /** Real training applicants (and synthetic ones made). */
  points: number;
  steps: number;
  /** Noise inputs of the forger (3 by default: one per output column). */
  noiseDim: number;
}

export const DEFAULT_HIRING: Readonly<HiringSetup> = Object.freeze({
  seed: 1,
  recipe: 'stabilised',
  minority: DEFAULT_APPLICANTS.minority,
  points: 2000,
  steps: 3000,
  noiseDim: 3,
});

/** Fresh real applicants the screening models are judged on. */
export const HIRING_TEST_SIZE = 4000;

export interface HiringResult {
  setup: HiringSetup;
  real: PointSet;
  /** Synthetic applicant rows [score, experience, decision value] (points × 3). */
  synthetic: Float32Array;
  test: PointSet;
  /** Historical hiring rate per group in the real training data. */
  historicalRates: number[];
  historicalRatio: number;
  /** Share hired overall: real training data vs synthetic applicants. */
  realHireRate: number;
  syntheticHireRate: number;
  realModel: ScreeningResult;
  syntheticModel: ScreeningResult;
}

export function hiringConfig(setup: HiringSetup): Config {
  return { ...DEFAULT_CONFIG, seed: setup.seed, recipe: setup.recipe, noiseDim: setup.noiseDim, points: setup.points };
}

/**
 * The whole case for one seed: real applicants, a GAN on [score, experience, decision] rows,
 * synthetic applicants, and both screening models judged on fresh real applicants.
 * Synchronous (Node tests, Web Worker); onProgress may return false to stop (result null).
 */
export function runHiring(
  over: Partial<HiringSetup> = {},
  params: Partial<ApplicantParams> = {},
  onProgress?: Progress,
  every = 50,
): HiringResult | null {
  const setup: HiringSetup = { ...DEFAULT_HIRING, ...over };
  const source = applicantSource({ ...params, minority: setup.minority });
  const root = new Rng(setup.seed);
  const real = source.sample(root.fork('hiring-training'), setup.points);
  const test = source.sample(root.fork('hiring-test'), HIRING_TEST_SIZE);
  const trainer = new Trainer(specFromConfig(hiringConfig(setup), APPLICANT_DIM), real);
  let synthetic: Float32Array;
  try {
    for (let s = 1; s <= setup.steps; s++) {
      trainer.step();
      if (onProgress && (s % every === 0 || s === setup.steps) && onProgress(s, setup.steps) === false) return null;
    }
    const t = trainer.sample(root.fork('hiring-synthetic'), setup.points);
    synthetic = t.dataSync() as Float32Array;
    t.dispose();
  } finally {
    trainer.dispose();
  }
  const historicalRates = hiringRates(real);
  const realDec = decisionsOf(real.x, real.n);
  const synDec = decisionsOf(synthetic, setup.points);
  const mean = (a: Uint8Array) => a.reduce((s, v) => s + v, 0) / Math.max(1, a.length);
  return {
    setup,
    real,
    synthetic,
    test,
    historicalRates,
    historicalRatio: fourFifthsRatio(historicalRates),
    realHireRate: mean(realDec),
    syntheticHireRate: mean(synDec),
    realModel: screen(real.x, real.n, test),
    syntheticModel: screen(synthetic, setup.points, test),
  };
}
