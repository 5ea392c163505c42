/**
 * What the playground's loop (loop.ts) and the faces view's loop share: training in slices that
 * the host schedules one after another, play and pause, failures turned into a pause and an
 * event, a generation counter that drops work of an older run, at most one asynchronous readback
 * in flight (a forced one asked for meanwhile runs when it lands), and the measured rate.
 * Subclasses decide what a slice trains and what a readback carries.
 */
import { tf } from '../shared/tf';
import type { Trainer } from '../gan/trainer';

/** Which network a manual step trains: both, the detective only or the forger only. */
export type StepKind = 'both' | 'detective' | 'forger';

export interface LoopHost {
  now(): number;
  /** Run cb soon, after pending input and rendering (e.g. setTimeout 0). */
  schedule(cb: () => void): number;
  /** Run cb after at least `ms` (a slowed run's rest between slices); schedule() where absent. */
  scheduleAfter?(cb: () => void, ms: number): number;
  cancel(id: number): void;
}

/** One readback's tensor, and which player had stepped (had a loss) when it was packed. */
export interface Packed {
  tensor: tf.Tensor1D;
  stepped: { d: boolean; g: boolean };
}

export abstract class SliceLoop {
  protected readonly host: LoopHost;
  private readonly onFailed: (error: unknown) => void;
  /** Bumped on every new run; readbacks from an older generation are dropped. */
  generation = 0;
  running = false;
  /** Steps per second over the last readbacks (0 while paused). */
  stepsPerSecond = 0;
  protected inFlight = false;
  protected inFlightSince = 0;
  protected lastReadback = -Infinity;
  private timer: number | null = null;
  /** A forced readback asked for while another was in flight: run it when that one lands. */
  protected pendingForce = false;
  /** That forced readback may be light (a full one then follows it). */
  private pendingLight = false;
  private rateWindow: { t: number; step: number }[] = [];
  /**
   * Whether whoever draws the readbacks keeps up (a worker asks the page); an unforced readback
   * waits while it does not, and training goes on meanwhile.
   */
  mayPost: () => boolean = () => true;

  /** The rate is measured over the last `rateSpanMs` of readbacks, once they span `rateMinMs`. */
  constructor(host: LoopHost, onFailed: (error: unknown) => void, private readonly rateSpanMs: number, private readonly rateMinMs: number) {
    this.host = host;
    this.onFailed = onFailed;
  }

  /** The current run's trainer, if any. */
  protected abstract get trainer(): Trainer | null;
  /** Train one slice (the loop is running and has a trainer); the loop schedules the next. */
  protected abstract slice(): void;
  /**
   * Start a readback (see the subclasses); `force` always reads back, fully unless `light`: a
   * light forced readback carries only what is cheap to show at once (the plot's frame), and a
   * full one follows it (a pause or a step shows within one snapshot, the metrics right after).
   */
  abstract readback(force: boolean, light?: boolean): void;

  play(): void {
    if (this.running) return;
    this.running = true;
    this.rateWindow = [];
    this.schedule();
  }

  pause(): void {
    this.running = false;
    if (this.timer !== null) this.host.cancel(this.timer);
    this.timer = null;
  }

  /** Run n steps synchronously (headless use, tests), then one readback. */
  runSteps(n: number): void {
    if (this.guard((t) => {
      for (let i = 0; i < n; i++) t.step();
    })) this.readback(true);
  }

  /** The next slice, soon or after a rest of `restMs`. */
  protected schedule(restMs = 0): void {
    if (this.timer !== null) return;
    const next = () => {
      this.timer = null;
      if (this.running && this.trainer) this.slice();
    };
    this.timer = restMs > 0 && this.host.scheduleAfter ? this.host.scheduleAfter(next, restMs) : this.host.schedule(next);
  }

