/**
 * The playground's multi-seed runner: trains the current settings headless on several seeds,
 * one after another, in a Web Worker (the `skew.runSeed` task on its own channel) and collects
 * each seed's representation. The page only receives messages, so it stays responsive. Cancel
 * terminates the worker; the seeds already finished stay.
 */
import type { Config, Recipe } from '../../core/settings/config';
import type { DrawnPoint, Group } from '../../core/data/datasets';
import { medianRatios } from '../../core/skew/skew';
import type { SeedResult } from '../../core/skew/skew';
import { runInWorker } from '../shared/workerClient';

export const MAX_SEEDS = 20;
export const DEFAULT_SEEDS = 5;
export const DEFAULT_SEED_STEPS = 3000;
export const MIN_SEED_STEPS = 50;
export const MAX_SEED_STEPS = 20000;
const CHANNEL = 'seeds';

/** What a batch ran, so its results say what they show after the playground moves on. */
export interface SeedBatch {
  config: Config;
  groups: Group[];
  seeds: number[];
  steps: number;
  recipe: Recipe;
  backend: string;
}

export const clampSeeds = (n: number) => Math.max(1, Math.min(MAX_SEEDS, Math.round(Number.isFinite(n) ? n : DEFAULT_SEEDS)));
export const clampSteps = (n: number) => Math.max(MIN_SEED_STEPS, Math.min(MAX_SEED_STEPS, Math.round(Number.isFinite(n) ? n : DEFAULT_SEED_STEPS)));

export class SeedRunner {
  running = $state(false);
  /** Training steps done over the whole batch, and the total. */
  done = $state(0);
  total = $state(0);
  results = $state.raw<SeedResult[]>([]);
  batch = $state.raw<SeedBatch | null>(null);
  error = $state<string | null>(null);
  cancelled = $state(false);
  /** Wall-clock seconds of the last finished batch. */
  seconds = $state(0);

  medians: number[] = $derived(medianRatios(this.results));

  private abort: AbortController | null = null;
  private token = 0;

  /** Train `count` seeds from `config.seed` on, with `recipe`, each for `steps` steps. */
  start(config: Config, groups: Group[], opts: { count: number; steps: number; recipe: Recipe; drawn?: readonly DrawnPoint[] }): void {
    this.cancel(false);
    const token = ++this.token;
    const count = clampSeeds(opts.count);
    const steps = clampSteps(opts.steps);
    const seeds = Array.from({ length: count }, (_, i) => config.seed + i);
    const cfg: Config = { ...config, recipe: opts.recipe };
    this.batch = { config: cfg, groups, seeds, steps, recipe: opts.recipe, backend: 'wasm' };
    this.results = [];
    this.error = null;
    this.cancelled = false;
    this.done = 0;
    this.total = count * steps;
    this.running = true;
    const abort = (this.abort = new AbortController());
    const drawn = cfg.data === 'drawn' ? [...(opts.drawn ?? [])] : [];
    const t0 = performance.now();
    const every = Math.max(10, Math.min(100, Math.round(steps / 40)));
    const calls = seeds.map((seed, k) =>
      runInWorker<SeedResult>('skew.runSeed', [{ ...cfg, seed }, steps, every, drawn], {
        channel: CHANNEL,
        backend: 'wasm',
        signal: abort.signal,
        onProgress: (done) => {
          if (token === this.token) this.done = k * steps + done;
        },
      }).then(({ result, backend }) => {
        if (token !== this.token) return;
        this.results = [...this.results, result];
        this.done = (k + 1) * steps;
        if (this.batch) this.batch = { ...this.batch, backend };
      }),
    );
    Promise.all(calls).then(
      () => {
        if (token !== this.token) return;
        this.seconds = (performance.now() - t0) / 1000;
        this.running = false;
        this.abort = null;
      },
      (e: unknown) => {
        if (token !== this.token) return;
        if (!(e instanceof DOMException && e.name === 'AbortError')) {
          this.error = `A seed failed in the background worker: ${e instanceof Error ? e.message : String(e)}`;
        }
        this.cancel(false);
      },
    );
  }

  /** Stop the batch (the worker is terminated); finished seeds stay. */
  cancel(userAsked = true): void {
    const wasRunning = this.running;
    this.token++;
    this.running = false;
    if (wasRunning && userAsked) this.cancelled = true;
    const a = this.abort;
    this.abort = null;
    a?.abort();
  }

  destroy(): void {
    this.cancel(false);
  }
}

