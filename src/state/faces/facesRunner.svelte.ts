/**
 * The multi-seed runner of the faces view: trains the current preset on several seeds in a Web
 * Worker (src/workers/faces.worker.ts, wasm backend) and collects each seed's darker share. The
 * page only receives messages, so it stays responsive; Cancel terminates the worker and keeps the
 * seeds already finished.
 */
import type { ReplyMessage, RunMessage } from '../../workers/shared/protocol';
import type { FaceSeedArgs, FaceSeedResult } from '../../workers/faces/facesRun';
import { backendOptions } from '../platform/platform';

export const MAX_SEEDS = 20;
export const SEED_STEPS = 500;

export class FaceSeedRunner {
  running = $state(false);
  /** Training steps done over all seeds of this batch, and the total. */
  done = $state(0);
  total = $state(0);
  results = $state.raw<FaceSeedResult[]>([]);
  error = $state<string | null>(null);
  /** What the last batch ran: split, seeds, steps (so the plot says what it shows). */
  batch = $state.raw<{ darker: number; size: number; seeds: number[]; steps: number; backend: string } | null>(null);
  cancelled = $state(false);

  private worker: Worker | null = null;
  private token = 0;

  /** Train `count` seeds starting at `firstSeed`, each for `steps` steps. */
  start(opts: { darker: number; size: number; firstSeed: number; count: number; steps?: number }): void {
    this.cancel(false);
    const token = ++this.token;
    const count = Math.max(1, Math.min(MAX_SEEDS, Math.round(opts.count)));
    const steps = Math.max(1, Math.round(opts.steps ?? SEED_STEPS));
    const seeds = Array.from({ length: count }, (_, i) => opts.firstSeed + i);
    this.batch = { darker: opts.darker, size: opts.size, seeds, steps, backend: 'wasm' };
    this.results = [];
    this.error = null;
    this.cancelled = false;
    this.done = 0;
    this.total = count * steps;
    this.running = true;
    let w: Worker;
    try {
      w = new Worker(new URL('../../workers/faces/faces.worker.ts', import.meta.url), { type: 'module', name: 'forgelab-faces-seeds' });
    } catch (e) {
      this.fail(`The seed runner could not start a background worker: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    this.worker = w;
    const index = new Map<number, number>();
    w.onmessage = (e: MessageEvent<ReplyMessage>) => {
      if (token !== this.token) return;
      const m = e.data;
      const k = index.get(m.id) ?? 0;
      if (m.type === 'progress') this.done = k * steps + m.done;
      else if (m.type === 'result') {
        this.results = [...this.results, m.result as FaceSeedResult];
        if (this.batch) this.batch = { ...this.batch, backend: m.backend };
        this.done = (k + 1) * steps;
        if (this.results.length === count) this.finish();
      } else this.fail(`A seed failed in the background worker: ${m.message}`);
    };
    w.onerror = (e) => {
      e.preventDefault();
      if (token === this.token) this.fail(`The background worker failed: ${e.message || 'unknown error'}`);
    };
    seeds.forEach((seed, k) => {
      const id = k + 1;
      index.set(id, k);
      const args: FaceSeedArgs = { darker: opts.darker, size: opts.size, seed, steps };
      const msg: RunMessage = { type: 'run', id, task: 'faces.runSeed', args: [args], backend: 'wasm', wasmPaths: backendOptions.wasmPaths };
      w.postMessage(msg);
    });
  }

  /** Stop the batch; seeds already finished stay on the plot. */
  cancel(userAsked = true): void {
    this.token++;
    this.worker?.terminate();
    this.worker = null;
    if (this.running && userAsked) this.cancelled = true;
    this.running = false;
  }

  private finish(): void {
    this.worker?.terminate();
    this.worker = null;
    this.running = false;
  }

  private fail(message: string): void {
    this.error = message;
    this.cancel(false);
  }

  destroy(): void {
    this.cancel(false);
  }
}
