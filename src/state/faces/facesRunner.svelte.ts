/**
 * The multi-seed runner of the faces view: a background Job (state/shared/job.svelte.ts) that
 * trains the current preset on several seeds with the `faces.runSeed` task (wasm backend) and
 * collects each seed's darker share as it finishes. The page only receives messages, so it stays
 * responsive; Cancel terminates the job's worker and keeps the seeds already finished.
 */
import { MAX_SEEDS, seedList } from '../../core/skew/skew';
import type { FaceSeedArgs } from '../../workers/faces/facesRun';
import { Job } from '../shared/job.svelte';
import type { JobExecutor } from '../shared/job.svelte';
import { t } from '../../i18n';

export { MAX_SEEDS };
export const SEED_STEPS = 500;

export interface FaceSeedRequest {
  darker: number;
  size: number;
  firstSeed: number;
  count: number;
  steps?: number;
}

/** What a batch ran: split, size, seeds, steps (so the plot says what it shows). */
export interface FaceSeedBatch {
  darker: number;
  size: number;
  seeds: number[];
  steps: number;
}

function plan(r: FaceSeedRequest) {
  const steps = Math.max(1, Math.round(r.steps ?? SEED_STEPS));
  const seeds = seedList(r.firstSeed, r.count);
  return {
    calls: seeds.map((seed) => [{ darker: r.darker, size: r.size, seed, steps }] as [FaceSeedArgs]),
    setup: { darker: r.darker, size: r.size, seeds, steps } satisfies FaceSeedBatch,
  };
}

export class FaceSeedRunner extends Job<'faces.runSeed', FaceSeedRequest, FaceSeedBatch> {
  /** `executor`: where the seeds train (default the worker client; tests run them in-process). */
  constructor(executor?: JobExecutor) {
    // a getter: the job reads its failure text when a seed fails, in the language of that moment
    super('faces.runSeed', {
      plan,
      get failure() {
        return t().faces.seeds.failed;
      },
      executor,
    });
  }

  /** The running (or last) batch and the backend its seeds ran on. */
  get batch(): (FaceSeedBatch & { backend: string }) | null {
    return this.setup && { ...this.setup, backend: this.backend || 'wasm' };
  }
}
