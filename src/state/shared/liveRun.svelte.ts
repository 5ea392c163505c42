/**
 * The life cycle of a model that trains live in a view, once for every view: building a run
 * (stale builds dropped), choosing a backend (a quick start, then settling on the measured
 * fastest), watching for a lost WebGL context and carrying on without it from the last saved
 * copy of the weights, pausing on divergence with "restore last good state", turning failures
 * into a message, the reduced-motion readback rate, play / pause / step / fast-forward, notices
 * and the tensor count.
 *
 * A feature supplies an adapter: how to plan a run from its settings (data and spec, which the
 * backend choice needs), how to build it once the backend is set, how to free it, and its
 * wording. The controller only speaks of build / play / pause / step / readback / save / restore,
 * never of tensors, so the loop and the run behind it could live in a worker instead of the
 * page without the views knowing.
 */
import { Trainer } from '../../core/gan/trainer';
import type { TrainerSpec, TrainerState } from '../../core/gan/trainer';
import type { BackendDecision, BackendName } from '../../core/backend/backend';
import type { BackendChoice } from '../../core/settings/config';
import type { PointSet } from '../../core/data/datasets';
import { fmt, t } from '../../i18n';

import type { StepKind } from '../../core/loop/sliceLoop';
export type { StepKind };

/** Where training runs: the loop of the page today (core/loop, core/faces/loop), a worker later. */
export interface LiveLoop {
  readonly running: boolean;
  play(): void;
  pause(): void;
  /** One step while paused, then a readback. */
  stepOnce(kind?: StepKind): void;
  /** n steps at once without drawing in between, then a readback. */
  runSteps(n: number): void;
  /** A readback soon; `force` makes it full and not throttled, or with `light` a frame now and the full one next. */
  readback(force: boolean, light?: boolean): void;
  /** Minimum time between readbacks. */
  readbackInterval: number;
}

/** What the loop tells the controller; the feature hands these to its loop's events. */
export interface LiveEvents {
  /** A loss or an output stopped being a number; the loop has paused. */
  diverged(step: number): void;
  /** The backend failed mid-step; the loop has paused. */
  failed(error: unknown): void;
}

/** A saved copy of a run's weights, in ordinary memory. */
export interface Saved {
  readonly steps: number;
}

/** One built run, as the controller sees it. */
export interface LiveHandle<S extends Saved = Saved> {
  /** A copy of the weights to restore later, or null when it is not healthy (NaN/Infinity). */
  save(): Promise<S | null>;
  restore(saved: S): void;
}

/** What the backend choice needs to know about a run. */
export interface BackendRequest {
  choice: BackendChoice;
  spec: TrainerSpec;
  data: PointSet;
  /** Backends `auto` leaves out unless nothing else starts (e.g. plain JavaScript for images). */
  avoid?: BackendName[];
}

/** A planned run: its backend request and how to build it once that backend is in use. */
export interface LivePlan<Run> {
  backend: BackendRequest;
  /** Synchronous on the page's thread; a promise where the run is built in a worker. */
  build(decision: BackendDecision): Run | Promise<Run>;
}

export interface LiveWords {
  /** The error shown when training blew up at `step`; `saved` is the step of the last good copy, if any. */
  diverged(step: number, saved: number | null): string;
  /** The notice after restoring the copy of step `saved`. */
  restored?(saved: number): string;
}

export interface LiveAdapter<Run, L extends LiveLoop = LiveLoop> {
  /** Make the loop once; it must pass `events` on. */
  loop(events: LiveEvents): L;
  /**
   * Plan a run from the current settings (data, spec). A thrown error is shown; null (or
   * anything once `stale()` says a newer build started) drops the build.
   */
  plan(stale: () => boolean): Promise<LivePlan<Run> | null> | LivePlan<Run> | null;
  /** Free a run (and take it out of the loop). */
  dispose(run: Run): void;
  words: LiveWords;
  /**
   * Before the weights go back to a saved copy: what the view shows, to be cut back to the saved
   * step once they have (history rows after it, the step counter).
   */
  keepView?(): (savedStep: number) => void;
  /** The backend was settled after a provisional start. */
  settled?(decision: BackendDecision): void;
}

/**
 * The backend side: state/platform's pagePlatform in the page (tfjs on this thread), a fake in
 * Node tests, a proxy to a training worker later.
 */
export interface LivePlatform {
  choose(choice: BackendChoice, spec: TrainerSpec, data: PointSet, exclude: BackendName[], opts: { quickStart?: boolean }): Promise<BackendDecision>;
  measure(spec: TrainerSpec, data: PointSet, exclude: BackendName[]): Promise<BackendDecision>;
  use(backend: BackendName): Promise<boolean>;
  /** Call onLost when the WebGL context is lost; returns an unsubscribe. */
  watchLoss(onLost: () => void): () => void;
  now(): number;
  tensors(): number;
}

