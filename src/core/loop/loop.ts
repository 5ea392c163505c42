/**
 * The training loop, decoupled from the frame rate: training runs in slices that each fill a
 * time budget with as many steps as fit, scheduled one after another by the host (a zero-delay
 * timer in the page, so input and drawing get the thread between slices). At most one
 * asynchronous readback is in flight; the view draws when a readback lands, so a page that
 * renders slowly never slows training. Time and scheduling come from the host, so the loop runs
 * in a page, a worker or a Node test alike.
 */
import { tf } from '../shared/tf';
import { evaluationLength, evaluationTensor, unpackEvaluation } from '../metrics/evaluate';
import type { EvalContext, Evaluation } from '../metrics/evaluate';
import type { Probe, ProbeFrame } from '../gan/probe';
import type { Trainer } from '../gan/trainer';
import { Rng } from '../shared/rng';
import { assignAll } from '../metrics/groups';
import { SliceLoop } from './sliceLoop';
import { MemorisationMeter } from '../privacy/live';
import type { LiveMemorisation, MemorisationSets } from '../privacy/live';
import type { LoopHost } from './sliceLoop';

export type { LoopHost };

export interface Snapshot {
  generation: number;
  step: number;
  lossD: number;
  lossG: number;
  /** Steps per second over the last readbacks. */
  stepsPerSecond: number;
  frame: ProbeFrame | null;
  /** The group (or OFF_DATA) of each of the frame's generated points, by the real data's density. */
  frameGroups: Int8Array | null;
  /** The latest evaluation (2,048 samples): new in this snapshot when `evaluated`, else repeated. */
  evaluation: Evaluation;
  evaluated: boolean;
  /**
   * Memorisation of the latest measured evaluation against the training set and its held-out
   * twin (core/privacy/live.ts), null when the run has no twin; new when `memorised`.
   */
  memorisation: LiveMemorisation | null;
  memorised: boolean;
  /** Detective updates so far, every one a read of real data (the privacy accountant's steps). */
  detectiveUpdates: number;
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

/**
 * Length of one training slice; `speed` scales it. Below 1 the loop also rests between slices,
 * so training takes about `speed` of the time wherever it runs (slices run back to back in a
 * worker, where nothing else would slow them).
 */
export const FRAME_BUDGET_MS = 8;
/** Readbacks (and so redraws) at most this often: about 32 a second with the redraw itself. */
export const READBACK_INTERVAL_MS = 28;
/**
 * Full evaluations (the metrics and charts, 2,048 samples a side) at most this often; the
 * readbacks in between carry only what the plot draws, which costs a fraction as much.
 */
export const EVALUATION_INTERVAL_MS = 250;

export class TrainingLoop extends SliceLoop {
  private events: LoopEvents;
  private current: Trainer | null = null;
  private ctx: EvalContext | null = null;
  private probe: Probe | null = null;
  private meter: MemorisationMeter | null = null;
  private memorisation: LiveMemorisation | null = null;
  private evalRng = new Rng(1);
  speed = 1;
  /** Minimum time between readbacks (and so between redraws); raised for reduced motion. */
  readbackInterval = READBACK_INTERVAL_MS;
  evaluationInterval = EVALUATION_INTERVAL_MS;
  private lastEvaluation = -Infinity;
  private evaluation: Evaluation | null = null;
  /** How long the last readback took to come back (long on a busy or software GPU). */
  private lastLatency = 0;
  /** Slices whose steps the device has not finished yet (see slice()). */
  private fencesPending = 0;

  constructor(host: LoopHost, events: LoopEvents) {
    super(host, (e) => events.failed(e), 2000, 200);
    this.events = events;
  }

  protected get trainer(): Trainer | null {
    return this.current;
  }

  /** Install a new run (the caller disposes the old trainer and probe). */
  setRun(trainer: Trainer, ctx: EvalContext, probe: Probe | null, privacy: MemorisationSets | null = null): void {
    this.newGeneration();
    this.meter = privacy ? new MemorisationMeter(privacy) : null;
    this.memorisation = null;
    this.current = trainer;
    this.ctx = ctx;
    this.probe = probe;
    this.evalRng = new Rng(trainer.spec.seed).fork('evaluation');
    this.lastEvaluation = -Infinity;
    this.evaluation = null;
    this.lastLatency = 0;
    this.fencesPending = 0;
  }

  /** Swap the probe of the current run (e.g. the manifold toggle) without a new generation. */
  setProbe(probe: Probe | null): void {
    this.probe = probe;
  }

