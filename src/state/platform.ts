/**
 * Browser glue for core: where the wasm binaries are served from, the frame host, and a
 * backend decision for a trainer spec.
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { tf } from '../core/tf';
import { BACKENDS, describeDecision, trialBackend, useBackend } from '../core/backend';
import type { BackendDecision, BackendName, TrialResult } from '../core/backend';
import type { BackendChoice } from '../core/config';
import type { LoopHost } from '../core/loop';
import { Trainer } from '../core/gan/trainer';
import type { TrainerSpec } from '../core/gan/trainer';
import type { PointSet } from '../core/datasets';

/** Absolute URLs, so the wasm loader never guesses a path. */
function abs(u: string): string {
  return new URL(u, document.baseURI).href;
}

export const backendOptions = {
  wasmPaths: {
    'tfjs-backend-wasm.wasm': abs(wasmPlain),
    'tfjs-backend-wasm-simd.wasm': abs(wasmSimd),
    'tfjs-backend-wasm-threaded-simd.wasm': abs(wasmThreaded),
  },
};

/** Training slices on zero-delay timers: input and rendering run between them. */
export const frameHost: LoopHost = {
  now: () => performance.now(),
  schedule: (cb) => setTimeout(cb, 0) as unknown as number,
  cancel: (id) => clearTimeout(id),
};

const decisions = new Map<string, BackendDecision>();

/** Networks of the same shape get the same decision. */
function sizeKey(spec: TrainerSpec): string {
  return JSON.stringify([spec.dim, spec.noiseDim, spec.generator.hidden, spec.detective.hidden, spec.batch, spec.recipe, spec.dSteps]);
}

/**
 * Put tfjs on a backend for this spec. A forced backend that cannot start falls back to the
 * automatic choice, and the reason says so.
 */
export async function chooseBackend(choice: BackendChoice, spec: TrainerSpec, data: PointSet, exclude: BackendName[] = []): Promise<BackendDecision> {
  if (choice !== 'auto' && !exclude.includes(choice)) {
    if (await useBackend(choice, backendOptions)) return { backend: choice, reason: describeDecision([], choice, true), trials: [] };
  }
  const key = sizeKey(spec) + exclude.join();
  const cached = decisions.get(key);
  if (cached && (await useBackend(cached.backend, backendOptions))) return cached;
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
