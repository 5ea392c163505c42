/**
 * The generations experiment's preset, fixed before the claims were measured (issue 15):
 * two groups 90/10 with the minority in the majority's tail (the tail is what should go first),
 * 500 real training points (50 in the minority: a small data set, where each generation's
 * estimation error is large enough to compound), six generations (0…5) and 1,200 GAN steps per
 * generation.
 *
 * Recipe: first fixed as plain (the prototype's). Measured once on seeds 1–5, the plain forger's
 * generation 0 was no copy at all (seed 1: JS 0.79 bits, 13 × the floor; minority share 0,
 * spread half the real one), so every later generation started from a collapse and the minority
 * claim could not be asked (coverage 0 at generation 1 on 4 of 5 seeds). The experiment is about
 * drift from a faithful start, so the shipped preset uses the stabilised recipe (seed 1,
 * generation 0: JS 0.10 bits, 1.7 × the floor; minority share 0.06). The recipe was changed once,
 * for that reason, and not again; the plain numbers are in test/claims/generations-gan.test.ts.
 */
import { DEFAULT_CONFIG } from '../settings/config';
import type { Config } from '../settings/config';
import type { GenerationsArgs } from './generations';

export const GENERATIONS_CONFIG: Readonly<Config> = Object.freeze({
  ...DEFAULT_CONFIG,
  data: 'groups',
  minority: 0.1,
  place: 'tail',
  points: 500,
  recipe: 'stabilised',
});

const PRESET: Omit<GenerationsArgs, 'config'> = {
  policies: ['replace', 'accumulate', 'fresh'],
  generations: 6,
  freshFraction: 0.2,
  stepsPerGeneration: 1200,
  generator: 'gan',
};
export const GENERATIONS_PRESET: Readonly<Omit<GenerationsArgs, 'config'>> = Object.freeze(PRESET);

/** The preset's arguments for a seed and generator. */
export function presetArgs(seed: number, generator: GenerationsArgs['generator'] = 'gan', overrides: Partial<GenerationsArgs> = {}): GenerationsArgs {
  return { ...GENERATIONS_PRESET, config: { ...GENERATIONS_CONFIG, seed }, generator, ...overrides };
}
