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
import { tf } from '../../../src/core/shared/tf';
import { runTask } from '../../../src/workers/shared/host';
import { tasks } from '../../../src/workers/shared/tasks';
import type { ReplyMessage } from '../../../src/workers/shared/protocol';
import { runFaceSeed } from '../../../src/workers/faces/facesRun';
import { Job, oneCallJob } from '../../../src/state/shared/job.svelte';
import type { JobExecutor } from '../../../src/state/shared/job.svelte';
import type { WorkerRunInfo } from '../../../src/state/shared/workerClient';
import { FaceSeedRunner } from '../../../src/state/faces/facesRunner.svelte';
import { SeedRunner } from '../../../src/state/playground/seedRunner.svelte';
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
 * An executor that runs calls in this thread through the host's dispatch: the abort signal
 * makes the task's progress callback return false. Records the channels it was asked for.
 */
function inProcess(): JobExecutor & { channels: string[]; closed: string[] } {
  let id = 0;
  const channels: string[] = [];
  const closed: string[] = [];
  return {
    channels,
    closed,
    close: (ch) => void closed.push(ch),
    run: (task, args, opts) =>
      new Promise((resolve, reject) => {
        channels.push(opts.channel!);
        const stop = () => !!opts.signal?.aborted;
        void runTask(tasks, { type: 'run', id: ++id, task, args }, (m) => {
          if (m.type === 'progress') opts.onProgress?.(m.done, m.total);
          else if (m.type === 'error') reject(new Error(m.message));
          else if (stop()) reject(new DOMException('aborted', 'AbortError'));
          else resolve({ result: m.result, backend: m.backend, ms: m.ms } as WorkerRunInfo<never>);
        }, { every: 0, stop });
      }),
  };
}

/** Wait until the job stops running. */
async function settled(job: { running: boolean }): Promise<void> {
  for (let i = 0; i < 2000 && job.running; i++) await new Promise((r) => setTimeout(r, 5));
}

describe('worker host dispatch', () => {
  it('runs a task by name with progress, then posts the same result as the direct call', async () => {
    const args = { darker: 0.2, size: 16 as const, seed: 3, steps: 4 };
    const out = await dispatch('faces.runSeed', [args]);
    const progress = out.filter((m) => m.type === 'progress');
    expect(progress.map((m) => m.type === 'progress' && [m.id, m.done, m.total])).toEqual([1, 2, 3, 4].map((d) => [7, d, 4]));
    const last = out.at(-1)!;
    expect(last.type).toBe('result');
    if (last.type !== 'result') return;
    expect(last.backend).toBe('none');
    const direct = runFaceSeed(args);
    const r = last.result as typeof direct;
    expect(r.steps).toBe(4);
    expect(r.counts).toEqual(direct.counts);
    expect(r.shares).toEqual(direct.shares);
  });

  it('stops a task when its progress callback returns false', async () => {
    const out = await dispatch('faces.runSeed', [{ darker: 0.2, size: 16, seed: 3, steps: 50 }], 3);
    expect(out.filter((m) => m.type === 'progress').length).toBe(3);
    const last = out.at(-1)!;
    expect(last.type === 'result' && (last.result as { steps: number }).steps).toBe(3);
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
    const ex = inProcess();
    const runner = new FaceSeedRunner(ex);
    const seen: number[][] = [];
    const start = tf.memory().numTensors;
    runner.start({ darker: 0.2, size: 16, firstSeed: 5, count: 3, steps: 4 });
    expect(runner.running).toBe(true);
    expect(runner.batch).toEqual({ darker: 0.2, size: 16, seeds: [5, 6, 7], steps: 4, backend: 'wasm' });
    // progress and partial results as they were when each seed finished (read at the next call's start)
    const seedsDone = () => seen.push([runner.results.length, runner.done, runner.total]);
    const iv = setInterval(seedsDone, 0);
    await settled(runner);
    clearInterval(iv);
    expect(runner.running).toBe(false);
    expect(runner.error).toBeNull();
    expect(runner.results.map((r) => r.seed)).toEqual([5, 6, 7]);
    expect(runner.results.map((r) => r.steps)).toEqual([4, 4, 4]);
    expect(runner.results[1].counts).toEqual(runFaceSeed({ darker: 0.2, size: 16, seed: 6, steps: 4 }).counts);
    expect([runner.done, runner.total, runner.percent]).toEqual([12, 12, 100]);
    expect(runner.result).toBe(runner.results[2]);
    expect(runner.resultSetup).toEqual({ darker: 0.2, size: 16, seeds: [5, 6, 7], steps: 4 });
    expect(runner.batch?.backend).toBe('none');
    expect(runner.seconds).toBeGreaterThan(0);
    expect(new Set(ex.channels)).toEqual(new Set([runner.channel]));
    expect(tf.memory().numTensors).toBe(start);
    // the counts never ran backwards
    for (let i = 1; i < seen.length; i++) expect(seen[i][1]).toBeGreaterThanOrEqual(seen[i - 1][1]);
  });

  it('cancel stops the running seed, keeps the finished ones and says the user cancelled', async () => {
    const ex = inProcess();
    const runner = new FaceSeedRunner(ex);
    runner.start({ darker: 0.2, size: 16, firstSeed: 1, count: 4, steps: 6 });
    // cancel from inside the second seed's progress: 1 seed done, 3 steps into the next
    await new Promise<void>((resolve) => {
      const poll = () => {
        if (runner.results.length === 1 && runner.done >= 9) {
          runner.cancel();
          resolve();
        } else if (runner.running) setTimeout(poll, 0);
        else resolve();
      };
      poll();
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(runner.running).toBe(false);
    expect(runner.cancelled).toBe(true);
    expect(runner.error).toBeNull();
    expect(runner.results.map((r) => r.seed)).toEqual([1]);
    expect(runner.result).toBeNull();
    const stoppedAt = runner.done;
    expect(stoppedAt).toBeGreaterThanOrEqual(6);
    expect(stoppedAt).toBeLessThan(24);
    // a new start clears the flag and the partial results; destroy releases only this job's channel
    runner.start({ darker: 0.2, size: 16, firstSeed: 1, count: 1, steps: 2 });
    expect([runner.cancelled, runner.results.length, runner.done]).toEqual([false, 0, 0]);
    await settled(runner);
    expect(runner.results.length).toBe(1);
    const other = new FaceSeedRunner(ex);
    expect(other.channel).not.toBe(runner.channel);
    runner.destroy();
    expect(ex.closed).toEqual([runner.channel]);
  });

  it('playground seed runner: seeds from the config seed, clamped count, medians over the finished seeds', async () => {
    const runner = new SeedRunner(inProcess());
    const config = { ...DEFAULT_CONFIG, seed: 11 };
    const groups = makeSource(config).groups;
    runner.start({ config, groups, count: 2, steps: 1, recipe: 'plain' });
    expect(runner.batch?.steps).toBe(50);
    expect(runner.batch?.seeds).toEqual([11, 12]);
    expect(runner.batch?.config.recipe).toBe('plain');
    await settled(runner);
    expect(runner.error).toBeNull();
    expect(runner.results.map((r) => [r.seed, r.steps])).toEqual([[11, 50], [12, 50]]);
    expect(runner.medians).toEqual(medianRatios(runner.results));
    expect(runner.medians.length).toBe(groups.length);
    expect(runner.total).toBe(100);
    runner.start({ config, groups, count: 99, steps: 50, recipe: 'plain' });
    expect(runner.batch?.seeds.length).toBe(MAX_SEEDS);
    runner.cancel();
    expect(runner.cancelled).toBe(true);
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
      executor: inProcess(),
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
  });
});
