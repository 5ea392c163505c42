/**
 * The generations experiment (issue 15) as a worker task: core's runGenerations with its
 * progress mapped to work units (GAN steps, or one unit per mixture fit), so the page's progress
 * bar counts steps. Returning false from progress stops the run (runGenerations gives null).
 */
import { runGenerations } from '../../core/generations/generations';
import type { GenerationsArgs } from '../../core/generations/generations';
import { runFaceGenerations } from '../../core/generations/faces';
import type { FaceGenerationsArgs } from '../../core/generations/faces';
import type { TaskProgress, TaskTable } from '../shared/protocol';

/** Work units of a run: policies × generations × (GAN steps per generation, or 1 per mixture fit). */
export function generationsWork(args: GenerationsArgs): number {
  const policies = typeof args.policies === 'string' ? 1 : args.policies.length;
  return policies * args.generations * (args.generator === 'gan' ? args.stepsPerGeneration : 1);
}

export const generationsTasks = {
  /** The whole experiment: [GenerationsArgs, progressEvery (units between reports)?]. */
  'generations.run': (args: [GenerationsArgs, every?: number], progress: TaskProgress) => {
    const total = generationsWork(args[0]);
    const every = Math.max(1, args[1] ?? 1);
    let last = -Infinity;
    return runGenerations(args[0], (p) => {
      const done = Math.round(p.done * total);
      if (done - last < every && done < total) return true;
      last = done;
      return progress(done, total);
    });
  },
  /** Faces across generations (replace): [FaceGenerationsArgs]; progress counts training steps. */
  'generations.faces': (args: [FaceGenerationsArgs], progress: TaskProgress) => {
    const total = args[0].generations * args[0].stepsPerGeneration;
    return runFaceGenerations(args[0], (p) => progress(p.generation * p.steps + p.step, total));
  },
} satisfies TaskTable;
