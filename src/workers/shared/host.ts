/**
 * The worker side of experiments: `serve(tasks)` answers run messages by loading the requested
 * backend (cpu or wasm; core code is the same as in the page), running the named task and
 * posting its progress and result. Progress is posted while the task runs, so the page can
 * draw a progress bar; the page stops a task by terminating the worker.
 */
import { tf } from '../../core/shared/tf';
import { useBackend } from '../../core/backend/backend';
import type { ReplyMessage, RunMessage, Task } from './protocol';

declare const self: {
  onmessage: ((e: MessageEvent<RunMessage>) => void) | null;
  postMessage(m: ReplyMessage): void;
};

export function serve(tasks: Record<string, Task>): void {
  let queue = Promise.resolve();
  self.onmessage = (e) => {
    const msg = e.data;
    if (msg?.type !== 'run') return;
    queue = queue.then(() => run(tasks, msg));
  };
}

async function run(tasks: Record<string, Task>, msg: RunMessage): Promise<void> {
  const { id } = msg;
  try {
    const task = tasks[msg.task];
    if (!task) throw new Error(`no task "${msg.task}" in this worker`);
    if (msg.backend && !(await useBackend(msg.backend, { wasmPaths: msg.wasmPaths })) && !(await useBackend('cpu'))) throw new Error('no backend could start in the worker');
    const t0 = performance.now();
    let lastPost = -Infinity;
    const result = task(msg.args, (done, total) => {
      const now = performance.now();
      // at most ~20 messages a second, and always the last one
      if (now - lastPost > 50 || done >= total) {
        lastPost = now;
        self.postMessage({ type: 'progress', id, done, total });
      }
      return true;
    });
    self.postMessage({ type: 'result', id, result: await result, backend: msg.backend ? tf.getBackend() : 'none', ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
}
