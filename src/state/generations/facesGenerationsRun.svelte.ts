/**
 * Faces across generations as a background job on the task worker's `generations.faces`
 * (wasm): the faces forger retrained on its own faces under the replace policy, with the
 * settings' seed, darker share, generations and steps. The setup kept with a result is the
 * settings it ran with, for captions and the data card.
 */
import { Job } from '../shared/job.svelte';
import type { OneCall, OneCallJob } from '../shared/job.svelte';
import { FACE_GENERATIONS_PRESET } from '../../core/generations/faces';
import type { FaceGenerationsArgs } from '../../core/generations/faces';
import type { GenerationSettings } from './generationsUrl';
import { t } from '../../i18n';

/** Faces on each generation's grid (and on its exported sheet). */
export const FACE_GRID = 16;

export type FacesGenerationsJob = OneCallJob<'generations.faces', GenerationSettings>;

export function facesGenerationsJob(): FacesGenerationsJob {
  // a one-call job (as oneCallJob makes) whose failure text is read when it fails, in the language of that moment
  return new Job<'generations.faces', OneCall<'generations.faces', GenerationSettings>, GenerationSettings>('generations.faces', {
    plan: ({ args, setup }) => ({ calls: [args], setup }),
    get failure() {
      return t().generations.faces.failed;
    },
  });
}

export function faceArgsOf(s: GenerationSettings): FaceGenerationsArgs {
  return {
    seed: s.seed,
    darkerShare: s.faceDarker,
    size: FACE_GENERATIONS_PRESET.size,
    faces: FACE_GENERATIONS_PRESET.faces,
    generations: s.faceGenerations,
    stepsPerGeneration: s.faceSteps,
    gridSize: FACE_GRID,
  };
}

export function startFacesGenerations(job: FacesGenerationsJob, settings: GenerationSettings): void {
  const s = { ...settings };
  job.start({ args: [faceArgsOf(s)], setup: s });
}
