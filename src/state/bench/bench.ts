/**
 * The in-page measurements of `#/bench` (issue 6), loaded lazily by BenchView: on one backend
 * and recipe, the headless training speed (no drawing), the hand-written reference's speed in
 * the same page (so the ratio is taken within one run), steps and seconds to convergence over
 * several seeds, and the tensor count before and after many steps. The live playground, the
 * first visible step and input latency are measured by bench/run.mjs on the playground itself.
 */
import { tf } from '../../core/shared/tf';
import { DEFAULT_CONFIG } from '../../core/settings/config';
import type { BackendChoice, Config, Recipe } from '../../core/settings/config';
import { makeSource, trainingSet } from '../../core/data/datasets';
import type { PointSet, Source } from '../../core/data/datasets';
import { evaluate, makeEvalContext } from '../../core/metrics/evaluate';
import { isSettled } from '../../core/metrics/metrics';
import { median } from '../../core/skew/skew';
import { Trainer, specFromConfig } from '../../core/gan/trainer';
import { Probe } from '../../core/gan/probe';
import { TrainingLoop } from '../../core/loop/loop';
import type { Snapshot } from '../../core/loop/loop';
import { Rng } from '../../core/shared/rng';
import { chooseBackend, frameHost } from '../platform/platform';
import { FIELD_CELLS, VISUAL_POINTS } from '../playground/playground.svelte';
import { timeReference } from '../../core/bench/reference';
import { BENCH_SEEDS, BENCH_TABLE, benchSeeds } from '../../core/settings/bench';
import { decodeTable } from '../shared/url';
import { fmt, lang, t } from '../../i18n';

export interface BenchOptions {
  backend: BackendChoice;
  recipe: Recipe;
  /** Training steps of the headless run, which is also the tensor-leak check. */
  steps: number;
  /** Stop the headless run after this many seconds even if `steps` are not done. */
  headlessCapSeconds: number;
  seeds: number[];
  /** Convergence: give up on a seed after this many steps or seconds. */
  maxSteps: number;
  capSeconds: number;
  /** Convergence is checked every this many steps (2,048 samples a side, as in the app). */
  checkEvery: number;
  referenceMs: number;
}

export const DEFAULT_BENCH: BenchOptions = { ...BENCH_TABLE.defaults, seeds: [...BENCH_SEEDS] };

export interface SeedRun {
  seed: number;
  converged: boolean;
  /** Steps at the first check that passed (or the steps run when it never did). */
  steps: number;
  /** Training time only (the convergence checks are not counted). */
  seconds: number;
  jsOverFloor: number;
  accuracy: number;
}

export interface BenchResult {
  backend: string;
  requested: BackendChoice;
  recipe: Recipe;
  decision: string;
  headlessStepsPerSecond: number;
  headlessSteps: number;
  kernelsPerStep: number;
  referenceStepsPerSecond: number;
  ratioToReference: number;
  convergeStepsMedian: number | null;
  convergeSecondsMedian: number | null;
  convergedSeeds: number;
  seeds: SeedRun[];
  tensorsBefore: number;
  tensorsAfter: number;
  tensorsAfterDispose: number;
  tensorsAtStart: number;
  /** DP-SGD on the detective (C = 1, σ = 1) against the same run without it, timed alternately. */
  dp: DpCost;
}

export interface DpCost {
  plainStepsPerSecond: number;
  dpStepsPerSecond: number;
  /** dp ÷ plain: the share of plain training's speed that private training keeps. */
  ratio: number;
}

/**
 * Bench options from the route's query (`#/bench?backend=wasm&recipe=plain&steps=2000&seeds=1-3`),
 * by the bench's settings table and the shared link codec; `run=1` starts it and is not a setting.
 */
export function benchOptions(params: URLSearchParams): BenchOptions {
  const o: BenchOptions = { ...decodeTable(BENCH_TABLE, params, { allowed: ['seeds', 'run', 'present', 'embed'] }).settings, seeds: [...BENCH_SEEDS] };
  const list = params.get('seeds');
  if (list) o.seeds = benchSeeds(list);
  return o;
}

const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

interface Run {
  cfg: Config;
  source: Source;
  data: PointSet;
}

function makeRun(recipe: Recipe, seed: number): Run {
  const cfg: Config = { ...DEFAULT_CONFIG, recipe, seed };
  const source = makeSource(cfg);
  return { cfg, source, data: trainingSet(source, cfg.points, seed) };
}

