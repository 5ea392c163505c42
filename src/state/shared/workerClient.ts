/**
 * The one page-side client of the task worker: `runTask(task, args)` runs a core function by
 * name (the table in src/workers/shared/tasks.ts) on the worker's own cpu or wasm backend and
 * resolves with its result, reporting progress on the way. The page's thread only receives
 * messages, so it keeps answering input while an experiment trains. Background jobs
 * (job.svelte.ts) are built on it; `runInWorker` is the same call without the name's types
 * (for the test and bench hooks, which pass names as strings).
 *
 * Each channel is its own worker and runs its calls one after another: long experiments on
 * one channel do not hold up the playground's live metrics on another. Abort with an
 * AbortSignal: the channel's worker is terminated (a synchronous task cannot be interrupted any
 * other way), its queued calls fail, and a fresh worker starts on the next call.
 */
import type { ReplyMessage, RunMessage } from '../../workers/shared/protocol';
import type { TaskArgs, TaskName, TaskResult } from '../../workers/shared/tasks';
import { backendOptions } from '../platform/wasmAssets';
import { t } from '../../i18n';

export interface WorkerRunOptions {
  /** tfjs backend for the task; 'none' for pure JavaScript tasks. Default wasm. */
  backend?: 'cpu' | 'wasm' | 'none';
  /** Which worker: calls on one channel queue up; channels run in parallel. Default 'experiments'. */
  channel?: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface WorkerRunInfo<T> {
  result: T;
  /** The backend the task ran on in the worker and how long it took there. */
  backend: string;
  ms: number;
}

interface Pending {
  resolve: (r: WorkerRunInfo<unknown>) => void;
  reject: (e: unknown) => void;
  onProgress?: WorkerRunOptions['onProgress'];
}

class Channel {
  private worker: Worker | null = null;
  readonly pending = new Map<number, Pending>();

  get(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('../../workers/shared/tasks.worker.ts', import.meta.url), { type: 'module', name: 'forgelab-tasks' });
    w.onmessage = (e: MessageEvent<ReplyMessage>) => {
      const m = e.data;
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.onProgress?.(m.done, m.total);
      else {
        this.pending.delete(m.id);
        if (m.type === 'result') p.resolve({ result: m.result, backend: m.backend, ms: m.ms });
        else p.reject(new Error(m.message));
      }
    };
    w.onerror = (e) => {
      e.preventDefault();
      this.fail(new Error(t().shared.job.workerStopped(e.message || t().shared.live.unknownError)));
    };
    this.worker = w;
    return w;
  }

  fail(err: unknown): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

const channels = new Map<string, Channel>();
let nextId = 1;

/** Stop a channel's worker (its queued calls fail); the next call starts a fresh one. */
export function closeChannel(name: string): void {
  const ch = channels.get(name);
  if (!ch) return;
  ch.fail(new DOMException('closed', 'AbortError'));
  channels.delete(name);
}

/** Whether this browser can run experiments off the page's thread. */
export const workersAvailable = typeof Worker === 'function';

/** Run a task of the table in a worker, its arguments and result typed by its name. */
export function runTask<K extends TaskName>(task: K, args: TaskArgs<K>, opts: WorkerRunOptions = {}): Promise<WorkerRunInfo<TaskResult<K>>> {
  return runInWorker<TaskResult<K>>(task, args, opts);
}

/** Run a task by a name given as a string (an unknown name fails with the worker's message). */
export function runInWorker<T>(task: string, args: unknown[], opts: WorkerRunOptions = {}): Promise<WorkerRunInfo<T>> {
  if (opts.signal?.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
  const name = opts.channel ?? 'experiments';
  let ch = channels.get(name);
  if (!ch) channels.set(name, (ch = new Channel()));
  const channel = ch;
  const id = nextId++;
  let w: Worker;
  try {
    w = channel.get();
  } catch (e) {
    return Promise.reject(new Error(t().shared.job.noWorker(e instanceof Error ? e.message : String(e))));
  }
  return new Promise<WorkerRunInfo<T>>((resolve, reject) => {
    channel.pending.set(id, { resolve: resolve as (r: WorkerRunInfo<unknown>) => void, reject, onProgress: opts.onProgress });
    opts.signal?.addEventListener('abort', () => channel.fail(new DOMException('aborted', 'AbortError')), { once: true });
    const backend = opts.backend ?? 'wasm';
    const msg: RunMessage = { type: 'run', id, task, args, backend: backend === 'none' ? undefined : backend, wasmPaths: backendOptions.wasmPaths };
    w.postMessage(msg);
  });
}
