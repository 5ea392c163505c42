/**
 * Messages between the page (src/state/shared/workerClient.ts) and a task worker
 * (src/workers/shared/tasks.worker.ts, served by host.ts). A task is a core function run by name
 * on the worker's own tfjs backend; it reports progress while it runs and posts its result once.
 */
import type { BackendName } from '../../core/backend/backend';

export interface RunMessage {
  type: 'run';
  id: number;
  task: string;
  args: unknown[];
  /** The tfjs backend the task needs; none for tasks that only do JavaScript arithmetic. */
  backend?: Extract<BackendName, 'cpu' | 'wasm'>;
  /** Absolute URLs of the wasm binaries (the worker cannot resolve the page's asset URLs). */
  wasmPaths?: Record<string, string>;
}

export type ReplyMessage =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; result: unknown; backend: string; ms: number }
  | { type: 'error'; id: number; message: string };

/** Progress callback handed to a task: return false to stop it early. */
export type TaskProgress = (done: number, total: number) => boolean | void;

/**
 * A task: a core function adapted to (arguments, progress) → result (or a promise of it). Each
 * task types its own argument tuple; `never` here lets a table hold tasks of any argument type.
 */
export type Task = (args: never, progress: TaskProgress) => unknown;

/** Tasks by name: what a worker serves (see tasks.ts). */
export type TaskTable = Record<string, Task>;
