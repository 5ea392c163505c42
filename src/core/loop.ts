/**
 * The training loop, decoupled from the frame rate: training runs in slices that each fill a
 * time budget with as many steps as fit, scheduled one after another by the host (a zero-delay
 * timer in the page, so input and drawing get the thread between slices). At most one
 * asynchronous readback is in flight; the view draws when a readback lands, so a page that
 * renders slowly never slows training. Time and scheduling come from the host, so the loop runs
 * in a page, a worker or a Node test alike.
 */
import { tf } from './tf';
import { evaluationLength, evaluationTensor, unpackEvaluation } from './evaluate';
import type { EvalContext, Evaluation } from './evaluate';
import type { Probe, ProbeFrame } from './gan/probe';
import type { Trainer } from './gan/trainer';
import { Rng } from './rng';

export interface LoopHost {
  now(): number;
  /** Run cb soon, after pending input and rendering (e.g. setTimeout 0). */
  schedule(cb: () => void): number;
  cancel(id: number): void;
}

export interface Snapshot {
  generation: number;
  step: number;
  lossD: number;
  lossG: number;
  /** Steps per second over the last readbacks. */
  stepsPerSecond: number;
  frame: ProbeFrame | null;
  evaluation: Evaluation;
  /** The detective's and forger's learning rates now. */
  rates: { g: number; d: number };
}

export interface LoopEvents {
  snapshot(s: Snapshot): void;
  /** A loss or a generated point is NaN/Infinity: the loop has paused. */
  diverged(step: number): void;
  /** The backend failed mid-step (e.g. a lost WebGL context): the loop has paused. */
  failed(error: unknown): void;
}

/** Length of one training slice; `speed` scales it. */
export const FRAME_BUDGET_MS = 8;
/** Readbacks at most this often. */
export const READBACK_INTERVAL_MS = 120;

export class TrainingLoop {
  private host: LoopHost;
  private events: LoopEvents;
  private trainer: Trainer | null = null;
  private ctx: EvalContext | null = null;
  private probe: Probe | null = null;
  private evalRng = new Rng(1);
  /** Bumped on every new run; readbacks from an older generation are dropped. */
  generation = 0;
  running = false;
  speed = 1;
  /** Minimum time between readbacks (and so between redraws); raised for reduced motion. */
  readbackInterval = READBACK_INTERVAL_MS;
  private frameId: number | null = null;
  private inFlight = false;
  private inFlightSince = 0;
  private lastReadback = -Infinity;
  private rateWindow: { t: number; step: number }[] = [];
  stepsPerSecond = 0;

  constructor(host: LoopHost, events: LoopEvents) {
    this.host = host;
    this.events = events;
  }

  /** Install a new run (the caller disposes the old trainer and probe). */
  setRun(trainer: Trainer, ctx: EvalContext, probe: Probe | null): void {
    this.generation++;
    this.trainer = trainer;
    this.ctx = ctx;
    this.probe = probe;
    this.evalRng = new Rng(trainer.spec.seed).fork('evaluation');
    this.inFlight = false;
    this.rateWindow = [];
    this.stepsPerSecond = 0;
    this.lastReadback = -Infinity;
  }

  /** Swap the probe of the current run (e.g. the manifold toggle) without a new generation. */
  setProbe(probe: Probe | null): void {
    this.probe = probe;
  }

  play(): void {
    if (this.running) return;
    this.running = true;
    this.rateWindow = [];
    this.schedule();
  }

  pause(): void {
    this.running = false;
    if (this.frameId !== null) this.host.cancel(this.frameId);
    this.frameId = null;
  }

  private schedule(): void {
    if (this.frameId === null) this.frameId = this.host.schedule(() => this.frame());
  }

  /** Run `fn` on the trainer with failures turned into a pause and an event. */
  private guard(fn: (t: Trainer) => void): boolean {
    const t = this.trainer;
    if (!t) return false;
    try {
      fn(t);
      return true;
    } catch (e) {
      this.pause();
      this.events.failed(e);
      return false;
    }
  }

