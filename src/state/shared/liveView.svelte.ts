/**
 * What every view that trains a model live shows of its run controller (liveRun.svelte.ts): the
 * trainer, whether it runs, the backend decision, notices, errors and divergence, and the tidy-up.
 * The playground and the faces lab extend it, so a new live view gets the same surface by
 * extending it and making its `live`.
 */
import type { Trainer, TrainerState } from '../../core/gan/trainer';
import type { BackendDecision } from '../../core/backend/backend';
import type { LiveHandle, LiveLoop, LiveRun } from './liveRun.svelte';

export abstract class LiveView<Run extends LiveHandle<TrainerState> & { trainer: Trainer }, L extends LiveLoop> {
  abstract readonly live: LiveRun<Run, L>;

  get trainer(): Trainer | null {
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
