/**
 * The page side of experiments in a Web Worker: `runInWorker(task, args)` runs a core function
 * by name (see src/workers/experiments.worker.ts) on the worker's own cpu or wasm backend and
 * resolves with its result, reporting progress on the way. The page's thread only receives
 * messages, so it keeps answering input while an experiment trains. Abort with an AbortSignal:
 * the worker is terminated (a synchronous task cannot be interrupted any other way) and a
 * fresh one starts on the next call.
 */
import type { ReplyMessage, RunMessage } from '../workers/protocol';
import { backendOptions } from './platform';

export interface WorkerRunOptions {
  backend?: 'cpu' | 'wasm';
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface WorkerRunInfo<T> {
  result: T;
  /** The backend the task ran on in the worker and how long it took there. */
  backend: string;
  ms: number;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: WorkerRunInfo<unknown>) => void; reject: (e: unknown) => void; onProgress?: WorkerRunOptions['onProgress'] }>();

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('../workers/experiments.worker.ts', import.meta.url), { type: 'module', name: 'forgelab-experiments' });
  w.onmessage = (e: MessageEvent<ReplyMessage>) => {
    const m = e.data;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') p.onProgress?.(m.done, m.total);
    else {
      pending.delete(m.id);
      if (m.type === 'result') p.resolve({ result: m.result, backend: m.backend, ms: m.ms });
      else p.reject(new Error(m.message));
    }
  };
  w.onerror = (e) => {
    e.preventDefault();
    failAll(new Error(`the experiment worker failed: ${e.message || 'unknown error'}`));
  };
  worker = w;
  return w;
}

function failAll(err: Error): void {
  worker?.terminate();
  worker = null;
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

/** Run a named task in the experiments worker. Calls queue up and run one after another. */
export function runInWorker<T>(task: string, args: unknown[], opts: WorkerRunOptions = {}): Promise<WorkerRunInfo<T>> {
  if (opts.signal?.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
  const id = nextId++;
  const w = getWorker();
  return new Promise<WorkerRunInfo<T>>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (r: WorkerRunInfo<unknown>) => void, reject, onProgress: opts.onProgress });
    opts.signal?.addEventListener('abort', () => failAll(new DOMException('aborted', 'AbortError')), { once: true });
    const msg: RunMessage = { type: 'run', id, task, args, backend: opts.backend ?? 'wasm', wasmPaths: backendOptions.wasmPaths };
    w.postMessage(msg);
  });
}
