/**
 * The live-run controller on a fake loop, backend platform and run (no tfjs): stale builds are
 * dropped, a divergence pauses and "restore" puts back the last good copy, a WebGL failure or
 * lost context rebuilds without WebGL from that copy with a notice, a provisional backend
 * settles on the measured one, and play / pause / step drive the loop.
 */
import { describe, expect, it } from 'vitest';
import { LiveRun } from '../../../src/state/shared/liveRun.svelte';
import type { LiveEvents, LiveLoop, LivePlan, LivePlatform, StepKind } from '../../../src/state/shared/liveRun.svelte';
import type { BackendDecision, BackendName } from '../../../src/core/backend/backend';
import type { BackendChoice } from '../../../src/core/settings/config';
import { DEFAULT_SPEC } from '../../../src/core/gan/trainer';
import type { PointSet } from '../../../src/core/data/datasets';

class FakeLoop implements LiveLoop {
  running = false;
  readbackInterval = 0;
  calls: string[] = [];
  constructor(readonly events: LiveEvents) {}
  play() {
    this.running = true;
    this.calls.push('play');
  }
  pause() {
    this.running = false;
    this.calls.push('pause');
  }
  stepOnce(kind?: StepKind) {
    this.calls.push(`step:${kind ?? 'both'}`);
  }
  runSteps(n: number) {
    this.calls.push(`run:${n}`);
  }
  readback(force: boolean) {
    this.calls.push(force ? 'readback!' : 'readback');
  }
}

interface Weights {
  steps: number;
  w: number;
}

/** A run whose "weights" are one number; save copies it, restore puts it back. */
class FakeRun {
  disposed = false;
  w: number;
  steps = 0;
  constructor(
    readonly id: number,
    readonly backend: BackendName,
  ) {
    this.w = id * 100;
  }
  save(): Promise<Weights | null> {
    return Promise.resolve(Number.isFinite(this.w) ? { steps: this.steps, w: this.w } : null);
  }
  restore(s: Weights) {
    this.w = s.w;
    this.steps = s.steps;
  }
}

const data: PointSet = { x: new Float32Array(4), g: new Int32Array(2), n: 2, dim: 2 } as unknown as PointSet;
const flush = () => new Promise((r) => setTimeout(r, 0));

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function setup(opts: { choice?: BackendChoice; offerRestore?: boolean; saveOnlyOnWebgl?: boolean; provisional?: boolean; measured?: BackendName } = {}) {
  let now = 0;
  let lost: (() => void) | null = null;
  const chooseCalls: { choice: BackendChoice; exclude: BackendName[] }[] = [];
  const used: BackendName[] = [];
  const platform: LivePlatform = {
    choose: async (choice, _spec, _data, exclude) => {
      chooseCalls.push({ choice, exclude: [...exclude] });
      const backend: BackendName = choice !== 'auto' && !exclude.includes(choice) ? choice : exclude.includes('webgl') ? 'wasm' : 'webgl';
      return { backend, reason: `${backend} test`, trials: [], provisional: opts.provisional && choice === 'auto' };
    },
    measure: async () => ({ backend: opts.measured ?? 'wasm', reason: 'measured', trials: [] }),
    use: async (b) => (used.push(b), true),
    watchLoss: (onLost) => {
      lost = onLost;
      return () => {
        if (lost === onLost) lost = null;
      };
    },
    now: () => now,
    tensors: () => 0,
  };
  const built: FakeRun[] = [];
  const rewinds: number[] = [];
  const settledWith: BackendDecision[] = [];
  let gate: Promise<void> | null = null;
  let nextId = 1;
  const live = new LiveRun<FakeRun, FakeLoop, Weights>(
    {
      loop: (events) => new FakeLoop(events),
      plan: async (stale): Promise<LivePlan<FakeRun> | null> => {
        const id = nextId++;
        if (gate) await gate;
        if (stale()) return null;
        return {
          backend: { choice: opts.choice ?? 'auto', spec: DEFAULT_SPEC, data },
          build: (d) => {
            const run = new FakeRun(id, d.backend);
            built.push(run);
            return run;
          },
        };
      },
      dispose: (run) => (run.disposed = true),
      words: {
        diverged: (step, saved) => `blew up at ${step}; saved ${saved ?? 'none'}`,
        restored: (saved) => `restored ${saved}`,
      },
      keepView: () => (saved) => rewinds.push(saved),
      settled: (d) => settledWith.push(d),
    },
    { readbackMs: { normal: 28, reduced: 500 }, saveEveryMs: 2000, offerRestore: opts.offerRestore ?? true, saveOnlyOnWebgl: opts.saveOnlyOnWebgl, platform },
  );
  return {
    live,
    built,
    rewinds,
    chooseCalls,
    used,
    settledWith,
    loseContext: () => lost?.(),
    watching: () => lost !== null,
    tick: (ms: number) => (now += ms),
    hold: () => {
      const d = deferred<void>();
      gate = d.promise;
      return () => {
        gate = null;
        d.resolve();
      };
    },
  };
}

