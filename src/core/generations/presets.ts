/**
 * The generations experiment's preset, fixed before the claims were measured (issue 15):
 * two groups 90/10 with the minority in the majority's tail (the tail is what should go first),
 * 500 real training points (50 in the minority: a small data set, where each generation's
 * estimation error is large enough to compound), the plain recipe (the prototype's), six
 * generations (0…5) and 1,200 GAN steps per generation.
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
  recipe: 'plain',
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
