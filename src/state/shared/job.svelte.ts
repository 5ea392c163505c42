/**
 * A background job as reactive state: one or more calls of a task (src/workers/shared/tasks.ts)
 * run one after another in the job's own worker, with progress over all of them, each call's
 * result as soon as it arrives (a seed runner shows each seed when it finishes), error text, a
 * cancelled flag, the backend and the wall-clock time.
 *
 * Each Job has its own worker channel, so cancelling one (which terminates its worker: a
 * synchronous task cannot be interrupted any other way) leaves the others running. The worker
 * stays for the next start until `destroy()`.
 *
 * A feature makes its job with `new Job(task, { plan })`: `plan` turns what the view asks for
 * into the calls' argument tuples and the setup the results are shown with. `oneCallJob` is the
 * plan of a job that is a single call.
 */
import { closeChannel, runTask } from './workerClient';
import type { WorkerRunInfo, WorkerRunOptions } from './workerClient';
import type { TaskArgs, TaskName, TaskResult } from '../../workers/shared/tasks';
import { t } from '../../i18n';

/** Where a job's calls run: the worker client by default; tests pass one that runs in-process. */
export interface JobExecutor {
  run<K extends TaskName>(task: K, args: TaskArgs<K>, opts: WorkerRunOptions): Promise<WorkerRunInfo<TaskResult<K>>>;
  /** Release the channel's worker (after a job is destroyed). */
  close(channel: string): void;
}

export const workerExecutor: JobExecutor = { run: runTask, close: closeChannel };

export interface JobPlan<K extends TaskName, S> {
  /** Argument tuple of each call, in the order they run. */
  calls: TaskArgs<K>[];
  /** What the job was asked to do, kept with its results for their captions. */
  setup: S;
}

export interface JobOptions<K extends TaskName, In, S> {
  plan: (input: In) => JobPlan<K, S>;
  /** tfjs backend of the calls in the worker; 'none' for pure JavaScript tasks. Default wasm. */
  backend?: WorkerRunOptions['backend'];
  /**
   * Start of the error text when a call fails (the worker's message follows); a function is read
   * when the call fails, so the text is in the interface language of that moment.
   */
  failure?: string | (() => string);
  executor?: JobExecutor;
  /** Wall clock in ms. Default performance.now. */
  now?: () => number;
}

let jobCount = 0;

/** A finished call's result: a task that returns null was stopped early, which a job counts as cancelled. */
export type JobResult<K extends TaskName> = NonNullable<TaskResult<K>>;

const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

export class Job<K extends TaskName, In, S> {
  running = $state(false);
  /** Work units (training steps) done over all calls of the run, and the total. */
  done = $state(0);
  total = $state(0);
  /** Results of the run's calls that have finished, in order (kept when it is cancelled). */
  results = $state.raw<JobResult<K>[]>([]);
  /** The last call's result of the last run that finished; stays while a new run goes. */
  result = $state.raw<JobResult<K> | null>(null);
  /** What the running (or last started) run was asked to do. */
  setup = $state.raw<S | null>(null);
  /** What `result` was asked to do. */
  resultSetup = $state.raw<S | null>(null);
  error = $state<string | null>(null);
  /** The user stopped the last run. */
  cancelled = $state(false);
  /** The backend the last finished call ran on in the worker. */
  backend = $state('');
  /** Wall-clock seconds of the last run that finished. */
  seconds = $state(0);

  /** This job's worker channel (one worker per job). */
  readonly channel: string;
  private readonly executor: JobExecutor;
  private abort: AbortController | null = null;
  private token = 0;

  constructor(
    readonly task: K,
    private readonly opts: JobOptions<K, In, S>,
  ) {
    this.channel = `job-${++jobCount}-${task}`;
    this.executor = opts.executor ?? workerExecutor;
  }

  get percent(): number {
    return this.total ? Math.round((100 * this.done) / this.total) : 0;
  }

  /** Start a run (stopping one that is going). */
  start(input: In): void {
    this.cancel(false);
    const token = ++this.token;
    const { calls, setup } = this.opts.plan(input);
    const now = this.opts.now ?? (() => performance.now());
    this.setup = setup;
    this.results = [];
    this.error = null;
    this.cancelled = false;
    this.done = 0;
    this.total = 0;
    this.running = true;
    const abort = (this.abort = new AbortController());
    const t0 = now();
    // each call's progress; a call's total is known from its first report, and calls not yet
    // reported are counted at the mean of the known totals (the calls of a job are alike)
    const dones = calls.map(() => 0);
    const totals: (number | null)[] = calls.map(() => null);
    const update = () => {
      const known = totals.filter((t): t is number => t !== null);
      const mean = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 0;
      this.done = dones.reduce((a, b) => a + b, 0);
      this.total = known.reduce((a, b) => a + b, 0) + (calls.length - known.length) * mean;
    };
    const live = () => token === this.token;
    const runs = calls.map((args, k) =>
      this.executor
        .run(this.task, args, {
          channel: this.channel,
          backend: this.opts.backend ?? 'wasm',
          signal: abort.signal,
          onProgress: (done, total) => {
            if (!live()) return;
            dones[k] = done;
            totals[k] = total;
            update();
          },
        })
        .then(({ result, backend }) => {
          if (!live()) return;
          if (result === null || result === undefined) throw new DOMException('stopped', 'AbortError');
          totals[k] ??= dones[k];
          dones[k] = totals[k];
          update();
          this.results = [...this.results, result];
          this.backend = backend;
        }),
    );
    Promise.all(runs).then(
      () => {
        if (!live()) return;
        this.result = this.results.at(-1) ?? null;
        this.resultSetup = setup;
        this.seconds = (now() - t0) / 1000;
        this.done = this.total;
        this.running = false;
        this.abort = null;
      },
      (e: unknown) => {
        if (!live()) return;
        if (!isAbort(e)) this.error = `${this.failureText()}: ${e instanceof Error ? e.message : String(e)}`;
        this.cancel(false);
      },
    );
  }

  private failureText(): string {
    const f = this.opts.failure;
    return typeof f === 'function' ? f() : (f ?? t().shared.job.failed);
  }

  /** Stop the run (its worker is terminated); finished calls' results stay. */
  cancel(userAsked = true): void {
    const wasRunning = this.running;
    this.token++;
    this.running = false;
    if (wasRunning && userAsked) this.cancelled = true;
    const a = this.abort;
    this.abort = null;
    a?.abort();
  }

  /** Stop and release the job's worker (when its view goes). */
  destroy(): void {
    this.cancel(false);
    this.executor.close(this.channel);
  }
}

/** What a single-call job is started with: the call's arguments and the setup they show. */
export interface OneCall<K extends TaskName, S> {
  args: TaskArgs<K>;
  setup: S;
}

export type OneCallJob<K extends TaskName, S> = Job<K, OneCall<K, S>, S>;

/** A job that is one call of `task`, started with `{ args, setup }`. */
export function oneCallJob<K extends TaskName, S>(task: K, opts: Omit<JobOptions<K, OneCall<K, S>, S>, 'plan'> = {}): OneCallJob<K, S> {
  return new Job(task, { ...opts, plan: ({ args, setup }) => ({ calls: [args], setup }) });
}

/** What a progress display reads of any job. */
export type JobStatus = Pick<Job<TaskName, never, unknown>, 'running' | 'done' | 'total' | 'percent' | 'result' | 'error' | 'cancelled' | 'backend' | 'seconds'>;
