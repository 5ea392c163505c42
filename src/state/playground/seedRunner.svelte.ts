/**
 * The playground's multi-seed runner: a background Job (state/shared/job.svelte.ts) that trains
 * the current settings headless on several seeds, one after another, with the `skew.runSeed`
 * task, and collects each seed's representation as it finishes. The page only receives
 * messages, so it stays responsive. Cancel terminates the job's worker; finished seeds stay.
 */
import type { Config, Recipe } from '../../core/settings/config';
import type { DrawnPoint, Group } from '../../core/data/datasets';
import { DEFAULT_SEED_COUNT, MAX_SEEDS, clampSeedCount, medianRatios, seedList } from '../../core/skew/skew';
import { Job } from '../shared/job.svelte';
import type { JobExecutor } from '../shared/job.svelte';
import { t } from '../../i18n';

export { MAX_SEEDS };
export const DEFAULT_SEEDS = DEFAULT_SEED_COUNT;
export const DEFAULT_SEED_STEPS = 3000;
export const MIN_SEED_STEPS = 50;
export const MAX_SEED_STEPS = 20000;

/** What a batch ran, so its results say what they show after the playground moves on. */
export interface SeedBatch {
  config: Config;
  groups: Group[];
  seeds: number[];
  steps: number;
  recipe: Recipe;
}

export interface SeedRequest {
  config: Config;
  groups: Group[];
  count: number;
  steps: number;
  recipe: Recipe;
  drawn?: readonly DrawnPoint[];
}

export const clampSeeds = clampSeedCount;
export const clampSteps = (n: number) => Math.max(MIN_SEED_STEPS, Math.min(MAX_SEED_STEPS, Math.round(Number.isFinite(n) ? n : DEFAULT_SEED_STEPS)));

/** Train `count` seeds from `config.seed` on, with `recipe`, each for `steps` steps. */
function plan(r: SeedRequest) {
  const steps = clampSteps(r.steps);
  const seeds = seedList(r.config.seed, r.count);
  const config: Config = { ...r.config, recipe: r.recipe };
  const drawn = config.data === 'drawn' ? [...(r.drawn ?? [])] : [];
  const every = Math.max(10, Math.min(100, Math.round(steps / 40)));
  return {
    calls: seeds.map((seed) => [{ ...config, seed }, steps, every, drawn] as [Config, number, number, DrawnPoint[]]),
    setup: { config, groups: r.groups, seeds, steps, recipe: r.recipe } satisfies SeedBatch,
  };
}

export class SeedRunner extends Job<'skew.runSeed', SeedRequest, SeedBatch> {
  /** Median ratio per group over the seeds finished so far. */
  medians: number[] = $derived(medianRatios(this.results));

  /** `executor`: where the seeds train (default the worker client; tests run them in-process). */
  constructor(executor?: JobExecutor) {
    super('skew.runSeed', {
      plan,
      // read when a seed fails, so it is in the language of that moment
      get failure() {
        return t().playground.seeds.failure;
      },
      executor,
    });
  }

  /** What the running (or last) batch runs. */
  get batch(): SeedBatch | null {
    return this.setup;
  }
}
