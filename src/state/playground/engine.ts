/**
 * Where the playground's run trains: in the live training worker (src/workers/live), or on the
 * page's thread where the browser has no worker or no OffscreenCanvas. Both sides offer the same
 * surface to the playground and its run controller (a loop, a backend platform, build, layout,
 * save and restore), so nothing above this file knows which thread trains.
 */
import type { EvalContext } from '../../core/metrics/evaluate';
import { makeEvalContext } from '../../core/metrics/evaluate';
import type { TrainerState } from '../../core/gan/trainer';
import type { ProbeLayout } from '../../core/gan/probe';
import type { LoopEvents, Snapshot } from '../../core/loop/loop';
import { READBACK_INTERVAL_MS } from '../../core/loop/loop';
import type { StepKind } from '../../core/loop/sliceLoop';
import { PlaygroundEngine } from '../../core/loop/playgroundEngine';
import type { PlannedRun, PlaygroundRequest } from '../../core/loop/playgroundEngine';
import type { BackendDecision, BackendName } from '../../core/backend/backend';
import { fromWire } from '../../workers/live/protocol';
import { cachedDecision, frameHost, loseWebglContext, measureBackends, pagePlatform } from '../platform/platform';
import { trainerSaves } from '../shared/liveRun.svelte';
import type { LiveLoop, LivePlatform } from '../shared/liveRun.svelte';
import type { TrainerView } from '../shared/liveView.svelte';
import { LiveWorker } from '../shared/liveWorker';
import { liveThread } from '../shared/liveThread';
import type { LiveThread } from '../shared/liveThread';

export interface PlaygroundLoop extends LiveLoop {
  speed: number;
}

/** A built run: its trainer, the page's evaluation context and its number (for freeing it). */
export interface Built {
  trainer: TrainerView;
  ctx: EvalContext;
  id: number;
}

export interface PlaygroundSide {
  readonly thread: LiveThread;
  readonly platform: LivePlatform;
  /** Make the loop once; it passes `events` on. */
  attach(events: LoopEvents): PlaygroundLoop;
  /** Build a run from its request (the planned run is the page's copy of the same plan). */
  build(req: PlaygroundRequest, planned: PlannedRun): Promise<Built>;
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

/** The playground's run on the page's thread (the fallback). */
class PageSide implements PlaygroundSide {
  readonly platform = pagePlatform;
  private engine: PlaygroundEngine | null = null;
  private built = 0;

  constructor(readonly thread: LiveThread) {}

  attach(events: LoopEvents): PlaygroundLoop {
    this.engine = new PlaygroundEngine(frameHost, events, (fn) => setTimeout(fn, 1000));
    return this.engine.loop;
  }

  private get core(): PlaygroundEngine {
    if (!this.engine) throw new Error('the playground engine is not attached');
    return this.engine;
  }

  async build(req: PlaygroundRequest, planned: PlannedRun): Promise<Built> {
    const { ctx } = this.core.build(req, planned);
    return { trainer: this.core.trainer!, ctx, id: ++this.built };
  }

  setLayout(layout: ProbeLayout): void {
    this.core.setLayout(layout);
  }

  save(): Promise<TrainerState | null> {
    const t = this.core.trainer;
    return t ? trainerSaves(t).save() : Promise.resolve(null);
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
class WorkerLoop implements PlaygroundLoop {
  running = false;
  private rate = 1;
  private interval = READBACK_INTERVAL_MS;

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
  readback(force: boolean): void {
    this.w.send({ op: 'readback', force });
  }
  get speed(): number {
    return this.rate;
  }
  set speed(v: number) {
    if (v === this.rate) return;
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
    if (!s) throw new Error('There is no run to save yet.');
    return s;
  }

  restoreState(s: TrainerState): void {
    this.w.send({ op: 'restore', state: s });
    this.w.steps = s.steps;
  }
}

/** The playground's run in the live training worker. */
class WorkerSide implements PlaygroundSide {
  readonly thread: LiveThread = { where: 'worker' };
  readonly platform: LivePlatform;
  private readonly w: LiveWorker;
  private readonly loop: WorkerLoop;
  private events: LoopEvents | null = null;
  private onLost: (() => void) | null = null;
  private last: Pick<Snapshot, 'evaluation' | 'memorisation'> | { evaluation: null; memorisation: null } = { evaluation: null, memorisation: null };

  constructor() {
    this.w = new LiveWorker({
      snapshot: (wire) => {
        const s = fromWire(wire, this.last);
        if (!s) return;
        this.last = { evaluation: s.evaluation, memorisation: s.memorisation };
        this.events?.snapshot(s);
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

  attach(events: LoopEvents): PlaygroundLoop {
    this.events = events;
    return this.loop;
  }

  async build(req: PlaygroundRequest, planned: PlannedRun): Promise<Built> {
    this.loop.running = false;
    this.last = { evaluation: null, memorisation: null };
    const built = await this.w.call<{ g: number; d: number; run: number }>({ op: 'build', request: req });
    // snapshots of the old run posted before the build are behind us now
    this.last = { evaluation: null, memorisation: null };
    this.w.send({ op: 'configure', speed: this.loop.speed, readbackInterval: this.loop.readbackInterval });
    return { trainer: new WorkerTrainer(this.w, built), ctx: makeEvalContext(planned.source, req.config.seed), id: built.run };
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

/** The side the playground trains on here: the worker where it can, else the page. */
export function playgroundSide(thread: LiveThread = liveThread()): PlaygroundSide {
  return thread.where === 'worker' ? new WorkerSide() : new PageSide(thread);
}
