/**
 * What a live model is to whoever hosts it (the live training worker, or the page's thread where
 * there is none): a slice loop, the trainer, a build from a plain request and the tidy-up. The
 * playground's engine (playgroundEngine.ts) and the faces view's (core/faces/engine.ts) are two.
 */
import type { Trainer } from '../gan/trainer';
import type { ProbeLayout } from '../gan/probe';
import type { SliceLoop, StepKind } from './sliceLoop';

export interface EngineLoop extends SliceLoop {
  readbackInterval: number;
  stepOnce(kind?: StepKind): void;
  /** Steps per slice scale with it (the playground's speed setting); absent where fixed. */
  speed?: number;
  /** Pause by itself on reaching this step (the faces view); absent where it never does. */
  stopAt?: number | null;
}

export interface EngineEvents<R> {
  /** A readback landed (the playground's Snapshot, the faces view's FacesReadback). */
  readback(r: R): void;
  /** The loop paused itself at `stopAt`. */
  stopped(step: number): void;
  diverged(step: number): void;
  failed(error: unknown): void;
}

export interface LiveEngine<Req> {
  readonly loop: EngineLoop;
  readonly trainer: Trainer | null;
  /** Build a run from its request, freeing the last one, and install it in the loop. */
  build(req: Req): void;
  /** Draw other layers (the playground's probe); absent where there are none. */
  setLayout?(layout: ProbeLayout): void;
  dispose(): void;
}
