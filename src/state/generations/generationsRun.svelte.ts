/**
 * The generations experiment as a background job (state/shared/job.svelte.ts) on the task
 * worker's `generations.run` (src/workers/generations/generationsTasks.ts): the typed wrapper a
 * view starts with its settings. The setup kept with a result holds the settings it ran with and
 * the real training set (rebuilt here from the seed: deterministic, so it is the set generation 0
 * learned from), which the small multiples draw faintly and the mixed export writes as real rows.
 */
import { Job } from '../shared/job.svelte';
import type { OneCall, OneCallJob } from '../shared/job.svelte';
import { dataFor } from '../../core/runs/trainAndEvaluate';
import type { PointSet } from '../../core/data/datasets';
import { argsOf, configOf, workOf } from './generationsUrl';
import type { GenerationSettings } from './generationsUrl';
import { t } from '../../i18n';

export interface GenerationsSetup {
  settings: GenerationSettings;
  real: PointSet;
}

export type GenerationsJob = OneCallJob<'generations.run', GenerationsSetup>;

export function generationsJob(): GenerationsJob {
  // a one-call job (as oneCallJob makes) whose failure text is read when it fails, in the language of that moment
  return new Job<'generations.run', OneCall<'generations.run', GenerationsSetup>, GenerationsSetup>('generations.run', {
    plan: ({ args, setup }) => ({ calls: [args], setup }),
    get failure() {
      return t().generations.view.failed;
    },
  });
}

/** Start a run of the settings. */
export function startGenerations(job: GenerationsJob, settings: GenerationSettings): void {
  const s = { ...settings };
  const real = dataFor(configOf(s)).data;
  const every = Math.max(1, Math.round(workOf(s) / 200));
  job.start({ args: [argsOf(s), every], setup: { settings: s, real } });
}
