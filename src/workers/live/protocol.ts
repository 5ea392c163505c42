/**
 * Messages between the page (src/state/shared/liveWorker.ts) and the live training worker
 * (live.worker.ts, served by liveHost.ts). The page sends commands in order; the worker runs
 * them between training slices, so a pause or a setting lands before the next slice. Every
 * command is answered (with the trainer's step and the worker's tensor count), and the worker
 * posts snapshots, divergence, failures and a lost WebGL context as events.
 */
import type { BackendChoice } from '../../core/settings/config';
import type { BackendDecision, BackendName } from '../../core/backend/backend';
import type { TrainerSpec, TrainerState } from '../../core/gan/trainer';
import type { ProbeLayout } from '../../core/gan/probe';
import type { Snapshot } from '../../core/loop/loop';
import type { PointSet } from '../../core/data/datasets';
import type { StepKind } from '../../core/loop/sliceLoop';
import type { LiveKind } from './engines';

/** Commands; `id` pairs each with its reply. */
export type LiveCommand = { id: number } & (
  | { op: 'init'; wasmPaths: Record<string, string> }
  | { op: 'choose'; choice: BackendChoice; spec: TrainerSpec; data: PointSet; exclude: BackendName[]; quickStart: boolean }
  | { op: 'use'; backend: BackendName }
  /** Build a run of `kind` (engines.ts); a worker hosts one kind all its life. */
  | { op: 'build'; kind: LiveKind; request: unknown }
  | { op: 'play' }
  | { op: 'pause' }
  | { op: 'step'; kind: StepKind }
  | { op: 'runSteps'; n: number }
  | { op: 'readback'; force: boolean; light?: boolean }
  | { op: 'configure'; speed?: number; readbackInterval?: number; stopAt?: number | null }
  | { op: 'layout'; layout: ProbeLayout }
  /** The weights; with `onlyFinite`, null when any is NaN or ±∞ (a copy worth keeping). */
  | { op: 'save'; onlyFinite: boolean }
  | { op: 'restore'; state: TrainerState }
  | { op: 'weights'; net: 'G' | 'D'; weights: Float32Array }
  | { op: 'watchLoss'; on: boolean }
  | { op: 'loseContext' }
  /** The page has handled snapshot `seq` (back-pressure: at most two unhandled at a time). */
  | { op: 'ack'; seq: number }
  /** Free run `run` (the number `build` answered), unless a newer one has replaced it. */
  | { op: 'dispose'; run: number }
);

/** A snapshot on the wire: the evaluation and memorisation only when new (the page keeps the last). */
export type WireSnapshot = Omit<Snapshot, 'evaluation' | 'memorisation'> & {
  evaluation: Snapshot['evaluation'] | null;
  memorisation: Snapshot['memorisation'] | null;
};

export type LiveEvent =
  | { type: 'reply'; id: number; ok: true; value: unknown; steps: number; tensors: number }
  | { type: 'reply'; id: number; ok: false; message: string; steps: number; tensors: number }
  | { type: 'snapshot'; seq: number; snapshot: unknown; steps: number; tensors: number }
  | { type: 'stopped'; step: number }
  | { type: 'diverged'; step: number }
  | { type: 'failed'; message: string }
  | { type: 'lost' };

/** What `init` answers: whether the worker can compute on WebGL (it needs OffscreenCanvas). */
export interface LiveHello {
  offscreen: boolean;
}

export type { BackendDecision };

/**
 * A snapshot made ready to post: the evaluation and memorisation dropped when they repeat the
 * last ones (the loop keeps those, so they are copied, not moved), and the frame's fresh arrays
 * listed to be transferred rather than copied.
 */
export function toWire(s: Snapshot): { wire: WireSnapshot; transfer: ArrayBuffer[] } {
  const wire: WireSnapshot = { ...s, evaluation: s.evaluated ? s.evaluation : null, memorisation: s.memorised ? s.memorisation : null };
  const buffers = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView | null | undefined) => {
    if (a && a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  };
  if (s.frame) {
    add(s.frame.points);
    add(s.frame.field);
    add(s.frame.arrows);
    add(s.frame.manifold);
  }
  add(s.frameGroups);
  return { wire, transfer: [...buffers] };
}

/** A snapshot from the wire, with the evaluation and memorisation filled in from the last ones. */
export function fromWire(w: WireSnapshot, last: { evaluation: Snapshot['evaluation'] | null; memorisation: Snapshot['memorisation'] | null }): Snapshot | null {
  const evaluation = w.evaluation ?? last.evaluation;
  if (!evaluation) return null;
  return { ...w, evaluation, memorisation: w.memorisation ?? last.memorisation };
}
