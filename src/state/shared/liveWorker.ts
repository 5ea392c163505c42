/**
 * The page's side of the live training worker (src/workers/live): starts it, sends commands in
 * order, pairs replies with their calls, keeps the worker's latest step and tensor count, passes
 * events on, and tells the worker when a snapshot has been handled (so it never posts faster than
 * the page draws). Which thread a live run trains on: liveThread.ts.
 */
import type { LiveCommand, LiveEvent, LiveHello } from '../../workers/live/protocol';
import { backendOptions } from '../platform/wasmAssets';
import { t } from '../../i18n';

type Command = LiveCommand extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;

export interface LiveWorkerEvents {
  snapshot(s: unknown): void;
  stopped(step: number): void;
  diverged(step: number): void;
  failed(message: string): void;
  lost(): void;
}

export class LiveWorker {
  /** The trainer's step and the worker's live tensors, as of the worker's last message. */
  steps = 0;
  tensors = 0;
  readonly hello: Promise<LiveHello>;
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private dead: Error | null = null;

  constructor(private readonly events: LiveWorkerEvents) {
    this.worker = new Worker(new URL('../../workers/live/live.worker.ts', import.meta.url), { type: 'module', name: 'forgelab-live' });
    this.worker.onmessage = (e: MessageEvent<LiveEvent>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.stop(new Error(t().shared.live.workerStopped(e.message || t().shared.live.unknownError)));
      events.failed(this.dead!.message);
    };
    this.hello = this.call<LiveHello>({ op: 'init', wasmPaths: backendOptions.wasmPaths });
  }

  private receive(m: LiveEvent): void {
    if (m.type === 'reply' || m.type === 'snapshot') {
      this.steps = m.steps;
      this.tensors = m.tensors;
    }
    if (m.type === 'reply') {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.message));
    } else if (m.type === 'snapshot') {
      try {
        this.events.snapshot(m.snapshot);
      } finally {
        this.send({ op: 'ack', seq: m.seq });
      }
    } else if (m.type === 'stopped') this.events.stopped(m.step);
    else if (m.type === 'diverged') this.events.diverged(m.step);
    else if (m.type === 'failed') this.events.failed(m.message);
    else this.events.lost();
  }

  /** A command whose answer the caller waits for. */
  call<T>(cmd: Command, transfer: Transferable[] = []): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...cmd, id }, transfer);
    });
  }

  /** A command whose answer does not matter (its failure shows up as a failed event). */
  send(cmd: Command, transfer: Transferable[] = []): void {
    this.call(cmd, transfer).catch((e: Error) => {
      if (!this.dead) this.events.failed(e.message);
    });
  }

  private stop(err: Error): void {
    this.dead = err;
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  terminate(): void {
    if (!this.dead) this.stop(new Error(t().shared.live.workerClosed));
  }
}
