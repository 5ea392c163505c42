// The one background-job abstraction: the worker host's dispatch (runTask) over the real task
// table, and Jobs (the two seed runners, a one-call experiment job) run in-process through the
// same dispatch, with progress, partial results, cancel (the progress callback returns false),
// errors and one channel per job.
import { beforeAll, describe, expect, it, vi } from 'vitest';
// the worker client (the jobs' default executor) resolves the wasm binaries' URLs against the
// page's address when it loads; Node has no page, so give it one
vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { baseURI: 'http://localhost/' };
});
import { useCpu } from '../../shared/setup';
import { runTask } from '../../../src/workers/shared/host';
import { tasks } from '../../../src/workers/shared/tasks';
import type { ReplyMessage, TaskProgress, TaskTable } from '../../../src/workers/shared/protocol';
import { runFaceSeed } from '../../../src/workers/faces/facesRun';
import type { FaceSeedArgs } from '../../../src/workers/faces/facesRun';
import { Job, oneCallJob } from '../../../src/state/shared/job.svelte';
import type { JobExecutor } from '../../../src/state/shared/job.svelte';
import type { WorkerRunInfo } from '../../../src/state/shared/workerClient';
import { FaceSeedRunner } from '../../../src/state/faces/facesRunner.svelte';
import { MAX_SEED_STEPS, MIN_SEED_STEPS, SeedRunner } from '../../../src/state/playground/seedRunner.svelte';
import { DEFAULT_CONFIG } from '../../../src/core/settings/config';
import { makeSource } from '../../../src/core/data/datasets';
import { MAX_SEEDS, medianRatios } from '../../../src/core/skew/skew';

beforeAll(useCpu);

/** Run one message through the host and collect what it posts. */
async function dispatch(task: string, args: unknown[], stopAfter = Infinity): Promise<ReplyMessage[]> {
  const out: ReplyMessage[] = [];
  let reports = 0;
  await runTask(tasks, { type: 'run', id: 7, task, args }, (m) => out.push(m), { every: 0, stop: () => ++reports >= stopAfter });
  return out;
}

/**
 * An executor that runs calls in this thread through the host's dispatch, one after another per
 * channel and each after a turn of the event loop, as a worker does; the abort signal makes the
 * task's progress callback return false. `table` defaults to the real task table.
 */
function inProcess(table: TaskTable = tasks): JobExecutor & { channels: string[]; closed: string[] } {
  let id = 0;
  const channels: string[] = [];
  const closed: string[] = [];
  const queues = new Map<string, Promise<unknown>>();
  return {
    channels,
    closed,
    close: (ch) => void closed.push(ch),
    run: (task, args, opts) => {
      const ch = opts.channel!;
      channels.push(ch);
      const stop = () => !!opts.signal?.aborted;
      const call = (queues.get(ch) ?? Promise.resolve()).then(
        () =>
          new Promise<WorkerRunInfo<never>>((resolve, reject) =>
            setTimeout(() => {
              if (stop()) return reject(new DOMException('aborted', 'AbortError'));
              void runTask(table, { type: 'run', id: ++id, task, args }, (m) => {
                if (m.type === 'progress') opts.onProgress?.(m.done, m.total);
                else if (m.type === 'error') reject(new Error(m.message));
                else if (stop()) reject(new DOMException('aborted', 'AbortError'));
                else resolve({ result: m.result, backend: m.backend, ms: m.ms } as WorkerRunInfo<never>);
              }, { every: 0, stop });
            }),
          ),
      );
      queues.set(ch, call.catch(() => {}));
      return call;
    },
  };
}

/**
 * A light stand-in for the faces seed task with the same arguments and result shape (the real
 * one trains for seconds per step on a shared machine's cpu backend; it is run for real through
 * the host above and in test/browser/faces.test.ts). `onStep` sees every step.
 */
function lightFaces(onStep: (seed: number, step: number) => void = () => {}): TaskTable {
  return {
    'faces.runSeed': (args: [FaceSeedArgs], progress: TaskProgress) => {
      const a = args[0];
      let s = 0;
      while (s < a.steps) {
        s++;
        onStep(a.seed, s);
        if (progress(s, a.steps) === false) break;
      }
      return { ...a, steps: s, share: a.seed / 100 };
    },
  };
}

/** Wait until the job stops running. */
async function settled(job: { running: boolean }): Promise<void> {
  for (let i = 0; i < 2000 && job.running; i++) await new Promise((r) => setTimeout(r, 5));
}

