/**
 * What every view that trains a model live shows of its run controller (liveRun.svelte.ts): the
 * trainer, whether it runs, the backend decision, notices, errors and divergence, and the tidy-up.
 * The playground and the faces lab extend it, so a new live view gets the same surface by
 * extending it and making its `live`.
 */
import type { TrainerState } from '../../core/gan/trainer';
import type { BackendDecision } from '../../core/backend/backend';
import type { LiveHandle, LiveLoop, LiveRun } from './liveRun.svelte';

/**
 * A trainer as a view sees it: a core Trainer where the run trains on the page's thread, a proxy
 * of the worker's where it trains in the live training worker.
 */
export interface TrainerView {
  readonly steps: number;
  readonly G: { readonly size: number; restore(weights: Float32Array): void };
  readonly D: { readonly size: number; restore(weights: Float32Array): void };
  captureState(): Promise<TrainerState>;
  restoreState(state: TrainerState): void;
}

export abstract class LiveView<Run extends LiveHandle<TrainerState> & { trainer: T }, L extends LiveLoop, T extends TrainerView = TrainerView> {
  abstract readonly live: LiveRun<Run, L>;

  get trainer(): T | null {
    return this.live.run?.trainer ?? null;
  }
  get running(): boolean {
    return this.live.running;
  }
  get busy(): boolean {
    return this.live.busy;
  }
  get decision(): BackendDecision | null {
    return this.live.decision;
  }
  get notices(): string[] {
    return this.live.notices;
  }
  set notices(v: string[]) {
    this.live.notices = v;
  }
  get error(): string | null {
    return this.live.error;
  }
  get diverged(): boolean {
    return this.live.diverged;
  }
  get canRestore(): boolean {
    return this.live.canRestore;
  }

  dismissNotice(i: number): void {
    this.live.dismissNotice(i);
  }

  destroy(): void {
    this.live.destroy();
  }

  /** For tests and the bench: live tensor count. */
  tensorCount(): number {
    return this.live.tensorCount();
  }
}
