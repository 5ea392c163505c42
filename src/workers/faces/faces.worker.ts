/**
 * The faces seed worker: trains one seed of the faces experiment per request on its own wasm
 * backend (see workers/host.ts), so the page keeps drawing while several seeds train. The page
 * side is state/facesRunner.svelte.ts; it cancels by terminating this worker.
 */
import { serve } from '../shared/host';
import { runFaceSeed } from './facesRun';
import type { FaceSeedArgs } from './facesRun';

serve({
  /** args: [FaceSeedArgs] */
  'faces.runSeed': (args, progress) => runFaceSeed(args[0] as FaceSeedArgs, progress, () => performance.now()),
});