export interface LiveOptions {
  /** Readback interval normally and with prefers-reduced-motion. */
  readbackMs: { normal: number; reduced: number };
  /** Keep a healthy copy of the weights at most this often. */
  saveEveryMs: number;
  /** Only keep copies while on WebGL (for carrying on after a lost context, not for divergence). */
  saveOnlyOnWebgl?: boolean;
  /** Offer "restore last good state" after a divergence. */
  offerRestore?: boolean;
  platform: LivePlatform;
}

/** What a view says when WebGL failed at `lostAt` and training moved to `backend`. */
export function webglLostNotice(lostAt: number, resumedFrom: number | null, backend: string | null): string {
  const live = t().shared.live;
  const where = backend ?? live.anotherBackend;
  return resumedFrom !== null ? live.webglLostResumed(fmt.int(lostAt), where, fmt.int(resumedFrom)) : live.webglLostRestarted(where);
}

/**
 * The reason of a provisional choice that could not be settled: English like core's reasons
 * (a decision's reason is data, e.g. in the bench report); state/platform/backendReason words it.
 */
const notMeasuredReason = (backend: string) => `${backend}: the other backends could not be measured here`;

/** What a view says when a backend failed mid-training for another reason. */
export function failureMessage(e: unknown): string {
  return t().shared.live.stopped(e instanceof Error ? e.message : String(e));
}

/** The save and restore of a run whose weights are one Trainer's. */
export function trainerSaves(trainer: Trainer): LiveHandle<TrainerState> {
  return {
    save: () => trainer.captureState().then((s) => (Trainer.isFinite(s) ? s : null)),
    restore: (s) => trainer.restoreState(s),
  };
}

export class LiveRun<Run extends LiveHandle<S>, L extends LiveLoop = LiveLoop, S extends Saved = TrainerState> {
  running = $state(false);
  busy = $state(true);
  error = $state<string | null>(null);
  diverged = $state(false);
  canRestore = $state(false);
  decision = $state.raw<BackendDecision | null>(null);
  notices = $state.raw<string[]>([]);
  /** The current run (null while building). */
  run = $state.raw<Run | null>(null);

  readonly loop: L;
  private readonly platform: LivePlatform;
  private token = 0;
  private excluded: BackendName[] = [];
  private good: S | null = null;
  private lastSave = -Infinity;
  private shownStep = 0;
  private unwatch: () => void = () => {};
  private unmotion: () => void = () => {};

