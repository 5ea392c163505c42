/**
 * Choosing the backend a live run starts on, wherever the run lives (the page's thread or the
 * live training worker): a forced backend if it starts, a cached decision for a network of this
 * size, a quick provisional start on wasm or cpu while the caller measures the others elsewhere,
 * or a measured trial of every backend here.
 */
import { tf } from '../shared/tf';
import { BACKENDS, describeDecision, trialBackend, useBackend } from './backend';
import type { BackendDecision, BackendName, BackendOptions, TrialResult } from './backend';
import type { BackendChoice } from '../settings/config';
import { Trainer } from '../gan/trainer';
import type { TrainerSpec } from '../gan/trainer';
import type { PointSet } from '../data/datasets';

/** Networks of the same shape get the same decision. */
export function sizeKey(spec: TrainerSpec): string {
  return JSON.stringify([spec.dim, spec.noiseDim, spec.generator.hidden, spec.detective.hidden, spec.batch, spec.recipe, spec.dSteps]);
}

/** Backends that start at once (no shader compilation), in the order to try them. */
const QUICK: readonly BackendName[] = ['wasm', 'cpu'];

export interface ChooseOptions {
  /**
   * An automatic choice that has not been measured for this network size starts at once on wasm
   * (or cpu), marked provisional; the caller then measures every backend (in a worker) and moves
   * the run to the winner. WebGL's shaders take seconds to compile, so measuring it first would
   * hold up the first step. Only when the caller can measure elsewhere.
   */
  quickStart?: boolean;
}

/**
 * Put tfjs on a backend for this spec. A forced backend that cannot start falls back to the
 * automatic choice, and the reason says so.
 */
export async function chooseBackend(
  choice: BackendChoice,
  spec: TrainerSpec,
  data: PointSet,
  exclude: readonly BackendName[],
  opts: ChooseOptions,
  env: { backend: BackendOptions; now: () => number; cache: Map<string, BackendDecision> },
): Promise<BackendDecision> {
  if (choice !== 'auto' && !exclude.includes(choice)) {
    if (await useBackend(choice, env.backend)) return { backend: choice, reason: describeDecision([], choice, true), trials: [] };
  }
  const key = sizeKey(spec) + exclude.join();
  const cached = env.cache.get(key);
  if (cached && (await useBackend(cached.backend, env.backend))) return cached;
  if (opts.quickStart && choice === 'auto') {
    for (const name of QUICK) {
      if (!exclude.includes(name) && (await useBackend(name, env.backend))) {
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
      env.now,
      200,
      env.backend,
    );
    (trainer as Trainer | null)?.dispose();
    if (result) trials.push(result);
  }
  if (!trials.length) throw new Error('No compute backend could start in this browser.');
  trials.sort((a, b) => b.stepsPerSecond - a.stepsPerSecond);
  const best = trials[0].backend;
  await useBackend(best, env.backend);
  let reason = describeDecision(trials, best, false);
  if (choice !== 'auto') reason = `${choice} could not start here, so ${reason}`;
  const decision = { backend: best, reason, trials };
  env.cache.set(key, decision);
  return decision;
}

interface GlShape {
  canvas?: unknown;
  getExtension(name: string): unknown;
}

/** The WebGL context tfjs computes on in this realm (page or worker), if it made one. */
function webglContext(): GlShape | null {
  try {
    return (tf.findBackend('webgl') as unknown as { gpgpu?: { gl?: GlShape } } | null)?.gpgpu?.gl ?? null;
  } catch {
    return null;
  }
}

interface EventTargetShape {
  addEventListener(type: string, fn: () => void): void;
  removeEventListener(type: string, fn: () => void): void;
}

/**
 * Call `onLost` when tfjs's WebGL context is lost; returns an unsubscribe. tfjs swallows the
 * event on its own canvas (a canvas element in the page, an OffscreenCanvas in a worker: both
 * fire `webglcontextlost`), so we listen there too.
 */
export function watchWebglLoss(onLost: () => void): () => void {
  const canvas = webglContext()?.canvas as Partial<EventTargetShape> | undefined;
  if (!canvas || typeof canvas.addEventListener !== 'function') return () => {};
  const handler = () => onLost();
  canvas.addEventListener('webglcontextlost', handler);
  return () => canvas.removeEventListener?.('webglcontextlost', handler);
}

/** Force a context loss (the fault tests and the bench). */
export function loseWebglContext(): boolean {
  const ext = webglContext()?.getExtension('WEBGL_lose_context') as { loseContext(): void } | null | undefined;
  if (!ext) return false;
  ext.loseContext();
  return true;
}
