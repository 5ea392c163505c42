// The live training worker's dispatch (src/workers/live/liveHost.ts), driven in Node with a fake
// scheduler: it trains the same run as the page-thread engine, posts snapshots with their frame
// arrays transferred, holds snapshots back while the page has not handled two, pauses between
// slices, saves, restores and frees only the run it was asked to free.
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../src/core/shared/tf';
import { useCpu } from '../../shared/setup';
import { liveHost } from '../../../src/workers/live/liveHost';
import type { LiveCommand, LiveEvent, WireSnapshot } from '../../../src/workers/live/protocol';
import { fromWire } from '../../../src/workers/live/protocol';
import { PlaygroundEngine, probeLayout } from '../../../src/core/loop/playgroundEngine';
import type { Snapshot } from '../../../src/core/loop/loop';
import type { LoopHost } from '../../../src/core/loop/sliceLoop';
import { DEFAULT_CONFIG } from '../../../src/core/settings/config';
import type { TrainerState } from '../../../src/core/gan/trainer';
import { makeFaceSet, faceSource } from '../../../src/core/faces/faces';
import { faceTrainerSpec } from '../../../src/core/faces/spec';
import type { FacesReadback } from '../../../src/core/faces/loop';
import { Rng } from '../../../src/core/shared/rng';
import { liveThread } from '../../../src/state/shared/liveThread';

beforeAll(useCpu);

