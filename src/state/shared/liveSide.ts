/**
 * Where a live model trains: in the live training worker (src/workers/live), or on the page's
 * thread where the browser has no worker or no OffscreenCanvas (liveThread.ts). Both sides offer
 * the same surface to a view and its run controller (a loop, a backend platform, build, layout,
 * save and restore), so nothing above this file knows which thread trains. The engines are the
 * same on both sides: the worker's table (workers/live/engines.ts).
 */
import type { TrainerState } from '../../core/gan/trainer';
import type { ProbeLayout } from '../../core/gan/probe';
import type { StepKind } from '../../core/loop/sliceLoop';
import type { EngineEvents, EngineLoop, LiveEngine } from '../../core/loop/engine';
import type { BackendDecision, BackendName } from '../../core/backend/backend';
import { ENGINES } from '../../workers/live/engines';
import type { LiveKind, LiveKinds } from '../../workers/live/engines';
import { cachedDecision, frameHost, loseWebglContext, measureBackends, pagePlatform } from '../platform/platform';
import { trainerSaves } from './liveRun.svelte';
import type { LiveLoop, LivePlatform } from './liveRun.svelte';
import type { TrainerView } from './liveView.svelte';
import { LiveWorker } from './liveWorker';
import { liveThread } from './liveThread';
import { t } from '../../i18n';
import type { LiveThread } from './liveThread';

/** The loop as a view drives it, wherever it runs. */
export interface SideLoop extends LiveLoop {
  /** The playground's speed (ignored by the faces loop). */
  speed: number;
  /** Where the faces loop pauses by itself (ignored by the playground's). */
  stopAt: number | null;
}

/** A built run: its trainer (or the worker's proxy of it) and its number, for freeing it. */
export interface Built {
  trainer: TrainerView;
  id: number;
}

export interface LiveSide<K extends LiveKind> {
  readonly thread: LiveThread;
  readonly platform: LivePlatform;
  /** Make the loop once; it passes `events` on. */
  attach(events: EngineEvents<LiveKinds[K]['readback']>): SideLoop;
  build(req: LiveKinds[K]['request']): Promise<Built>;
  setLayout(layout: ProbeLayout): void;
  /** A copy of the weights, or null when any is not finite. */
  save(): Promise<TrainerState | null>;
  restore(s: TrainerState): void;
  /** Free run `id` unless a newer build has replaced it. */
  free(id: number): void;
  /** Force a WebGL context loss where the run trains (the fault tests and the bench). */
  loseContext(): Promise<boolean>;
  /** Free everything (the worker too). */
  close(): void;
}

/** A model on the page's thread (the fallback): the same engine, on the page's scheduler. */
class PageSide<K extends LiveKind> implements LiveSide<K> {
  readonly platform = pagePlatform;
  private engine: LiveEngine<LiveKinds[K]['request']> | null = null;
  private built = 0;

  constructor(
    readonly thread: LiveThread,
    private readonly kind: K,
  ) {}

  attach(events: EngineEvents<LiveKinds[K]['readback']>): SideLoop {
    const entry = ENGINES[this.kind] as unknown as { make(h: typeof frameHost, e: typeof events): LiveEngine<LiveKinds[K]['request']> };
    this.engine = entry.make(frameHost, events);
    return this.engine.loop as EngineLoop as SideLoop;
  }

  private get core(): LiveEngine<LiveKinds[K]['request']> {
    if (!this.engine) throw new Error('the live engine is not attached');
    return this.engine;
  }

  async build(req: LiveKinds[K]['request']): Promise<Built> {
    this.core.build(req);
    return { trainer: this.core.trainer!, id: ++this.built };
  }

  setLayout(layout: ProbeLayout): void {
    this.core.setLayout?.(layout);
  }

  save(): Promise<TrainerState | null> {
    const trainer = this.core.trainer;
    return trainer ? trainerSaves(trainer).save() : Promise.resolve(null);
  }

  restore(s: TrainerState): void {
    this.core.trainer?.restoreState(s);
  }

  free(id: number): void {
    if (id === this.built) this.engine?.dispose();
  }

  loseContext(): Promise<boolean> {
    return Promise.resolve(loseWebglContext());
  }

  close(): void {
    this.engine?.dispose();
  }
}

/** The loop as the page sees it when the worker trains: each call is a command, in order. */
class WorkerLoop implements SideLoop {
  running = false;
  private rate = 1;
  private interval = 0;
  private stop: number | null = null;

  constructor(private readonly w: LiveWorker) {}

  play(): void {
    this.running = true;
    this.w.send({ op: 'play' });
  }
  pause(): void {
    this.running = false;
    this.w.send({ op: 'pause' });
  }
  stepOnce(kind: StepKind = 'both'): void {
    this.w.send({ op: 'step', kind });
  }
  runSteps(n: number): void {
    this.w.send({ op: 'runSteps', n });
  }
  readback(force: boolean, light = false): void {
    this.w.send({ op: 'readback', force, light });
  }
  get speed(): number {
    return this.rate;
  }
  set speed(v: number) {
    this.rate = v;
    this.w.send({ op: 'configure', speed: v });
  }
  get readbackInterval(): number {
    return this.interval;
  }
  set readbackInterval(v: number) {
    this.interval = v;
    this.w.send({ op: 'configure', readbackInterval: v });
  }
  get stopAt(): number | null {
    return this.stop;
  }
  set stopAt(v: number | null) {
    this.stop = v;
    this.w.send({ op: 'configure', stopAt: v });
  }
  /** What a new run in the worker must be told (its loop starts with its own defaults). */
  resend(): void {
    this.w.send({ op: 'configure', speed: this.rate, readbackInterval: this.interval, stopAt: this.stop });
  }
}

