/**
 * The faces tasks: one seed of the faces experiment per call on the worker's own wasm backend,
 * so the page keeps drawing while several seeds train. The page side is
 * state/faces/facesRunner.svelte.ts (a Job); it cancels by terminating the job's worker.
 */
import { runFaceSeed } from './facesRun';
import type { FaceSeedArgs } from './facesRun';
import type { TaskProgress, TaskTable } from '../shared/protocol';

export const facesTasks = {
  /** One seed: [FaceSeedArgs]. */
  'faces.runSeed': (args: [FaceSeedArgs], progress: TaskProgress) => runFaceSeed(args[0], progress, () => performance.now()),
} satisfies TaskTable;