/** Kernels one training step launches (counted by wrapping the engine for one step). */
function countKernels(t: Trainer): number {
  const engine = tf.engine() as unknown as { runKernelFunc: (...a: unknown[]) => unknown };
  const orig = engine.runKernelFunc;
  let n = 0;
  engine.runKernelFunc = function (this: unknown, ...a: unknown[]) {
    n++;
    return orig.apply(this, a);
  };
  try {
    t.step();
  } finally {
    engine.runKernelFunc = orig;
  }
  return n;
}

/**
 * Headless speed and the leak check in one: train `steps` steps (or until the cap) with the
 * playground's loop and probe, reading back every 2,000 steps as the live page would, and
 * compare the tensor count after the first readback with the count at the end. Only the
 * training itself is timed; the device is drained every 250 steps (no per-step readback).
 */
async function headlessRun(o: BenchOptions, progress: (m: string) => void) {
  const atStart = tf.memory().numTensors;
  const { cfg, source, data } = makeRun(o.recipe, 1);
  const trainer = new Trainer(specFromConfig(cfg), data);
  const ctx = makeEvalContext(source, cfg.seed);
  const visual = new Rng(cfg.seed).fork('visual-noise').fill(new Float32Array(VISUAL_POINTS * trainer.spec.noiseDim), trainer.spec.noise);
  const probe = new Probe(trainer, { points: VISUAL_POINTS, field: FIELD_CELLS, manifoldLines: 0, manifoldSamples: 41, arrows: false }, visual);
  let pending: { resolve: (s: Snapshot) => void; reject: (e: unknown) => void } | null = null;
  const loop = new TrainingLoop(frameHost, {
    snapshot: (s) => pending?.resolve(s),
    diverged: (step) => pending?.reject(new Error(`training diverged at step ${step}`)),
    failed: (e) => pending?.reject(e),
  });
  loop.setRun(trainer, ctx, probe);
  const readback = async () => {
    const p = new Promise<Snapshot>((resolve, reject) => (pending = { resolve, reject }));
    loop.readback(true);
    await p;
    await yieldToPage();
  };
  for (let i = 0; i < 20; i++) trainer.step();
  await trainer.lossG!.data();
  const kernelsPerStep = countKernels(trainer);
  await readback();
  const before = tf.memory().numTensors;
  let steps = 0;
  let trainMs = 0;
  const capMs = o.headlessCapSeconds * 1000;
  while (steps < o.steps && trainMs < capMs) {
    const t0 = performance.now();
    const chunk = Math.min(250, o.steps - steps);
    for (let i = 0; i < chunk; i++) trainer.step();
    await trainer.lossG!.data();
    trainMs += performance.now() - t0;
    steps += chunk;
    if (steps % 2000 === 0 || steps >= o.steps) {
      progress(t().bench.progress.headlessSteps(steps.toLocaleString(lang.current)));
      await readback();
    }
  }
  await readback();
  const after = tf.memory().numTensors;
  loop.pause();
  probe.dispose();
  trainer.dispose();
  await yieldToPage();
  return { stepsPerSecond: steps / (trainMs / 1000), steps, kernelsPerStep, before, after, afterDispose: tf.memory().numTensors, atStart };
}

/** Steps per second of one trainer over about `ms` of training (after a warm-up and a drain). */
async function timedRate(cfg: Config, data: PointSet, ms: number): Promise<number> {
  const trainer = new Trainer(specFromConfig(cfg), data);
  try {
    for (let i = 0; i < 10; i++) trainer.step();
    await trainer.lossG!.data();
    let steps = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < ms) {
      for (let i = 0; i < 25; i++) trainer.step();
      await trainer.lossG!.data();
      steps += 25;
    }
    return steps / ((performance.now() - t0) / 1000);
  } finally {
    trainer.dispose();
  }
}

/**
 * What DP-SGD costs (issue 14, item 4): the bench's run with private training on (per-example
 * clipping to C = 1, noise σ = 1) and off, timed in turns (plain, DP, plain, DP) so that a
 * shared machine's load falls on both; the ratio is taken within this page.
 */
async function dpCost(o: BenchOptions): Promise<DpCost> {
  const { cfg, data } = makeRun(o.recipe, 1);
  const priv: Config = { ...cfg, dp: '1', clip: 1, sigma: 1 };
  const ms = Math.max(250, o.referenceMs / 2);
  let plain = 0;
  let dp = 0;
  for (let round = 0; round < 2; round++) {
    plain += await timedRate(cfg, data, ms);
    await yieldToPage();
    dp += await timedRate(priv, data, ms);
    await yieldToPage();
  }
  return { plainStepsPerSecond: plain / 2, dpStepsPerSecond: dp / 2, ratio: dp / plain };
}