/** The trainer as the page sees it when the worker trains: its step, sizes, weights in and out. */
class WorkerTrainer implements TrainerView {
  readonly G: TrainerView['G'];
  readonly D: TrainerView['D'];

  constructor(
    private readonly w: LiveWorker,
    sizes: { g: number; d: number },
  ) {
    this.G = { size: sizes.g, restore: (weights) => w.send({ op: 'weights', net: 'G', weights }) };
    this.D = { size: sizes.d, restore: (weights) => w.send({ op: 'weights', net: 'D', weights }) };
  }

  get steps(): number {
    return this.w.steps;
  }

  async captureState(): Promise<TrainerState> {
    const s = await this.w.call<TrainerState | null>({ op: 'save', onlyFinite: false });
    if (!s) throw new Error(t().shared.live.noRunYet);
    return s;
  }

  restoreState(s: TrainerState): void {
    this.w.send({ op: 'restore', state: s });
    this.w.steps = s.steps;
  }
}

/** A model in the live training worker. */
class WorkerSide<K extends LiveKind> implements LiveSide<K> {
  readonly thread: LiveThread = { where: 'worker' };
  readonly platform: LivePlatform;
  private readonly w: LiveWorker;
  private readonly loop: WorkerLoop;
  private events: EngineEvents<LiveKinds[K]['readback']> | null = null;
  private onLost: (() => void) | null = null;
  private read: (wire: never) => LiveKinds[K]['readback'] | null;

  constructor(private readonly kind: K) {
    const entry = ENGINES[kind] as unknown as { unwire(): (w: never) => LiveKinds[K]['readback'] | null };
    this.read = entry.unwire();
    this.w = new LiveWorker({
      snapshot: (wire) => {
        const r = this.read(wire as never);
        if (r) this.events?.readback(r);
      },
      stopped: (step) => {
        this.loop.running = false;
        this.events?.stopped(step);
      },
      diverged: (step) => {
        this.loop.running = false;
        this.events?.diverged(step);
      },
      failed: (message) => {
        this.loop.running = false;
        this.events?.failed(new Error(message));
      },
      lost: () => this.onLost?.(),
    });
    this.loop = new WorkerLoop(this.w);
    const noWebgl = async (exclude: BackendName[]) => ((await this.w.hello).offscreen ? exclude : [...new Set([...exclude, 'webgl' as const])]);
    this.platform = {
      choose: async (choice, spec, data, exclude, opts) => {
        const out = await noWebgl(exclude);
        // a size the page has measured already starts on the winner at once
        const known = choice === 'auto' ? cachedDecision(spec, out) : null;
        if (known && (await this.w.call<boolean>({ op: 'use', backend: known.backend }))) return known;
        return this.w.call<BackendDecision>({ op: 'choose', choice, spec, data: { x: data.x, g: data.g, n: data.n, dim: data.dim } as never, exclude: out, quickStart: !!opts.quickStart });
      },
      measure: async (spec, data, exclude) => measureBackends(spec, data, await noWebgl(exclude)),
      use: (backend) => this.w.call<boolean>({ op: 'use', backend }),
      watchLoss: (onLost) => {
        this.onLost = onLost;
        this.w.send({ op: 'watchLoss', on: true });
        return () => {
          this.onLost = null;
          this.w.send({ op: 'watchLoss', on: false });
        };
      },
      now: () => performance.now(),
      tensors: () => this.w.tensors,
    };
  }

  attach(events: EngineEvents<LiveKinds[K]['readback']>): SideLoop {
    this.events = events;
    return this.loop;
  }

  async build(req: LiveKinds[K]['request']): Promise<Built> {
    this.loop.running = false;
    const built = await this.w.call<{ g: number; d: number; run: number }>({ op: 'build', kind: this.kind, request: req });
    // readbacks of the old run posted before the build are behind us now
    this.read = (ENGINES[this.kind] as unknown as { unwire(): (w: never) => LiveKinds[K]['readback'] | null }).unwire();
    this.loop.resend();
    return { trainer: new WorkerTrainer(this.w, built), id: built.run };
  }

  setLayout(layout: ProbeLayout): void {
    this.w.send({ op: 'layout', layout });
  }

  save(): Promise<TrainerState | null> {
    return this.w.call<TrainerState | null>({ op: 'save', onlyFinite: true });
  }

  restore(s: TrainerState): void {
    this.w.send({ op: 'restore', state: s });
    this.w.steps = s.steps;
  }

  free(id: number): void {
    this.w.send({ op: 'dispose', run: id });
  }

  loseContext(): Promise<boolean> {
    return this.w.call<boolean>({ op: 'loseContext' });
  }

  close(): void {
    this.w.terminate();
  }
}

/** The side a live model of `kind` trains on here: the worker where it can, else the page. */
export function liveSide<K extends LiveKind>(kind: K, thread: LiveThread = liveThread()): LiveSide<K> {
  return thread.where === 'worker' ? new WorkerSide(kind) : new PageSide(thread, kind);
}
