/**
 * "Data → trainer → N steps → evaluate", written once: every headless run of a 2-D config (the
 * seed runner, the experiments, the claim tests, the bench's checks) builds and trains through
 * here, so they all train and score exactly as the playground does.
 */
import type { Config } from '../settings/config';
import { makeSource, trainingSet } from '../data/datasets';
import type { DrawnPoint, PointSet, Source } from '../data/datasets';
import { Trainer, specFromConfig } from '../gan/trainer';
import { evaluate, makeEvalContext } from '../metrics/evaluate';
import type { EvalContext, Evaluation } from '../metrics/evaluate';
import { Rng } from '../shared/rng';

/** Progress while training: return false to stop early. */
export type StepProgress = (step: number, steps: number) => boolean | void;

export interface TrainOptions {
  onProgress?: StepProgress;
  /** Report progress every this many steps (and at the last). Default 50. */
  every?: number;
}

/** The real data of a config: its source and the seeded training set the trainer sees. */
export function dataFor(cfg: Config, drawn: readonly DrawnPoint[] = []): { source: Source; data: PointSet } {
  const source = makeSource(cfg, drawn);
  const n = cfg.data === 'drawn' ? Math.max(cfg.points, drawn.length) : cfg.points;
  return { source, data: trainingSet(source, n, cfg.seed) };
}

/**
 * Train a fresh trainer on `data` for `steps` steps. Returns null (and frees the trainer) when
 * progress asks to stop.
 */
export function trainFor(cfg: Config, data: PointSet, steps: number, opts: TrainOptions = {}, dim?: number): Trainer | null {
  const trainer = new Trainer(specFromConfig(cfg, dim), data);
  const every = opts.every ?? 50;
  for (let s = 1; s <= steps; s++) {
    trainer.step();
    if (opts.onProgress && (s % every === 0 || s === steps) && opts.onProgress(s, steps) === false) {
      trainer.dispose();
      return null;
    }
  }
  return trainer;
}

export interface TrainedRun {
  evaluation: Evaluation;
  ctx: EvalContext;
}

/**
 * Train a config from its seed and evaluate it as the playground does (2,048 generated points
 * against the fixed reference sample; accuracy on fresh real points). `label` names the random
 * stream of the final evaluation, so callers that must match an earlier measurement keep theirs.
 */
export function trainAndEvaluate(cfg: Config, steps: number, opts: TrainOptions & { drawn?: readonly DrawnPoint[]; label?: string } = {}): TrainedRun | null {
  const { source, data } = dataFor(cfg, opts.drawn);
  const trainer = trainFor(cfg, data, steps, opts);
  if (!trainer) return null;
  try {
    const ctx = makeEvalContext(source, cfg.seed);
    const evaluation = evaluate(trainer, ctx, new Rng(cfg.seed).fork(opts.label ?? 'seed-run-evaluation'));
    return { evaluation, ctx };
  } finally {
    trainer.dispose();
  }
}