describe('LiveRun', () => {
  it('builds on the chosen backend, sets the readback rate and shows a first readback', async () => {
    const t = setup({ choice: 'cpu' });
    expect(t.live.busy).toBe(true);
    expect(t.live.loop.readbackInterval).toBe(28);
    await t.live.rebuild();
    expect(t.live.busy).toBe(false);
    expect(t.live.run?.id).toBe(1);
    expect(t.live.decision?.backend).toBe('cpu');
    expect(t.watching()).toBe(false);
    expect(t.live.loop.calls.at(-1)).toBe('readback!');
  });

  it('drops a build that a newer one overtook, and frees the run it replaces', async () => {
    const t = setup();
    await t.live.rebuild();
    const first = t.live.run!;
    const release = t.hold();
    const older = t.live.rebuild();
    const newer = t.live.rebuild();
    expect(first.disposed).toBe(true);
    expect(t.live.run).toBeNull();
    release();
    await Promise.all([older, newer]);
    // plans 2 (stale) and 3: only the newer one was built
    expect(t.built.map((r) => r.id)).toEqual([1, 3]);
    expect(t.live.run?.id).toBe(3);
    expect(t.live.generation).toBe(3);
  });

  it('plays, pauses with a last full readback, steps and fast-forwards only when ready', async () => {
    const t = setup();
    t.live.play();
    t.live.stepOnce('forger');
    t.live.fastForward(10);
    expect(t.live.running).toBe(false);
    expect(t.live.loop.calls).toEqual([]);
    await t.live.rebuild();
    t.live.loop.calls = [];
    expect(t.live.play()).toBe(true);
    expect(t.live.running).toBe(true);
    t.live.toggle();
    expect(t.live.running).toBe(false);
    expect(t.live.loop.calls).toEqual(['play', 'pause', 'readback!']);
    t.live.loop.calls = [];
    t.live.stepOnce('detective');
    t.live.fastForward(25);
    expect(t.live.loop.calls).toEqual(['pause', 'step:detective', 'run:25']);
    // a rebuild while running goes on running
    t.live.play();
    await t.live.rebuild();
    expect(t.live.running).toBe(true);
    expect(t.live.loop.running).toBe(true);
  });

  it('pauses on divergence and restores the last good copy', async () => {
    const t = setup();
    await t.live.rebuild();
    const run = t.live.run!;
    t.live.play();
    run.steps = 40;
    t.tick(3000);
    t.live.noteReadback(40, true);
    await flush();
    expect(t.live.savedStep).toBe(40);
    // within the save interval no new copy is taken
    run.steps = 60;
    run.w = 7;
    t.tick(500);
    t.live.noteReadback(60, true);
    await flush();
    expect(t.live.savedStep).toBe(40);
    // an unhealthy readback never replaces it
    run.w = NaN;
    t.tick(5000);
    t.live.noteReadback(80, false);
    await flush();
    expect(t.live.savedStep).toBe(40);
    t.live.loop.events.diverged(80);
    expect(t.live.running).toBe(false);
    expect(t.live.diverged).toBe(true);
    expect(t.live.canRestore).toBe(true);
    expect(t.live.error).toBe('blew up at 80; saved 40');
    expect(t.live.play()).toBe(false);
    t.live.restoreGood();
    expect(run.w).toBe(100);
    expect(run.steps).toBe(40);
    expect(t.live.diverged).toBe(false);
    expect(t.live.error).toBeNull();
    expect(t.live.notices).toEqual(['restored 40']);
    expect(t.rewinds).toEqual([40]);
    expect(t.live.play()).toBe(true);
  });

  it('says so, and offers nothing, when a divergence comes before any copy or restore is off', async () => {
    const t = setup();
    await t.live.rebuild();
    t.live.loop.events.diverged(3);
    expect(t.live.canRestore).toBe(false);
    expect(t.live.error).toBe('blew up at 3; saved none');
    const u = setup({ offerRestore: false });
    await u.live.rebuild();
    t.tick(3000);
    u.live.noteReadback(10, true);
    await flush();
    u.live.loop.events.diverged(12);
    expect(u.live.canRestore).toBe(false);
    u.live.restoreGood();
    expect(u.live.diverged).toBe(true);
  });

  it('carries on without WebGL from the last copy when the context is lost, and keeps playing', async () => {
    const t = setup({ choice: 'webgl' });
    await t.live.rebuild();
    expect(t.live.decision?.backend).toBe('webgl');
    expect(t.watching()).toBe(true);
    const first = t.live.run!;
    t.live.play();
    first.steps = 120;
    first.w = 5;
    t.tick(3000);
    t.live.noteReadback(120, true);
    await flush();
    t.live.noteReadback(150, true);
    t.loseContext();
    await flush();
    await flush();
    const second = t.live.run!;
    expect(first.disposed).toBe(true);
    expect(second.backend).toBe('wasm');
    expect(t.chooseCalls.at(-1)?.exclude).toContain('webgl');
    expect(second.w).toBe(5);
    expect(second.steps).toBe(120);
    expect(t.rewinds).toEqual([120]);
    expect(t.live.notices).toHaveLength(1);
    expect(t.live.notices[0]).toMatch(/WebGL\) stopped at step 150\. Training continues on wasm from step 120/);
    expect(t.live.running).toBe(true);
    expect(t.live.error).toBeNull();
    expect(t.watching()).toBe(false);
    // webgl stays excluded for later builds of this view
    await t.live.rebuild();
    expect(t.live.decision?.backend).toBe('wasm');
  });

  it('turns a failure on WebGL into a rebuild without it, and any other failure into a message', async () => {
    const t = setup({ choice: 'webgl' });
    await t.live.rebuild();
    t.live.play();
    t.live.loop.events.failed(new Error('context gone'));
    await flush();
    await flush();
    expect(t.live.decision?.backend).toBe('wasm');
    expect(t.live.notices[0]).toMatch(/before any copy was saved, so this run restarted on wasm/);
    expect(t.live.error).toBeNull();
    t.live.loop.events.failed(new Error('out of memory'));
    await flush();
    expect(t.live.error).toMatch(/Training stopped: out of memory/);
    expect(t.live.running).toBe(false);
  });

  it('keeps copies only on WebGL when asked', async () => {
    const t = setup({ choice: 'cpu', saveOnlyOnWebgl: true });
    await t.live.rebuild();
    t.tick(5000);
    t.live.noteReadback(10, true);
    await flush();
    expect(t.live.savedStep).toBeNull();
  });

  it('moves a provisional start to the measured backend and says it settled', async () => {
    const t = setup({ provisional: true, measured: 'wasm' });
    await t.live.rebuild();
    expect(t.live.decision?.provisional).toBe(true);
    await flush();
    expect(t.used).toEqual(['wasm']);
    expect(t.live.decision).toMatchObject({ backend: 'wasm', reason: 'measured' });
    expect(t.settledWith.map((d) => d.backend)).toEqual(['wasm']);
  });

  it('frees the run and stops on destroy, and drops a build still under way', async () => {
    const t = setup();
    await t.live.rebuild();
    const run = t.live.run!;
    const release = t.hold();
    const pending = t.live.rebuild();
    t.live.destroy();
    release();
    await pending;
    expect(run.disposed).toBe(true);
    expect(t.live.run).toBeNull();
    expect(t.built).toHaveLength(1);
  });
});
