/**
 * The faces view's training loop. Same discipline as core/loop.ts (which evaluates 2-D points):
 * training in slices of ~8 ms scheduled by the host (zero-delay timers in the page), at most one
 * asynchronous readback in flight and at most one every `readbackInterval` ms, a generation
 * counter that drops readbacks of an older run, and everything made for a readback freed.
 *
 * One readback carries the 8×8 grid from fixed noise, a fresh evaluation sample of generated
 * faces, the detective's verdict on held-out real faces and on that sample, and both losses.
 * Plain TypeScript on tfjs-core with time and scheduling passed in, so it runs in Node tests.
 */
import { tf } from '../shared/tf';
import type { Trainer } from '../gan/trainer';
import { Rng } from '../shared/rng';
import { SliceLoop } from '../loop/sliceLoop';
import type { LoopHost } from '../loop/sliceLoop';

export const FACE_SLICE_MS = 8;
/** Readbacks (and so redraws of the grid) at most this often. */
export const FACE_READBACK_MS = 300;
/**
 * A full evaluation (fresh generated faces and the detective's verdicts) at most this often: it
 * costs about one training step at 16 px, so doing it on every readback would take a third of the
 * training time on a slow machine.
 */
export const FACE_EVAL_MS = 1500;

export interface FacesRun {
  trainer: Trainer;
  /** Fixed noise for the drawn grid, [gridN, noiseDim]; owned by the run. */
  gridNoise: tf.Tensor2D;
  /** Held-out real faces (never trained on) for the detective's accuracy, [n, dim]. */
  heldOut: tf.Tensor2D;
  /** Generated faces per evaluation. */
  evalN: number;
}

export interface FacesReadback {
  generation: number;
  step: number;
  lossD: number;
  lossG: number;
  stepsPerSecond: number;
  /** gridN generated faces from the fixed noise, HWC, values in [−1, 1]. */
  grid: Float32Array;
  /** A full evaluation, or null on a light readback (grid and losses only). */
  evaluation: {
    /** evalN generated faces from fresh noise. */
    samples: Float32Array;
    /** Detective's probability "real" for each held-out real face and each sample. */
    pReal: Float32Array;
    pFake: Float32Array;
  } | null;
}

export interface FacesLoopEvents {
  readback(r: FacesReadback): void;
  /** Training reached `stopAt` and the loop paused itself. */
  stopped?(step: number): void;
  diverged(step: number): void;
  failed(error: unknown): void;
}

export class FacesLoop extends SliceLoop {
  private events: FacesLoopEvents;
  private run: FacesRun | null = null;
  private evalRng = new Rng(1);
  /** Pause by itself on reaching this step (when play started below it); null: never. */
  stopAt: number | null = null;
  private stopArmed = false;
  readbackInterval = FACE_READBACK_MS;
  evaluationInterval = FACE_EVAL_MS;
  private lastEvaluation = -Infinity;

  constructor(host: LoopHost, events: FacesLoopEvents) {
    super(host, (e) => events.failed(e), 3000, 250);
    this.events = events;
  }

  protected get trainer(): Trainer | null {
    return this.run?.trainer ?? null;
  }

  /** Install a new run (the caller disposes the old one once this returns). */
  setRun(run: FacesRun | null): void {
    this.pause();
    this.newGeneration();
    this.run = run;
    this.evalRng = new Rng(run?.trainer.spec.seed ?? 1).fork('faces-evaluation');
    this.lastEvaluation = -Infinity;
  }

  play(): void {
    if (this.running || !this.run) return;
    this.stopArmed = this.stopAt !== null && this.run.trainer.steps < this.stopAt;
    super.play();
  }

  /** One step while paused, then a readback. */
  stepOnce(): void {
    if (this.guard((t) => t.step())) this.readback(true);
  }

  protected slice(): void {
    if (!this.run) return;
    const start = this.host.now();
    // back-pressure: while a readback waits on the GPU, queue no more work
    const busy = this.inFlight && start - this.inFlightSince > 2 * FACE_SLICE_MS;
    const limit = this.stopArmed && this.stopAt !== null ? this.stopAt : Infinity;
    if (!busy) {
      this.guard((t) => {
        do t.step();
        while (this.host.now() - start < FACE_SLICE_MS && t.steps < limit);
      });
    }
    if (!this.running) return;
    const steps = this.run.trainer.steps;
    if (steps >= limit) {
      this.stopArmed = false;
      this.pause();
      this.readback(true);
      this.events.stopped?.(steps);
      return;
    }
    this.readback(false);
    this.schedule();
  }

  /**
   * Start an asynchronous readback unless one is in flight or the last was too recent; a forced
   * one (a manual step, a new run) always evaluates fully.
   */
  readback(force: boolean): void {
    const run = this.run;
    if (!run || !this.mayRead(force)) return;
    const now = this.host.now();
    if (!force && now - this.lastReadback < this.readbackInterval) return;
    if (!force && !this.mayPost()) return;
    this.lastReadback = now;
    const full = force || now - this.lastEvaluation >= this.evaluationInterval;
    if (full) this.lastEvaluation = now;
    const gen = this.generation;
    const t = run.trainer;
    const step = t.steps;
    const gridN = run.gridNoise.shape[0];
    const heldN = run.heldOut.shape[0];
    const dim = t.spec.dim;
    const evalN = full ? run.evalN : 0;
    const judged = full ? heldN : 0;
    const packed = this.pack(t, () => {
      const parts: tf.Tensor[] = [t.generate(run.gridNoise)];
      if (full) {
        const samples = t.sample(this.evalRng, evalN);
        parts.push(samples, t.judge(run.heldOut), t.judge(samples));
      }
      return parts;
    });
    if (!packed) return;
    this.receive(packed, gen, (flat) => {
      let o = 0;
      const take = (k: number) => flat.subarray(o, (o += k));
      const grid = take(gridN * dim);
      const samples = take(evalN * dim);
      const pReal = take(judged);
      const pFake = take(evalN);
      const { lossD, lossG, diverged } = this.settle(packed, flat, step, [grid, samples]);
      if (diverged) this.events.diverged(step);
      const evaluation = full ? { samples, pReal, pFake } : null;
      this.events.readback({ generation: gen, step, lossD, lossG, stepsPerSecond: this.stepsPerSecond, grid, evaluation });
    });
  }
}