  /** Manual steps while paused: 'both', 'detective' or 'forger'. Then one readback. */
  stepOnce(kind: 'both' | 'detective' | 'forger' = 'both'): void {
    const ok = this.guard((t) => {
      if (kind === 'both') t.step();
      else if (kind === 'detective') t.stepD();
      else t.stepG();
    });
    if (ok) this.readback(true);
  }

  /** Run n steps synchronously (headless use, tests), then one readback. */
  runSteps(n: number): void {
    if (this.guard((t) => {
      for (let i = 0; i < n; i++) t.step();
    })) this.readback(true);
  }

  private frame(): void {
    this.frameId = null;
    if (!this.running || !this.trainer) return;
    const start = this.host.now();
    // Back-pressure for asynchronous backends: while an old readback is still waiting on the
    // GPU, queue no more work, so the queue never grows beyond one readback interval.
    const gpuBusy = this.inFlight && start - this.inFlightSince > 2 * FRAME_BUDGET_MS;
    if (!gpuBusy) {
      const budget = FRAME_BUDGET_MS * this.speed;
      this.guard((t) => {
        do t.step();
        while (this.host.now() - start < budget);
      });
    }
    if (!this.running) return;
    this.readback(false);
    this.schedule();
  }

  /** Start an asynchronous readback unless one is in flight or one happened too recently. */
  readback(force: boolean): void {
    const t = this.trainer;
    const ctx = this.ctx;
    if (!t || !ctx || this.inFlight) return;
    const now = this.host.now();
    if (!force && now - this.lastReadback < this.readbackInterval) return;
    this.lastReadback = now;
    const gen = this.generation;
    const probe = this.probe;
    const step = t.steps;
    const rates = t.rates();
    let packed: tf.Tensor1D;
    try {
      packed = tf.tidy(() => {
        const parts: tf.Tensor[] = [evaluationTensor(t, ctx, this.evalRng)];
        if (probe) parts.push(probe.tensor(t));
        parts.push(tf.stack([t.lossD ?? tf.scalar(NaN), t.lossG ?? tf.scalar(NaN)]));
        return tf.concat(parts) as tf.Tensor1D;
      });
    } catch (e) {
      this.pause();
      this.events.failed(e);
      return;
    }
    this.inFlight = true;
    this.inFlightSince = now;
    packed
      .data()
      .then((raw) => {
        const flat = raw as Float32Array;
        if (gen !== this.generation) return;
        const dim = t.spec.dim;
        const evaluation = unpackEvaluation(flat, ctx, dim);
        const frame = probe ? probe.unpack(flat, evaluationLength(dim)) : null;
        const lossD = flat[flat.length - 2];
        const lossG = flat[flat.length - 1];
        this.measureRate(this.host.now(), step);
        const bad = (t.lossD && !Number.isFinite(lossD)) || (t.lossG && !Number.isFinite(lossG)) || evaluation.generated.some((v) => !Number.isFinite(v));
        if (bad) {
          this.pause();
          this.events.diverged(step);
        }
        this.events.snapshot({ generation: gen, step, lossD, lossG, stepsPerSecond: this.stepsPerSecond, frame, evaluation, rates });
      })
      .catch((e) => {
        if (gen !== this.generation) return;
        this.pause();
        this.events.failed(e);
      })
      .finally(() => {
        packed.dispose();
        if (gen === this.generation) this.inFlight = false;
      });
  }

  private measureRate(t: number, step: number): void {
    this.rateWindow.push({ t, step });
    while (this.rateWindow.length > 2 && t - this.rateWindow[0].t > 2000) this.rateWindow.shift();
    const first = this.rateWindow[0];
    const dt = (t - first.t) / 1000;
    if (this.running && dt > 0.2) this.stepsPerSecond = (step - first.step) / dt;
    else if (!this.running) this.stepsPerSecond = 0;
  }
}