  /** Forget the old run's readback and rate: a new generation. */
  protected newGeneration(): void {
    this.generation++;
    this.inFlight = false;
    this.pendingForce = false;
    this.pendingLight = false;
    this.rateWindow = [];
    this.stepsPerSecond = 0;
    this.lastReadback = -Infinity;
  }

  protected fail(error: unknown): void {
    this.pause();
    this.onFailed(error);
  }

  /** Run `fn` on the trainer with failures turned into a pause and an event. */
  protected guard(fn: (t: Trainer) => void): boolean {
    const t = this.trainer;
    if (!t) return false;
    try {
      fn(t);
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    }
  }

  /**
   * Whether a readback may start now; a forced one asked for while another is in flight is
   * remembered and runs when that one lands.
   */
  protected mayRead(force: boolean, light = false): boolean {
    if (!this.inFlight) return true;
    if (force) this.pendingForce = true;
    if (force && light) this.pendingLight = true;
    return false;
  }

  /**
   * Read `packed` back asynchronously and hand its values to `use`, unless a new run started
   * meanwhile; a failed read pauses with an event. The tensor is freed either way.
   */
  protected receive({ tensor: packed }: Packed, gen: number, use: (flat: Float32Array) => void): void {
    this.inFlight = true;
    this.inFlightSince = this.host.now();
    packed
      .data()
      .then((raw) => {
        if (gen === this.generation) use(raw as Float32Array);
      })
      .catch((e) => {
        if (gen === this.generation) this.fail(e);
      })
      .finally(() => {
        packed.dispose();
        if (gen !== this.generation) return;
        this.inFlight = false;
        if (this.pendingForce) {
          const light = this.pendingLight;
          this.pendingForce = false;
          this.pendingLight = false;
          this.readback(true, light);
        }
      });
  }

  /**
   * One readback's tensor: the parts `build` makes (inside a tidy) with the two losses last.
   * Null when building throws; the loop has then failed (paused, reported).
   */
  protected pack(t: Trainer, build: () => tf.Tensor[]): Packed | null {
    try {
      // which player had stepped when it was packed: a NaN placeholder is no divergence, even
      // when the player has stepped by the time the readback lands
      const stepped = { d: t.lossD !== null, g: t.lossG !== null };
      const tensor = tf.tidy(() => tf.concat([...build().map((x) => tf.reshape(x, [-1])), tf.stack([t.lossD ?? tf.scalar(NaN), t.lossG ?? tf.scalar(NaN)])]) as tf.Tensor1D);
      return { tensor, stepped };
    } catch (e) {
      this.fail(e);
      return null;
    }
  }

  /**
   * A landed readback's losses (the last two values of `pack`'s tensor), the rate measured at
   * `step`, and whether the run diverged: a loss of a player that has stepped, or any of
   * `outputs`, not finite. A diverged run is paused here; the caller reports it.
   */
  protected settle(packed: Packed, flat: Float32Array, step: number, outputs: ArrayLike<number>[]): { lossD: number; lossG: number; diverged: boolean } {
    const lossD = flat[flat.length - 2];
    const lossG = flat[flat.length - 1];
    this.measureRate(this.host.now(), step);
    const { stepped } = packed;
    const diverged = Boolean((stepped.d && !Number.isFinite(lossD)) || (stepped.g && !Number.isFinite(lossG)) || outputs.some((x) => !allFinite(x)));
    if (diverged) this.pause();
    return { lossD, lossG, diverged };
  }

  protected measureRate(t: number, step: number): void {
    this.rateWindow.push({ t, step });
    while (this.rateWindow.length > 2 && t - this.rateWindow[0].t > this.rateSpanMs) this.rateWindow.shift();
    const first = this.rateWindow[0];
    const dt = t - first.t;
    if (this.running && dt > this.rateMinMs) this.stepsPerSecond = (step - first.step) / (dt / 1000);
    else if (!this.running) this.stepsPerSecond = 0;
  }
}

/** No NaN or ±Infinity among the values. */
export function allFinite(x: ArrayLike<number>): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}
