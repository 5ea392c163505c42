/**
 * Browser glue for core: the frame host, and a backend decision for a trainer spec (the wasm
 * binaries' URLs live in wasmAssets.ts and are re-exported here).
 */
import { tf } from '../../core/shared/tf';
import { BACKENDS, describeDecision, trialBackend, useBackend } from '../../core/backend/backend';
import type { BackendDecision, BackendName, TrialResult } from '../../core/backend/backend';
import type { BackendChoice } from '../../core/settings/config';
import type { LoopHost } from '../../core/loop/loop';
import { Trainer } from '../../core/gan/trainer';
import type { TrainerSpec } from '../../core/gan/trainer';
import type { PointSet } from '../../core/data/datasets';
import { backendOptions } from './wasmAssets';
import { closeChannel, runInWorker } from '../shared/workerClient';
import type { LivePlatform } from '../shared/liveRun.svelte';

export { backendOptions };

/**
 * Training slices as message-channel tasks: input and rendering run between them (Chrome gives
 * both priority over posted tasks), and unlike a chain of zero-delay timers they are not clamped
 * to 4 ms apart, which left a third of the time idle.
 */
function messageHost(): LoopHost {
  const queue = new Map<number, () => void>();
  let next = 1;
  const channel = new MessageChannel();
  channel.port1.onmessage = (e: MessageEvent<number>) => {
    const cb = queue.get(e.data);
    if (!cb) return;
    queue.delete(e.data);
    cb();
  };
  return {
    now: () => performance.now(),
    schedule: (cb) => {
      const id = next++;
      queue.set(id, cb);
      channel.port2.postMessage(id);
      return id;
    },
    cancel: (id) => void queue.delete(id),
  };
}

export const frameHost: LoopHost = typeof MessageChannel === 'function' ? messageHost() : {
  now: () => performance.now(),
  schedule: (cb) => setTimeout(cb, 0) as unknown as number,
  cancel: (id) => clearTimeout(id),
};

const decisions = new Map<string, BackendDecision>();

/** Networks of the same shape get the same decision. */
function sizeKey(spec: TrainerSpec): string {
  return JSON.stringify([spec.dim, spec.noiseDim, spec.generator.hidden, spec.detective.hidden, spec.batch, spec.recipe, spec.dSteps]);
}

/** Backends that start at once (no shader compilation), in the order to try them. */
const QUICK: readonly BackendName[] = ['wasm', 'cpu'];

/**
 * Put tfjs on a backend for this spec. A forced backend that cannot start falls back to the
 * automatic choice, and the reason says so. With `quickStart`, an automatic choice that has not
 * been measured for this network size starts at once on wasm (or cpu) and says so; the caller
 * then runs `measureBackends` and moves to the winner (WebGL's shaders take seconds to compile,
 * so measuring it first would hold up the first step).
 */
export async function chooseBackend(choice: BackendChoice, spec: TrainerSpec, data: PointSet, exclude: BackendName[] = [], opts: { quickStart?: boolean } = {}): Promise<BackendDecision> {
  if (choice !== 'auto' && !exclude.includes(choice)) {
    if (await useBackend(choice, backendOptions)) return { backend: choice, reason: describeDecision([], choice, true), trials: [] };
  }
  const key = sizeKey(spec) + exclude.join();
  const cached = decisions.get(key);
  if (cached && (await useBackend(cached.backend, backendOptions))) return cached;
  if (opts.quickStart && choice === 'auto' && typeof Worker === 'function') {
    for (const name of QUICK) {
      if (!exclude.includes(name) && (await useBackend(name, backendOptions))) {
        return { backend: name, reason: `${name} to start with, while each backend is measured on this model`, trials: [], provisional: true };
      }
    }
  }
  const trials: TrialResult[] = [];
  for (const name of BACKENDS) {
    if (exclude.includes(name)) continue;
    let trainer: Trainer | null = null;
    const result = await trialBackend(
      name,
      () => {
        trainer ??= new Trainer(spec, data);
        trainer.step();
        return tf.clone(trainer.lossG!);
      },
      () => performance.now(),
      200,
      backendOptions,
    );
    (trainer as Trainer | null)?.dispose();
    if (result) trials.push(result);
  }
  if (!trials.length) throw new Error('No compute backend could start in this browser.');
  trials.sort((a, b) => b.stepsPerSecond - a.stepsPerSecond);
  const best = trials[0].backend;
  await useBackend(best, backendOptions);
  let reason = describeDecision(trials, best, false);
  if (choice !== 'auto') reason = `${choice} could not start here, so ${reason}`;
  const decision = { backend: best, reason, trials };
  decisions.set(key, decision);
  return decision;
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
  if (!trials.length) throw new Error('No backend could be measured.');
  trials.sort((a, b) => b.stepsPerSecond - a.stepsPerSecond);
  const decision = { backend: trials[0].backend, reason: describeDecision(trials, trials[0].backend, false), trials };
  decisions.set(key, decision);
  return decision;
}

interface WebglBackendShape {
  gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
}

function webglContext(): WebGLRenderingContext | WebGL2RenderingContext | null {
  try {
    return (tf.findBackend('webgl') as unknown as WebglBackendShape | null)?.gpgpu?.gl ?? null;
  } catch {
    return null;
  }
}

/** Call `onLost` when the WebGL context tfjs draws on is lost; returns an unsubscribe. */
export function watchWebglLoss(onLost: () => void): () => void {
  const canvas = webglContext()?.canvas as HTMLCanvasElement | undefined;
  if (!canvas || !('addEventListener' in canvas)) return () => {};
  const handler = () => onLost();
  canvas.addEventListener('webglcontextlost', handler);
  return () => canvas.removeEventListener('webglcontextlost', handler);
}

/** Force a context loss (tests and the bench use it through window.forgelab). */
export function loseWebglContext(): boolean {
  const ext = webglContext()?.getExtension('WEBGL_lose_context');
  if (!ext) return false;
  ext.loseContext();
  return true;
}

/** The live-run controller's backend side in the page: tfjs on this thread, WebGL watched here. */
export const pagePlatform: LivePlatform = {
  choose: chooseBackend,
  measure: measureBackends,
  use: (b) => useBackend(b, backendOptions),
  watchLoss: watchWebglLoss,
  now: () => performance.now(),
  tensors: () => tf.memory().numTensors,
};