  /** Manual steps while paused: 'both', 'detective' or 'forger'. Then one readback. */
  stepOnce(kind: 'both' | 'detective' | 'forger' = 'both'): void {
    const ok = this.guard((t) => {
      if (kind === 'both') t.step();
      else if (kind === 'detective') t.stepD();
      else t.stepG();
    });
    if (ok) this.readback(true, true);
  }

  protected slice(): void {
    const start = this.host.now();
    // Back-pressure for asynchronous backends: a slice trains only while the device has at most
    // one earlier slice still to finish (a one-number read of each slice's last loss is its
    // fence), and not while an old readback has been waiting on the GPU for long. So the GPU's
    // queue stays short and readbacks come back quickly.
    const gpuBusy = this.fencesPending >= 2 || (this.inFlight && start - this.inFlightSince > 2 * FRAME_BUDGET_MS);
    if (!gpuBusy) {
      // end the slice when the next readback is due, so frames come at the readback interval
      // rather than at the next slice boundary after it
      const untilReadback = this.lastReadback + this.readbackInterval - start;
      const budget = Math.min(FRAME_BUDGET_MS * this.speed, untilReadback > 1 ? untilReadback : Infinity);
      const ok = this.guard((t) => {
        do t.step();
        while (this.host.now() - start < budget);
      });
      // wasm and cpu finish every kernel before returning: only WebGL needs the fence
      const fence = ok && tf.getBackend() === 'webgl' ? this.trainer?.lossG : null;
      if (fence) {
        const gen = this.generation;
        this.fencesPending++;
        const done = () => {
          if (gen === this.generation) this.fencesPending--;
        };
        fence.data().then(done, done);
      }
    }
    if (!this.running) return;
    this.readback(false);
    const worked = this.host.now() - start;
    this.schedule(this.speed < 1 ? (worked * (1 - this.speed)) / this.speed : 0);
  }

  /**
   * Start an asynchronous readback unless one is in flight or one happened too recently. It
   * carries a full evaluation when forced or when the last one is older than the evaluation
   * interval, and otherwise only the plot's frame and the losses. A light forced readback
   * (a pause, a step) is a frame at once, then a full one when it has landed.
   */
  readback(force: boolean, light = false): void {
    const t = this.trainer;
    const ctx = this.ctx;
    if (!t || !ctx || !this.mayRead(force, light)) return;
    const now = this.host.now();
    // a device that takes long to answer (WebGL on a software rasteriser) is asked less often,
    // so it spends its time training rather than drawing
    if (!force && now - this.lastReadback < Math.max(this.readbackInterval, 2 * this.lastLatency)) return;
    if (!force && !this.mayPost()) return;
    const probe = this.probe;
    const full = (force && !light) || !probe || !this.evaluation || now - this.lastEvaluation >= this.evaluationInterval;
    if (!full && !probe) return;
    this.lastReadback = now;
    if (full) this.lastEvaluation = now;
    const gen = this.generation;
    const step = t.steps;
    const detectiveUpdates = t.dUpdates;
    const rates = t.rates();
    const packed = this.pack(t, () => {
      const parts: tf.Tensor[] = full ? [evaluationTensor(t, ctx, this.evalRng)] : [];
      if (probe) parts.push(probe.tensor(t));
      return parts;
    });
    if (!packed) return;
    this.receive(packed, gen, (flat) => {
      // a light forced frame: the full evaluation of the same step comes next
      if (force && !full) this.pendingForce = true;
      this.lastLatency = this.host.now() - now;
      const dim = t.spec.dim;
      const evaluation = full ? unpackEvaluation(flat, ctx, dim) : this.evaluation!;
      if (full) this.evaluation = evaluation;
      const frame = probe ? probe.unpack(flat, full ? evaluationLength(dim) : 0) : null;
      const { lossD, lossG, diverged } = this.settle(packed, flat, step, [full ? evaluation.generated : frame!.points]);
      if (diverged) this.events.diverged(step);
      const frameGroups = frame ? assignAll(ctx.density, frame.points, frame.points.length / 2) : null;
      const meter = this.meter;
      const memorised = full && !diverged && meter !== null && meter.due(this.host.now(), force || !this.memorisation);
      if (memorised) this.memorisation = meter.measure(evaluation.generated, step, this.host.now(), () => this.host.now());
      this.events.snapshot({ generation: gen, step, lossD, lossG, stepsPerSecond: this.stepsPerSecond, frame, frameGroups, evaluation, evaluated: full, memorisation: this.memorisation, memorised, detectiveUpdates, rates });
    });
  }
}