/**
 * Train one seed until it has settled (isSettled: converged, and the detective at a coin toss)
 * and stayed so: the first check (every `checkEvery` steps) that passes and is followed by `confirm` more passing checks. A single passing check
 * is not enough: early on, and all along with the plain recipe, the divergence dips below the
 * bar and climbs out again. Only training time counts (not the checks), up to the first check.
 */
async function convergeSeed(o: BenchOptions, seed: number, confirm = 4): Promise<SeedRun> {
  const { cfg, source, data } = makeRun(o.recipe, seed);
  const trainer = new Trainer(specFromConfig(cfg), data);
  const ctx = makeEvalContext(source, seed);
  const rng = new Rng(seed).fork('bench-evaluation');
  let trainMs = 0;
  let last = { js: NaN, floor: NaN, acc: NaN };
  let first: SeedRun | null = null;
  let streak = 0;
  try {
    while (trainer.steps < o.maxSteps && (trainMs < o.capSeconds * 1000 || first)) {
      const t0 = performance.now();
      for (let i = 0; i < o.checkEvery; i++) trainer.step();
      await trainer.lossG!.data();
      trainMs += performance.now() - t0;
      const e = evaluate(trainer, ctx, rng);
      last = { js: e.js, floor: e.floor, acc: e.accuracy.overall };
      if (isSettled(e.js, e.floor, e.accuracy.overall)) {
        first ??= { seed, converged: true, steps: trainer.steps, seconds: trainMs / 1000, jsOverFloor: e.js / e.floor, accuracy: e.accuracy.overall };
        if (++streak > confirm) return first;
      } else {
        first = null;
        streak = 0;
      }
      await yieldToPage();
    }
    return { seed, converged: false, steps: trainer.steps, seconds: trainMs / 1000, jsOverFloor: last.js / last.floor, accuracy: last.acc };
  } finally {
    trainer.dispose();
  }
}

export async function runBench(o: BenchOptions, progress: (m: string) => void): Promise<BenchResult> {
  // the status line's words, read at each step (the result itself stays English and machine-readable)
  const words = () => t().bench.progress;
  progress(words().backend);
  const probeRun = makeRun(o.recipe, 1);
  const decision = await chooseBackend(o.backend, specFromConfig(probeRun.cfg), probeRun.data);
  progress(words().reference(fmt.int(o.referenceMs)));
  await yieldToPage();
  const refSpec = specFromConfig({ ...probeRun.cfg, recipe: 'plain' });
  const ref1 = timeReference(refSpec, probeRun.data, () => performance.now(), o.referenceMs);
  progress(words().headless);
  const h = await headlessRun(o, progress);
  await yieldToPage();
  const ref2 = timeReference(refSpec, probeRun.data, () => performance.now(), o.referenceMs);
  // the machine is shared: average the reference before and after the headless run
  const refRate = (ref1.stepsPerSecond + ref2.stepsPerSecond) / 2;
  progress(words().dp);
  const dp = await dpCost(o);
  const seeds: SeedRun[] = [];
  for (const seed of o.seeds) {
    progress(words().seed(String(seed)));
    seeds.push(await convergeSeed(o, seed));
  }
  const ok = seeds.filter((s) => s.converged);
  // a seed that never converged counts as not converged in the median (Infinity)
  const all = (f: (s: SeedRun) => number) => median(seeds.map((s) => (s.converged ? f(s) : Infinity)));
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  progress(words().done);
  return {
    backend: tf.getBackend(),
    requested: o.backend,
    recipe: o.recipe,
    decision: decision.reason,
    headlessStepsPerSecond: h.stepsPerSecond,
    headlessSteps: h.steps,
    kernelsPerStep: h.kernelsPerStep,
    referenceStepsPerSecond: refRate,
    ratioToReference: h.stepsPerSecond / refRate,
    convergeStepsMedian: finite(all((s) => s.steps)),
    convergeSecondsMedian: finite(all((s) => s.seconds)),
    convergedSeeds: ok.length,
    seeds,
    tensorsBefore: h.before,
    tensorsAfter: h.after,
    tensorsAfterDispose: h.afterDispose,
    tensorsAtStart: h.atStart,
    dp,
  };
}
