/**
 * Browser glue for core: the frame host, and a backend decision for a trainer spec (the wasm
 * binaries' URLs live in wasmAssets.ts and are re-exported here).
 */
import { tf } from '../../core/shared/tf';
import { BACKENDS, describeDecision, useBackend } from '../../core/backend/backend';
import type { BackendDecision, BackendName, TrialResult } from '../../core/backend/backend';
import { chooseBackend as chooseIn, loseWebglContext, sizeKey, watchWebglLoss } from '../../core/backend/choose';
import type { BackendChoice } from '../../core/settings/config';
import type { LoopHost } from '../../core/loop/loop';
import { taskHost } from '../../core/loop/host';
import type { TrainerSpec } from '../../core/gan/trainer';
import type { PointSet } from '../../core/data/datasets';
import { backendOptions } from './wasmAssets';
import { closeChannel, runInWorker } from '../shared/workerClient';
import type { LivePlatform } from '../shared/liveRun.svelte';
import { t } from '../../i18n';

export { backendOptions };

/** Training slices as message-channel tasks on the page's thread (core/loop/host.ts). */
export const frameHost: LoopHost = taskHost(() => performance.now());

const decisions = new Map<string, BackendDecision>();

/**
 * Put the page's tfjs on a backend for this spec (core/backend/choose.ts). An automatic choice
 * may start provisionally on wasm or cpu when a worker can measure the others meanwhile.
 */
export function chooseBackend(choice: BackendChoice, spec: TrainerSpec, data: PointSet, exclude: BackendName[] = [], opts: { quickStart?: boolean } = {}): Promise<BackendDecision> {
  return chooseIn(choice, spec, data, exclude, { quickStart: opts.quickStart && typeof Worker === 'function' }, { backend: backendOptions, now: () => performance.now(), cache: decisions });
}

/** The measured decision for a network of this size, if there is one yet (any thread can use it). */
export function cachedDecision(spec: TrainerSpec, exclude: readonly BackendName[]): BackendDecision | null {
  return decisions.get(sizeKey(spec) + exclude.join()) ?? null;
}

/**
 * Train the model for `ms` on each named backend in a fresh worker (after a warm-up step) and
 * return the steps per second of those that started, in the order asked. The worker is closed
 * afterwards: it holds a WebGL context and each backend's memory.
 */
export async function trialBackends(spec: TrainerSpec, data: PointSet, names: readonly BackendName[], ms: number, channel = 'trial'): Promise<TrialResult[]> {
  try {
    const plainData = { x: data.x, g: data.g, n: data.n, dim: data.dim };
    const out = await runInWorker<(TrialResult | null)[]>('backend.trial', [spec, plainData, [...names], ms, backendOptions.wasmPaths], { backend: 'none', channel });
    return out.result.filter((t): t is TrialResult => t !== null);
  } finally {
    closeChannel(channel);
  }
}

/**
 * Measure every available backend on this model in a worker (so training goes on meanwhile)
 * and return the fastest, cached per network size. The worker is closed afterwards: it holds a
 * WebGL context and each backend's memory.
 */
export async function measureBackends(spec: TrainerSpec, data: PointSet, exclude: BackendName[] = []): Promise<BackendDecision> {
  const key = sizeKey(spec) + exclude.join();
  const cached = decisions.get(key);
  if (cached) return cached;
  const names = BACKENDS.filter((b) => !exclude.includes(b));
  const trials = await trialBackends(spec, data, names, 250);
  if (!trials.length) throw new Error(t().shared.backend.noneMeasured);
  trials.sort((a, b) => b.stepsPerSecond - a.stepsPerSecond);
  const decision = { backend: trials[0].backend, reason: describeDecision(trials, trials[0].backend, false), trials };
  decisions.set(key, decision);
  return decision;
}

export { loseWebglContext, watchWebglLoss };

/** The live-run controller's backend side in the page: tfjs on this thread, WebGL watched here. */
export const pagePlatform: LivePlatform = {
  choose: chooseBackend,
  measure: measureBackends,
  use: (b) => useBackend(b, backendOptions),
  watchLoss: watchWebglLoss,
  now: () => performance.now(),
  tensors: () => tf.memory().numTensors,
};
