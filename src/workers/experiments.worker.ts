/**
 * The experiments worker: every experiment's core function, by name. Add a line here for each
 * new experiment; the page calls it with state/workerClient.ts `runInWorker`.
 */
import { serve } from './host';
import { runSeed } from '../core/experiments/skew';
import type { Config } from '../core/config';

serve({
  /** One seed of the skew experiment: args [config, steps, progressEvery?]. */
  'skew.runSeed': (args, progress) => runSeed(args[0] as Config, args[1] as number | undefined, progress, args[2] as number | undefined),
});