  constructor(
    private readonly adapter: LiveAdapter<Run, L>,
    private readonly options: LiveOptions,
  ) {
    this.platform = options.platform;
    this.loop = adapter.loop({ diverged: (step) => this.diverge(step), failed: (e) => void this.fail(e) });
    const motion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)');
    const applyMotion = () => (this.loop.readbackInterval = motion?.matches ? options.readbackMs.reduced : options.readbackMs.normal);
    applyMotion();
    motion?.addEventListener?.('change', applyMotion);
    this.unmotion = () => motion?.removeEventListener?.('change', applyMotion);
  }

  /** Bumped by every build; work begun for an older build checks it and drops its result. */
  get generation(): number {
    return this.token;
  }

  /** Step of the last saved healthy copy, if any. */
  get savedStep(): number | null {
    return this.good?.steps ?? null;
  }

  /** Start a new run from step 0 with the current settings (a newer call wins). */
  async rebuild(): Promise<void> {
    const token = ++this.token;
    const stale = () => token !== this.token;
    const wasRunning = this.running;
    this.loop.pause();
    this.running = false;
    this.busy = true;
    this.error = null;
    this.diverged = false;
    this.good = null;
    this.canRestore = false;
    this.lastSave = -Infinity;
    this.shownStep = 0;
    this.disposeRun();
    let plan: LivePlan<Run> | null;
    let decision: BackendDecision;
    let run: Run;
    try {
      plan = await this.adapter.plan(stale);
      if (!plan || stale()) return;
      decision = await this.pick(plan.backend);
      if (stale()) return;
      run = await plan.build(decision);
      if (stale()) {
        this.adapter.dispose(run);
        return;
      }
    } catch (e) {
      if (!stale()) {
        this.error = e instanceof Error ? e.message : String(e);
        this.busy = false;
      }
      return;
    }
    this.run = run;
    this.decision = decision;
    this.watch(decision.backend);
    this.busy = false;
    this.loop.readback(true);
    if (wasRunning) this.play();
    if (decision.provisional) void this.settle(token, plan.backend);
  }

  private avoided(req: BackendRequest): BackendName[] {
    return [...new Set([...this.excluded, ...(req.avoid ?? [])])];
  }

  /** A forced backend, or auto: at once on a quick backend (provisional), the avoided ones only if nothing else starts. */
  private async pick(req: BackendRequest): Promise<BackendDecision> {
    const p = this.platform;
    if (req.choice !== 'auto' || !req.avoid?.length) return p.choose(req.choice, req.spec, req.data, this.excluded, { quickStart: true });
    try {
      return await p.choose(req.choice, req.spec, req.data, this.avoided(req), { quickStart: true });
    } catch {
      return p.choose(req.choice, req.spec, req.data, this.excluded, {});
    }
  }

  /**
   * The automatic backend started provisionally: measure the others on this model (in a worker,
   * while training goes on), then move the run to the fastest. Tensors follow to the new
   * backend on their next use, so the run continues where it was.
   */
  private async settle(token: number, req: BackendRequest): Promise<void> {
    let d: BackendDecision;
    try {
      d = await this.platform.measure(req.spec, req.data, this.avoided(req));
    } catch {
      if (token === this.token && this.decision) this.decision = { ...this.decision, provisional: false, reason: notMeasuredReason(this.decision.backend) };
      return;
    }
    if (token !== this.token) return;
    if (d.backend !== this.decision?.backend) {
      if (!(await this.platform.use(d.backend)) || token !== this.token) return;
      this.watch(d.backend);
    }
    this.decision = d;
    this.adapter.settled?.(d);
  }

  private watch(backend: BackendName): void {
    this.unwatch();
    this.unwatch = backend === 'webgl' ? this.platform.watchLoss(() => void this.leaveWebgl()) : () => {};
  }

  /**
   * The feature received a readback of `step`; `healthy` when all its numbers are finite. Keeps
   * a copy of the weights every so often (read asynchronously).
   */
  noteReadback(step: number, healthy: boolean): void {
    this.shownStep = step;
    const run = this.run;
    if (!run || !healthy || this.diverged) return;
    if (this.options.saveOnlyOnWebgl && this.decision?.backend !== 'webgl') return;
    const now = this.platform.now();
    if (now - this.lastSave <= this.options.saveEveryMs) return;
    this.lastSave = now;
    run.save().then(
      (s) => {
        if (s && run === this.run && !this.diverged) this.good = s;
      },
      () => {},
    );
  }

  play(): boolean {
    if (this.busy || !this.run || this.diverged) return false;
    this.running = true;
    this.loop.play();
    return true;
  }

  pause(): void {
    const was = this.running || this.loop.running;
    this.running = false;
    this.loop.pause();
    // the plot of the step training stopped at at once, then its full evaluation
    if (was) this.loop.readback(true, true);
  }

  toggle(): void {
    if (this.running) this.pause();
    else this.play();
  }

  /** The loop paused itself (e.g. at a step the feature asked it to stop at). */
  loopPaused(): void {
    this.running = false;
  }

  stepOnce(kind?: StepKind): void {
    if (this.busy || this.diverged || !this.run) return;
    this.pause();
    this.loop.stepOnce(kind);
  }

  fastForward(n: number): void {
    if (this.busy || this.diverged || !this.run) return;
    this.loop.runSteps(n);
  }

  /** A full readback now (e.g. after the view changed what it wants drawn). */
  refresh(): void {
    if (this.run) this.loop.readback(true);
  }

  private diverge(step: number): void {
    this.running = false;
    this.diverged = true;
    this.canRestore = !!this.options.offerRestore && this.good !== null;
    this.error = this.adapter.words.diverged(step, this.savedStep);
  }

  /** Go back to the weights of the last healthy copy after a divergence. */
  restoreGood(): void {
    const good = this.good;
    if (!this.run || !good || !this.options.offerRestore) return;
    const rewind = this.adapter.keepView?.();
    this.run.restore(good);
    this.diverged = false;
    this.canRestore = false;
    this.error = null;
    const said = this.adapter.words.restored?.(good.steps);
    if (said) this.notify(said);
    rewind?.(good.steps);
    this.loop.readback(true);
  }

  private async fail(e: unknown): Promise<void> {
    this.running = false;
    if (this.decision?.backend === 'webgl') {
      await this.leaveWebgl();
      return;
    }
    this.error = failureMessage(e);
  }

  /**
   * WebGL is gone (context lost or failing): carry on without it from the last healthy copy of
   * the weights, which lives in ordinary memory.
   */
  private async leaveWebgl(): Promise<void> {
    if (this.decision?.backend !== 'webgl') return;
    const wasRunning = this.running || this.loop.running;
    const lostAt = this.shownStep;
    const saved = this.good;
    const rewind = this.adapter.keepView?.();
    this.loop.pause();
    this.running = false;
    this.excluded = [...new Set([...this.excluded, 'webgl' as BackendName])];
    await this.rebuild();
    if (!this.run) return;
    if (saved) {
      this.run.restore(saved);
      this.shownStep = saved.steps;
      rewind?.(saved.steps);
      this.loop.readback(true);
    }
    this.notify(webglLostNotice(lostAt, saved?.steps ?? null, this.decision?.backend ?? null));
    if (wasRunning) this.play();
  }

  notify(text: string): void {
    this.notices = [...this.notices, text];
  }

  dismissNotice(i: number): void {
    this.notices = this.notices.filter((_, k) => k !== i);
  }

  private disposeRun(): void {
    const run = this.run;
    this.run = null;
    if (run) this.adapter.dispose(run);
  }

  destroy(): void {
    this.token++;
    this.unwatch();
    this.unmotion();
    this.loop.pause();
    this.running = false;
    this.disposeRun();
  }

  /** Live tensor count (tests and the bench). */
  tensorCount(): number {
    return this.platform.tensors();
  }
}