describe('worker host dispatch', () => {
  it('runs a task by name with progress, then posts the same result as the direct call', async () => {
    const args = { darker: 0.2, size: 16 as const, seed: 3, steps: 2 };
    const out = await dispatch('faces.runSeed', [args]);
    const progress = out.filter((m) => m.type === 'progress');
    expect(progress.map((m) => m.type === 'progress' && [m.id, m.done, m.total])).toEqual([[7, 1, 2], [7, 2, 2]]);
    const last = out.at(-1)!;
    expect(last.type).toBe('result');
    if (last.type !== 'result') return;
    expect(last.backend).toBe('none');
    const direct = runFaceSeed(args);
    const r = last.result as typeof direct;
    expect(r.steps).toBe(2);
    expect(r.counts).toEqual(direct.counts);
    expect(r.shares).toEqual(direct.shares);
  });

  it('stops a task when its progress callback returns false (a stopped seed run resolves null)', async () => {
    const out = await dispatch('skew.runSeed', [{ ...DEFAULT_CONFIG, seed: 2 }, 500, 1], 3);
    expect(out.map((m) => (m.type === 'progress' ? m.done : m.type))).toEqual([1, 2, 3, 'result']);
    expect(out.at(-1)).toMatchObject({ type: 'result', result: null });
  });

  it('throttles progress to one message per interval and always sends the last', async () => {
    const out: ReplyMessage[] = [];
    let t = 0;
    const table = { count: (args: [n: number], progress: (d: number, n: number) => unknown) => {
      for (let i = 1; i <= args[0]; i++) { t += 10; progress(i, args[0]); }
      return args[0];
    } };
    await runTask(table, { type: 'run', id: 1, task: 'count', args: [12] }, (m) => out.push(m), { now: () => t, every: 50 });
    expect(out.filter((m) => m.type === 'progress').map((m) => m.type === 'progress' && m.done)).toEqual([1, 6, 11, 12]);
    expect(out.at(-1)).toMatchObject({ type: 'result', result: 12, ms: 120 });
  });

  it('answers an unknown task, or a task that throws, with an error message', async () => {
    expect(await dispatch('no.such', [])).toEqual([{ type: 'error', id: 7, message: 'no task "no.such" in this worker' }]);
    expect(await dispatch('toString', [])).toEqual([{ type: 'error', id: 7, message: 'no task "toString" in this worker' }]);
    const out: ReplyMessage[] = [];
    await runTask({ bad: () => { throw new Error('boom'); } }, { type: 'run', id: 2, task: 'bad', args: [] }, (m) => out.push(m));
    expect(out).toEqual([{ type: 'error', id: 2, message: 'boom' }]);
  });
});

