/**
 * Compute backends. Each backend is imported on demand (wasm and webgl are large), so the page
 * starts fast. `auto` runs a short measured trial of the current model on every available
 * backend and keeps the fastest, saying why.
 */
import { tf } from '../shared/tf';
import type { BackendChoice } from '../settings/config';

export type BackendName = 'webgl' | 'wasm' | 'cpu';
export const BACKENDS: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

export interface BackendOptions {
  /** Where the wasm binaries are served from (a folder URL ending in '/'), or a map of file URLs. */
  wasmPaths?: string | Record<string, string>;
}

const loaded = new Map<BackendName, Promise<boolean>>();

/** Import and register a backend once; false when it cannot run here. */
export function loadBackend(name: BackendName, opts: BackendOptions = {}): Promise<boolean> {
  let p = loaded.get(name);
  if (!p) {
    p = (async () => {
      try {
        if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
        else if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
        else {
          const wasm = await import('@tensorflow/tfjs-backend-wasm');
          if (opts.wasmPaths) wasm.setWasmPaths(opts.wasmPaths as string);
          // transposed products fall off XNNPACK's fast path; every backward pass has them
          (await import('./wasmMatMul')).patchWasmMatMul();
        }
        const ok = await tf.setBackend(name);
        return ok;
      } catch {
        return false;
      }
    })();
    loaded.set(name, p);
  }
  return p;
}

export async function useBackend(name: BackendName, opts: BackendOptions = {}): Promise<boolean> {
  if (!(await loadBackend(name, opts))) return false;
  try {
    const ok = await tf.setBackend(name);
    await tf.ready();
    return ok;
  } catch {
    return false;
  }
}

export interface TrialResult {
  backend: BackendName;
  stepsPerSecond: number;
}

export interface BackendDecision {
  backend: BackendName;
  reason: string;
  trials: TrialResult[];
  /** Training started here before the trial finished; the measured choice follows. */
  provisional?: boolean;
}

/**
 * Time `work` (a few training steps of the real model) on a backend: warm up once (shader
 * compilation), then count how many runs fit in `ms`, waiting for the device at the end.
 */
export async function trialBackend(
  name: BackendName,
  work: () => tf.Tensor,
  now: () => number,
  ms = 250,
  opts: BackendOptions = {},
): Promise<TrialResult | null> {
  if (!(await useBackend(name, opts))) return null;
  try {
    const warm = work();
    await warm.data();
    warm.dispose();
    const t0 = now();
    let runs = 0;
    let last: tf.Tensor | null = null;
    while (now() - t0 < ms) {
      last?.dispose();
      last = work();
      runs++;
      // let asynchronous backends drain now and then so the count means finished work
      if (runs % 8 === 0) await last.data();
    }
    if (last) {
      await last.data();
      last.dispose();
    }
    const secs = (now() - t0) / 1000;
    return { backend: name, stepsPerSecond: runs / secs };
  } catch {
    return null;
  }
}

export function describeDecision(trials: TrialResult[], chosen: BackendName, forced: boolean): string {
  if (forced) return `${chosen}, chosen in the settings`;
  if (trials.length <= 1) return `${chosen}, the only backend that started here`;
  const sorted = [...trials].sort((a, b) => b.stepsPerSecond - a.stepsPerSecond);
  const runner = sorted[1];
  const best = sorted[0];
  const factor = best.stepsPerSecond / Math.max(1e-9, runner.stepsPerSecond);
  const rates = sorted.map((t) => `${t.backend} ${Math.round(t.stepsPerSecond).toLocaleString('en-US')}`).join(', ');
  return `${best.backend}: ${factor.toFixed(1)}× faster than ${runner.backend} on this model in a quick trial (${rates} steps/s)`;
}

export function isBackendName(x: BackendChoice | string): x is BackendName {
  return (BACKENDS as readonly string[]).includes(x);
}
