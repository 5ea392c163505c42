/**
 * One experiment run in a Web Worker as reactive state: progress, result, error, cancel. Each
 * TaskRun has its own worker channel, so cancelling one (which terminates its worker) leaves
 * the others running.
 */
import { runInWorker } from './workerClient';

export class TaskRun<T, S = unknown> {
  running = $state(false);
  done = $state(0);
  total = $state(0);
  result = $state.raw<T | null>(null);
  /** What the running (or last started) run was asked to do. */
  setup = $state.raw<S | null>(null);
  /** What the shown result was asked to do, for its captions. */
  resultSetup = $state.raw<S | null>(null);
  error = $state<string | null>(null);
  cancelled = $state(false);
  backend = $state('');
  seconds = $state(0);

  private abort: AbortController | null = null;
  private token = 0;

  constructor(
    private readonly task: string,
    private readonly channel: string,
  ) {}

  get percent(): number {
    return this.total ? Math.round((100 * this.done) / this.total) : 0;
  }

  start(args: unknown[], setup: S): void {
    this.cancel(false);
    const token = ++this.token;
    this.running = true;
    this.cancelled = false;
    this.error = null;
    this.done = 0;
    this.total = 0;
    this.setup = setup;
    const abort = (this.abort = new AbortController());
    const t0 = performance.now();
    runInWorker<T | null>(this.task, args, {
      channel: this.channel,
      backend: 'wasm',
      signal: abort.signal,
      onProgress: (done, total) => {
        if (token !== this.token) return;
        this.done = done;
        this.total = total;
      },
    }).then(
      ({ result, backend }) => {
        if (token !== this.token) return;
        this.result = result;
        this.resultSetup = setup;
        this.backend = backend;
        this.seconds = (performance.now() - t0) / 1000;
        this.done = this.total;
        this.running = false;
        this.abort = null;
      },
      (e: unknown) => {
        if (token !== this.token) return;
        if (!(e instanceof DOMException && e.name === 'AbortError')) this.error = `The experiment failed in the background worker: ${e instanceof Error ? e.message : String(e)}`;
        this.cancel(false);
      },
    );
  }

  /** Stop the run (its worker is terminated); the last finished result stays. */
  cancel(userAsked = true): void {
    const wasRunning = this.running;
    this.token++;
    this.running = false;
    if (wasRunning && userAsked) this.cancelled = true;
    const a = this.abort;
    this.abort = null;
    a?.abort();
  }
}
