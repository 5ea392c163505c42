/**
 * Messages between the page and an experiment worker (src/workers/host.ts). A task is a core
 * function run by name on the worker's own tfjs backend; it reports progress while it runs.
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

/** A task: a core function adapted to (arguments, progress) → result. Runs synchronously. */
export type Task = (args: unknown[], progress: TaskProgress) => unknown;
