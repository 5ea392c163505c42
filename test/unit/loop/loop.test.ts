import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../../shared/setup';
import { trainerFor } from '../../shared/helpers';
import { TrainingLoop } from '../../../src/core/loop/loop';
import { assignGroup } from '../../../src/core/metrics/groups';
import type { LoopHost, Snapshot } from '../../../src/core/loop/loop';
import { makeEvalContext } from '../../../src/core/metrics/evaluate';
import { makeSource } from '../../../src/core/data/datasets';
import { DEFAULT_CONFIG } from '../../../src/core/settings/config';
import { Probe } from '../../../src/core/gan/probe';
import { Rng } from '../../../src/core/shared/rng';

beforeAll(useCpu);

/** A host whose clock advances 1 ms per reading and whose frames run when asked. */
function fakeHost() {
  let t = 0;
  const frames: (() => void)[] = [];
  const host: LoopHost = {
    now: () => (t += 1),
    schedule: (cb) => frames.push(cb),
    cancel: () => {},
  };
  return { host, runFrame: () => frames.shift()?.(), pending: () => frames.length, advance: (ms: number) => (t += ms) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('TrainingLoop', () => {
  it('fills the frame budget with several steps, reads back asynchronously, drops old generations', async () => {
    const { host, runFrame } = fakeHost();
    const snaps: Snapshot[] = [];
    const loop = new TrainingLoop(host, { snapshot: (s) => snaps.push(s), diverged: () => {}, failed: (e) => { throw e; } });
    const t = trainerFor({ seed: 1 });
    const ctx = makeEvalContext(makeSource(DEFAULT_CONFIG), 1);
    const probe = new Probe(t, { points: 16, field: 8, manifoldLines: 3, manifoldSamples: 5, arrows: true }, new Rng(1).fill(new Float32Array(16 * t.spec.noiseDim), 'gaussian'));
    loop.setRun(t, ctx, probe);
    loop.play();
    runFrame();
    // the fake clock moves 1 ms per reading and the budget is 8 ms: several steps in one frame
    expect(t.steps).toBeGreaterThan(2);
    await flush();
    expect(snaps.length).toBe(1);
    expect(snaps[0].frame!.points.length).toBe(32);
    expect(snaps[0].frame!.arrows!.length).toBe(32);
    expect(snaps[0].frame!.field.length).toBe(64);
    // the frame's points come with their groups, by the same rule as the evaluation's shares
    const pts = snaps[0].frame!.points;
    expect(Array.from(snaps[0].frameGroups!)).toEqual(Array.from({ length: 16 }, (_, i) => assignGroup(ctx.density, pts[2 * i], pts[2 * i + 1])));
    expect(snaps[0].evaluation.accuracy.overall).toBeGreaterThanOrEqual(0);
    // a new generation drops a readback that was started before it
    runFrame();
    loop.readback(true);
    const old = loop.generation;
    const t2 = trainerFor({ seed: 2 });
    loop.setRun(t2, ctx, null);
    expect(loop.generation).toBe(old + 1);
    const before = snaps.length;
    await flush();
    expect(snaps.slice(before).every((s) => s.generation === loop.generation)).toBe(true);
    loop.pause();
    t.dispose();
    t2.dispose();
    probe.dispose();
  });

  it('shows a manual step taken while a readback is in flight once that readback lands', async () => {
    const { host } = fakeHost();
    const snaps: Snapshot[] = [];
    const loop = new TrainingLoop(host, { snapshot: (s) => snaps.push(s), diverged: () => {}, failed: (e) => { throw e; } });
    const t = trainerFor({ seed: 3 });
    loop.setRun(t, makeEvalContext(makeSource(DEFAULT_CONFIG), 3), null);
    loop.stepOnce();
    // a second step while the first one's readback is still in flight
    loop.stepOnce();
    await flush();
    await flush();
    expect(snaps.map((s) => s.step)).toEqual([1, 2]);
    expect(loop.running).toBe(false);
    t.dispose();
  });

  it('shows a pause at once with a light frame, then the full evaluation of the same step', async () => {
    const { host, runFrame } = fakeHost();
    const snaps: Snapshot[] = [];
    const loop = new TrainingLoop(host, { snapshot: (s) => snaps.push(s), diverged: () => {}, failed: (e) => { throw e; } });
    const t = trainerFor({ seed: 4 });
    const ctx = makeEvalContext(makeSource(DEFAULT_CONFIG), 4);
    const probe = new Probe(t, { points: 16, field: 8, manifoldLines: 0, manifoldSamples: 5, arrows: false }, new Rng(4).fill(new Float32Array(16 * t.spec.noiseDim), 'gaussian'));
    loop.setRun(t, ctx, probe);
    loop.play();
    runFrame();
    await flush();
    // the first readback of a run is always full (there is no evaluation to repeat yet)
    expect(snaps.map((s) => s.evaluated)).toEqual([true]);
    runFrame();
    loop.pause();
    const stopped = t.steps;
    loop.readback(true, true);
    for (let i = 0; i < 4; i++) await flush();
    const after = snaps.slice(1).filter((s) => s.step === stopped);
    // a frame without a new evaluation first, then the evaluation of that step; nothing else
    expect(after.map((s) => s.evaluated)).toEqual([false, true]);
    expect(after[0].frame!.points.length).toBe(32);
    expect(after[1].evaluation).not.toBe(snaps[0].evaluation);
    expect(t.steps).toBe(stopped);
    t.dispose();
    probe.dispose();
  });

  it('rests between slices below speed 1, so training takes about that share of the time', () => {
    let clock = 0;
    const rests: number[] = [];
    const host: LoopHost = {
      now: () => (clock += 1),
      schedule: () => (rests.push(0), 1),
      scheduleAfter: (_cb, ms) => (rests.push(ms), 2),
      cancel: () => {},
    };
    const loop = new TrainingLoop(host, { snapshot: () => {}, diverged: () => {}, failed: (e) => { throw e; } });
    const t = trainerFor({ seed: 5 });
    loop.setRun(t, makeEvalContext(makeSource(DEFAULT_CONFIG), 5), null);
    // one slice as the scheduler would run it (its timer taken)
    const sliceOnce = () => {
      (loop as unknown as { timer: number | null }).timer = null;
      (loop as unknown as { slice(): void }).slice();
    };
    loop.speed = 1;
    loop.play();
    rests.length = 0;
    sliceOnce();
    expect(rests).toEqual([0]);
    loop.speed = 0.25;
    const c0 = clock;
    sliceOnce();
    const worked = clock - c0;
    // rest = worked × (1 − 0.25) / 0.25: three times as long as the slice trained
    expect(rests[1]).toBeGreaterThan(2.5 * (worked - 2));
    expect(rests[1]).toBeLessThan(3 * worked + 1);
    loop.pause();
    t.dispose();
  });

  it('pauses and reports when training diverges', async () => {
    const { host, runFrame } = fakeHost();
    let diverged = -1;
    const loop = new TrainingLoop(host, { snapshot: () => {}, diverged: (s) => (diverged = s), failed: (e) => { throw e; } });
    const t = trainerFor({ seed: 1, lrG: 0.1, lrD: 0.1 });
    loop.setRun(t, makeEvalContext(makeSource(DEFAULT_CONFIG), 1), null);
    t.step();
    // poison a forger weight: every generated point becomes NaN
    t.G.restore(new Float32Array(t.G.size).fill(NaN));
    loop.play();
    runFrame();
    await flush();
    expect(diverged).toBeGreaterThan(0);
    expect(loop.running).toBe(false);
    t.dispose();
  });

  it('does not call a step-0 readback diverged when training started before it landed', async () => {
    // the losses of step 0 are NaN placeholders: only a loss of a player that had stepped when
    // the readback was packed counts (a worker's first readback on WebGL can take seconds)
    const { host } = fakeHost();
    const snaps: Snapshot[] = [];
    let diverged = -1;
    const loop = new TrainingLoop(host, { snapshot: (s) => snaps.push(s), diverged: (s) => (diverged = s), failed: (e) => { throw e; } });
    const t = trainerFor({ seed: 1 });
    loop.setRun(t, makeEvalContext(makeSource(DEFAULT_CONFIG), 1), null);
    loop.readback(true);
    t.step();
    await flush();
    expect(snaps[0].step).toBe(0);
    expect(Number.isNaN(snaps[0].lossD)).toBe(true);
    expect(diverged).toBe(-1);
    t.dispose();
  });
});