describe('Job', () => {
  it('faces seed runner: each seed shows as it finishes, progress over all seeds, then done', async () => {
    const ex = inProcess(lightFaces());
    const runner = new FaceSeedRunner(ex);
    const seen: [number, number, number][] = [];
    const watched: FaceSeedRunner = new FaceSeedRunner(
      inProcess(
        lightFaces((_, step) => {
          if (step === 1) seen.push([watched.results.length, watched.done, watched.total]);
        }),
      ),
    );
    runner.start({ darker: 0.2, size: 16, firstSeed: 5, count: 3, steps: 4 });
    expect(runner.running).toBe(true);
    expect(runner.batch).toEqual({ darker: 0.2, size: 16, seeds: [5, 6, 7], steps: 4, backend: 'wasm' });
    await settled(runner);
    expect(runner.running).toBe(false);
    expect(runner.error).toBeNull();
    expect(runner.results.map((r) => [r.seed, r.steps])).toEqual([[5, 4], [6, 4], [7, 4]]);
    expect([runner.done, runner.total, runner.percent]).toEqual([12, 12, 100]);
    expect(runner.result).toBe(runner.results[2]);
    expect(runner.resultSetup).toEqual({ darker: 0.2, size: 16, seeds: [5, 6, 7], steps: 4 });
    expect(runner.batch?.backend).toBe('none');
    expect(runner.seconds).toBeGreaterThan(0);
    expect(new Set(ex.channels)).toEqual(new Set([runner.channel]));
    // as each seed starts, the seeds before it are shown and counted; the total is known after
    // the first report (3 seeds × 4 steps)
    watched.start({ darker: 0.2, size: 16, firstSeed: 1, count: 3, steps: 4 });
    await settled(watched);
    expect(seen).toEqual([[0, 0, 0], [1, 4, 12], [2, 8, 12]]);
  });

  it('cancel stops the running seed, keeps the finished ones and says the user cancelled', async () => {
    let runner: FaceSeedRunner | null = null;
    const steps: string[] = [];
    const ex = inProcess(lightFaces((seed, step) => {
      steps.push(`${seed}:${step}`);
      if (seed === 2 && step === 3) runner!.cancel();
    }));
    runner = new FaceSeedRunner(ex);
    runner.start({ darker: 0.2, size: 16, firstSeed: 1, count: 4, steps: 6 });
    await settled(runner);
    await new Promise((r) => setTimeout(r, 30));
    expect(runner.running).toBe(false);
    expect(runner.cancelled).toBe(true);
    expect(runner.error).toBeNull();
    // the task stopped at the cancel (its progress callback returned false); later seeds never ran
    expect(steps.at(-1)).toBe('2:3');
    expect(steps.length).toBe(9);
    expect(runner.results.map((r) => r.seed)).toEqual([1]);
    expect(runner.result).toBeNull();
    expect([runner.done, runner.total]).toEqual([8, 24]);
    // a new start clears the flag and the partial results; destroy releases only this job's channel
    runner.start({ darker: 0.2, size: 16, firstSeed: 7, count: 1, steps: 2 });
    expect([runner.cancelled, runner.results.length, runner.done]).toEqual([false, 0, 0]);
    await settled(runner);
    expect(runner.results.map((r) => r.seed)).toEqual([7]);
    const other = new FaceSeedRunner(ex);
    expect(other.channel).not.toBe(runner.channel);
    runner.destroy();
    expect(ex.closed).toEqual([runner.channel]);
  });

  it('playground seed runner: seeds from the config seed, clamped counts and steps, medians over the finished seeds', async () => {
    const runner = new SeedRunner(inProcess());
    const config = { ...DEFAULT_CONFIG, seed: 11 };
    const groups = makeSource(config).groups;
    runner.start({ config, groups, count: 99, steps: 50, recipe: 'plain' });
    expect(runner.batch?.seeds.length).toBe(MAX_SEEDS);
    runner.start({ config, groups, count: 2, steps: 1e6, recipe: 'plain' });
    expect(runner.batch?.seeds).toEqual([11, 12]);
    expect(runner.batch?.steps).toBe(MAX_SEED_STEPS);
    // one real seed, briefly (the 2-D GAN and its evaluation on the cpu backend)
    runner.start({ config, groups, count: 1, steps: 1, recipe: 'plain' });
    expect(runner.batch?.steps).toBe(MIN_SEED_STEPS);
    expect(runner.batch?.config.recipe).toBe('plain');
    await settled(runner);
    expect(runner.error).toBeNull();
    expect(runner.cancelled).toBe(false);
    expect(runner.results.map((r) => [r.seed, r.steps])).toEqual([[11, MIN_SEED_STEPS]]);
    expect(runner.medians).toEqual(medianRatios(runner.results));
    expect(runner.medians.length).toBe(groups.length);
    expect(runner.total).toBe(MIN_SEED_STEPS);
    runner.start({ config, groups, count: 3, steps: 50, recipe: 'plain' });
    runner.cancel();
    expect(runner.cancelled).toBe(true);
    expect(runner.results).toEqual([]);
  });

  it('a failing call sets the error text with the job\'s wording and is not "cancelled"', async () => {
    const job = oneCallJob<'hiring.run', string>('no.such' as 'hiring.run', { failure: 'The experiment failed', executor: inProcess() });
    job.start({ args: [{}, {}], setup: 'x' });
    await settled(job);
    expect(job.error).toBe('The experiment failed: no task "no.such" in this worker');
    expect(job.cancelled).toBe(false);
    expect(job.setup).toBe('x');
    expect(job.resultSetup).toBeNull();
  });

  it('keeps the last finished result while a new run goes, and after that run is cancelled', async () => {
    const job = new Job('faces.runSeed', {
      executor: inProcess(lightFaces()),
      plan: (seed: number) => ({ calls: [[{ darker: 0.5, size: 16, seed, steps: 2 }]], setup: seed }),
    });
    job.start(1);
    await settled(job);
    const first = job.result;
    expect(first?.seed).toBe(1);
    job.start(2);
    job.cancel();
    await new Promise((r) => setTimeout(r, 20));
    expect(job.result).toBe(first);
    expect(job.resultSetup).toBe(1);
    expect(job.setup).toBe(2);
    expect(job.cancelled).toBe(true);
  });
});
