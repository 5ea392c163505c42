/**
 * The experiments' tasks: each experiment's core function by name, with its argument tuple typed.
 * Add a line here for each new experiment (the task worker serves every table listed in
 * ../shared/tasks.ts); the page runs it with a Job (state/shared/job.svelte.ts).
 */
import type { TaskProgress, TaskTable } from '../shared/protocol';
import { makeSource } from '../../core/data/datasets';
import type { DrawnPoint } from '../../core/data/datasets';
import { makeEvalContext } from '../../core/metrics/evaluate';
import type { EvalContext } from '../../core/metrics/evaluate';
import { representation, runSeed } from '../../core/skew/skew';
import type { RepresentationOptions } from '../../core/skew/skew';
import type { Config } from '../../core/settings/config';
import { tf } from '../../core/shared/tf';
import { trialBackend } from '../../core/backend/backend';
import type { BackendName, TrialResult } from '../../core/backend/backend';
import { Trainer } from '../../core/gan/trainer';
import type { TrainerSpec } from '../../core/gan/trainer';
import type { PointSet } from '../../core/data/datasets';
import { runRebalance } from '../../core/experiments/rebalance';
import type { RebalanceSetup } from '../../core/experiments/rebalance';
import { runHiring } from '../../core/experiments/hiring';
import type { ApplicantParams, HiringSetup } from '../../core/experiments/hiring';

/** Evaluation contexts rebuilt from their settings (deterministic), the last few kept. */
const contexts = new Map<string, EvalContext>();
function contextFor(cfg: Pick<Config, 'data' | 'minority' | 'place' | 'seed'>, drawn: DrawnPoint[]): EvalContext {
  const key = JSON.stringify([cfg.data, cfg.minority, cfg.place, cfg.seed, cfg.data === 'drawn' ? drawn : null]);
  let ctx = contexts.get(key);
  if (!ctx) {
    ctx = makeEvalContext(makeSource(cfg, drawn), cfg.seed);
    contexts.set(key, ctx);
    if (contexts.size > 4) contexts.delete(contexts.keys().next().value!);
  }
  return ctx;
}

/**
 * The automatic backend's trial: train the real model for `ms` on each backend (after a warm-up
 * step that compiles WebGL's shaders) and report steps per second; null where one cannot start.
 */
async function trialAll(spec: TrainerSpec, data: PointSet, names: BackendName[], ms: number, wasmPaths: Record<string, string>): Promise<(TrialResult | null)[]> {
  const out: (TrialResult | null)[] = [];
  for (const name of names) {
    let trainer: Trainer | null = null;
    const work = () => {
      trainer ??= new Trainer(spec, data);
      trainer.step();
      return tf.clone(trainer.lossG!);
    };
    out.push(await trialBackend(name, work, () => performance.now(), ms, { wasmPaths }).catch(() => null));
    (trainer as Trainer | null)?.dispose();
  }
  return out;
}

export const experimentTasks = {
  /** One seed of the skew experiment: [config, steps, progressEvery?, drawn points?]. */
  'skew.runSeed': (args: [cfg: Config, steps?: number, every?: number, drawn?: DrawnPoint[]], progress: TaskProgress) =>
    runSeed(args[0], args[1], progress, args[2], args[3] ?? []),
  /** The rebalancing experiment: [config overrides, { steps, target, heldOut }, progressEvery?]. */
  'rebalance.run': (args: [over: Partial<Config>, setup: Partial<Omit<RebalanceSetup, 'config'>>, every?: number], progress: TaskProgress) =>
    runRebalance(args[0], args[1], progress, args[2]),
  /** The hiring case: [setup overrides, applicant parameters, progressEvery?]. */
  'hiring.run': (args: [setup: Partial<HiringSetup>, applicants: Partial<ApplicantParams>, every?: number], progress: TaskProgress) =>
    runHiring(args[0], args[1], progress, args[2]),
  /**
   * The playground's representation table for generated points: [settings, drawn points,
   * generated, n, options]. Pure JavaScript (bootstrap and coverage are O(n²)): off the page's thread.
   */
  'skew.representation': (args: [cfg: Config, drawn: DrawnPoint[], generated: Float32Array, n: number, opts: RepresentationOptions]) =>
    representation(contextFor(args[0], args[1]), args[2], args[3], args[4]),
  /** Measure backends for the automatic choice: [spec, data, names, ms, wasm URLs]. */
  'backend.trial': (args: Parameters<typeof trialAll>) => trialAll(...args),
} satisfies TaskTable;
