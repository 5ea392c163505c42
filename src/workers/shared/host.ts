/**
 * The worker side of background jobs: `serve(tasks)` answers run messages one after another by
 * loading the requested backend (cpu or wasm; core code is the same as in the page), running the
 * named task and posting its progress and result. Progress is posted while the task runs, so the
 * page can draw a progress bar; the page stops a task by terminating the worker.
 *
 * `runTask` is the dispatch itself, with the message sink passed in, so it also runs in Node
 * (tests) and anywhere a task must run without a worker.
 */
import { tf } from '../../core/shared/tf';
import { useBackend } from '../../core/backend/backend';
import type { ReplyMessage, RunMessage, TaskTable } from './protocol';

declare const self: {
  onmessage: ((e: MessageEvent<RunMessage>) => void) | null;
  postMessage(m: ReplyMessage): void;
};

export interface RunTaskOptions {
  /** Clock for throttling progress and timing the task. */
  now?: () => number;
  /** Asked at every progress report: true stops the task (its progress callback returns false). */
  stop?: () => boolean;
  /** Least milliseconds between progress messages (the last one is always sent). Default 50. */
  every?: number;
}

/** Run one message's task and post its progress and its result or error to `post`. */
export async function runTask(tasks: TaskTable, msg: RunMessage, post: (m: ReplyMessage) => void, o: RunTaskOptions = {}): Promise<void> {
  const { id } = msg;
  const now = o.now ?? (() => performance.now());
  const every = o.every ?? 50;
  try {
    const task = Object.hasOwn(tasks, msg.task) ? tasks[msg.task] : undefined;
    if (!task) throw new Error(`no task "${msg.task}" in this worker`);
    if (msg.backend && !(await useBackend(msg.backend, { wasmPaths: msg.wasmPaths })) && !(await useBackend('cpu'))) throw new Error('no backend could start in the worker');
    const t0 = now();
    let lastPost = -Infinity;
    const result = await task(msg.args as never, (done, total) => {
      const t = now();
      // at most one message per `every` ms, and always the last one
      if (t - lastPost >= every || done >= total) {
        lastPost = t;
        post({ type: 'progress', id, done, total });
      }
      return !o.stop?.();
    });
    post({ type: 'result', id, result, backend: msg.backend ? tf.getBackend() : 'none', ms: now() - t0 });
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
}

/** Make this worker answer run messages with `tasks`, one at a time in arrival order. */
export function serve(tasks: TaskTable): void {
  let queue = Promise.resolve();
  self.onmessage = (e) => {
    const msg = e.data;
    if (msg?.type !== 'run') return;
    queue = queue.then(() => runTask(tasks, msg, (m) => self.postMessage(m)));
  };
}