function fakeHost() {
  let t = 0;
  const frames: (() => void)[] = [];
  const host: LoopHost = { now: () => (t += 1), schedule: (cb) => frames.push(cb), cancel: () => {} };
  return { host, runFrame: () => frames.shift()?.(), advance: (ms: number) => (t += ms) };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

const config = { ...DEFAULT_CONFIG, points: 200, seed: 4, backend: 'cpu' as const };
const request = { config, drawn: [], layout: probeLayout({ manifold: false, arrows: false }) };

function worker() {
  const { host, runFrame, advance } = fakeHost();
  const events: { m: LiveEvent; transfer: Transferable[] }[] = [];
  const handle = liveHost((m, transfer = []) => events.push({ m, transfer }), host, false);
  let id = 0;
  const send = async (cmd: Record<string, unknown>) => {
    const myId = ++id;
    await handle({ ...cmd, id: myId } as LiveCommand);
    const reply = events.find((e) => e.m.type === 'reply' && e.m.id === myId)!.m;
    if (reply.type !== 'reply') throw new Error('no reply');
    if (!reply.ok) throw new Error(reply.message);
    return reply.value;
  };
  const snapshots = () => events.filter((e) => e.m.type === 'snapshot') as { m: Extract<LiveEvent, { type: 'snapshot' }> & { snapshot: WireSnapshot }; transfer: Transferable[] }[];
  return { send, events, snapshots, runFrame, advance };
}

describe('the live training worker', () => {
  it('trains the run the page-thread engine trains, and transfers the frame', async () => {
    const w = worker();
    expect(await w.send({ op: 'init', wasmPaths: {} })).toEqual({ offscreen: false });
    // without OffscreenCanvas the worker leaves WebGL out even when asked for it
    const d = (await w.send({ op: 'choose', choice: 'webgl', spec: { ...DEFAULT_CONFIG }, data: { x: new Float32Array(4), g: new Uint8Array(2), n: 2, dim: 2 }, exclude: [], quickStart: false }).catch((e) => e)) as { backend?: string };
    expect(d.backend).not.toBe('webgl');
    await w.send({ op: 'use', backend: 'cpu' });
    const built = (await w.send({ op: 'build', kind: 'playground', request })) as { g: number; d: number; run: number };
    expect(built.run).toBe(1);
    await w.send({ op: 'runSteps', n: 30 });
    await flush();
    const [snap] = w.snapshots();
    expect(snap.m.steps).toBe(30);
    expect(snap.m.snapshot.step).toBe(30);
    expect(snap.m.snapshot.frame!.points.length).toBe(800);
    expect(snap.transfer).toContain(snap.m.snapshot.frame!.points.buffer);
    expect(snap.transfer).toContain(snap.m.snapshot.frame!.field.buffer);

    // the same request trained on this thread gives the same points, losses and sizes
    const mine: Snapshot[] = [];
    const { host } = fakeHost();
    const engine = new PlaygroundEngine(host, { snapshot: (s) => mine.push(s), diverged: () => {}, failed: (e) => { throw e; } }, (fn) => fn());
    engine.build(request);
    expect([engine.trainer!.G.size, engine.trainer!.D.size]).toEqual([built.g, built.d]);
    engine.loop.runSteps(30);
    await flush();
    expect(Array.from(mine[0].frame!.points)).toEqual(Array.from(snap.m.snapshot.frame!.points));
    expect(mine[0].lossD).toBe(snap.m.snapshot.lossD);
    expect(mine[0].evaluation.js).toBe(snap.m.snapshot.evaluation!.js);
    engine.dispose();
    await w.send({ op: 'dispose', run: 1 });
  });

  it('holds snapshots back until the page has handled them, pauses between slices, saves and restores', async () => {
    const w = worker();
    await w.send({ op: 'init', wasmPaths: {} });
    await w.send({ op: 'use', backend: 'cpu' });
    await w.send({ op: 'build', kind: 'playground', request });
    await w.send({ op: 'configure', readbackInterval: 0 });
    await w.send({ op: 'play' });
    for (let i = 0; i < 12; i++) {
      w.runFrame();
      w.advance(100);
      await flush();
    }
    // unhandled: only two snapshots go out however many slices ran
    expect(w.snapshots().length).toBe(2);
    await w.send({ op: 'ack', seq: 2 });
    for (let i = 0; i < 4; i++) {
      w.runFrame();
      w.advance(100);
      await flush();
    }
    expect(w.snapshots().length).toBe(4);
    // a snapshot without a new evaluation carries none; the page fills in the last one
    const wires = w.snapshots().map((s) => s.m.snapshot);
    const last = { evaluation: wires[0].evaluation, memorisation: null };
    for (const s of wires.slice(1)) expect(fromWire(s, last)!.evaluation).toBeTruthy();

    await w.send({ op: 'pause' });
    const paused = (await w.send({ op: 'save', onlyFinite: true })) as TrainerState;
    w.runFrame();
    await flush();
    expect(((await w.send({ op: 'save', onlyFinite: true })) as TrainerState).steps).toBe(paused.steps);

    // NaN weights: the finite-only copy is refused, the raw one is not; a readback diverges
    await w.send({ op: 'weights', net: 'G', weights: new Float32Array(paused.g.length).fill(NaN) });
    expect(await w.send({ op: 'save', onlyFinite: true })).toBeNull();
    expect(((await w.send({ op: 'save', onlyFinite: false })) as TrainerState).g.every(Number.isNaN)).toBe(true);
    await w.send({ op: 'ack', seq: 99 });
    await w.send({ op: 'readback', force: true });
    await flush();
    expect(w.events.some((e) => e.m.type === 'diverged')).toBe(true);
    await w.send({ op: 'restore', state: paused });
    const back = (await w.send({ op: 'save', onlyFinite: true })) as TrainerState;
    expect(Array.from(back.g)).toEqual(Array.from(paused.g));
    expect(back.steps).toBe(paused.steps);
  });

  it('frees only the run it was asked to, and keeps its tensor count flat', async () => {
    const w = worker();
    await w.send({ op: 'init', wasmPaths: {} });
    await w.send({ op: 'use', backend: 'cpu' });
    const base = tf.memory().numTensors;
    await w.send({ op: 'build', kind: 'playground', request });
    const second = (await w.send({ op: 'build', kind: 'playground', request: { ...request, config: { ...config, seed: 5 } } })) as { run: number };
    // a stale free of the first run leaves the second one alone
    await w.send({ op: 'dispose', run: second.run - 1 });
    await w.send({ op: 'runSteps', n: 5 });
    await flush();
    const counts: number[] = [];
    for (let k = 0; k < 4; k++) {
      await w.send({ op: 'ack', seq: 1000 });
      await w.send({ op: 'runSteps', n: 50 });
      await w.send({ op: 'layout', layout: probeLayout({ manifold: k % 2 === 0, arrows: true }) });
      await flush();
      await new Promise((r) => setTimeout(r, 1100));
      counts.push(tf.memory().numTensors);
    }
    expect(w.snapshots().at(-1)!.m.snapshot.step).toBe(205);
    // the same layout holds the same tensors, however many steps and probe swaps went by
    expect(counts[2]).toBe(counts[0]);
    expect(counts[3]).toBe(counts[1]);
    await w.send({ op: 'dispose', run: second.run });
    expect(tf.memory().numTensors).toBe(base);
  });
});

describe('the live training worker with a faces model', () => {
  it('trains the faces the page drew, stops by itself at stopAt, and will not switch kinds', async () => {
    const w = worker();
    await w.send({ op: 'init', wasmPaths: {} });
    await w.send({ op: 'use', backend: 'cpu' });
    const data = makeFaceSet({ n: 40, darkerShare: 0.3, size: 16, seed: 2 });
    const held = faceSource(0.3, 16).sample(new Rng(2).fork('held'), 8);
    await w.send({ op: 'build', kind: 'faces', request: { spec: faceTrainerSpec({ seed: 2, size: 16 }), data, held: { x: held.x, n: held.n, dim: held.dim }, seed: 2, gridFaces: 4, evalN: 6 } });
    await w.send({ op: 'configure', stopAt: 3, readbackInterval: 0 });
    await w.send({ op: 'play' });
    for (let i = 0; i < 6; i++) {
      w.runFrame();
      await flush();
    }
    const stopped = w.events.find((e) => e.m.type === 'stopped')!.m as { step: number };
    expect(stopped.step).toBe(3);
    const last = w.snapshots().at(-1)!;
    const r = last.m.snapshot as unknown as FacesReadback;
    expect(r.step).toBe(3);
    expect(r.grid.length).toBe(4 * 16 * 16 * 3);
    expect(r.evaluation!.pReal.length).toBe(8);
    expect(last.transfer).toEqual([r.grid.buffer]);
    await expect(w.send({ op: 'build', kind: 'playground', request })).rejects.toThrow(/trains a faces model/);
  });
});

describe('which thread trains live', () => {
  it('is the worker where there are workers and OffscreenCanvas, else the page with the reason', () => {
    const fn = function () {};
    expect(liveThread({ Worker: fn, OffscreenCanvas: fn })).toEqual({ where: 'worker' });
    expect(liveThread({ OffscreenCanvas: fn })).toEqual({ where: 'page', why: 'this browser cannot start a worker' });
    expect(liveThread({ Worker: fn })).toEqual({ where: 'page', why: 'this browser cannot use the graphics card (WebGL) in a worker' });
  });
});
