/**
 * The generations view's settings table (`#/generations`, issue 15 "Photocopy of a photocopy"):
 * the run's seed, how many generations, which policies, the fresh real share, GAN steps per
 * generation, the generator (GAN or a Gaussian mixture) and the real data's minority (share,
 * place, training points). Defaults are the shipped preset (core/generations/presets.ts).
 */
import { PLAYGROUND_TABLE } from './config';
import type { Placement } from './config';
import type { SettingsTable } from './table';
import { GENERATIONS_CONFIG, GENERATIONS_PRESET } from '../generations/presets';
import { MAX_GENERATIONS } from '../generations/generations';
import type { GenerationPolicy, GeneratorKind } from '../generations/generations';
import { FACE_GENERATIONS_PRESET, MAX_FACE_GENERATIONS } from '../generations/faces';
import { MAX_DARKER_SHARE, MIN_DARKER_SHARE } from '../faces/faces';

/** Which policies run: all three side by side, or one alone. */
export type PolicySet = 'all' | GenerationPolicy;

export interface GenerationSettings {
  seed: number;
  generations: number;
  policies: PolicySet;
  freshFraction: number;
  stepsPerGeneration: number;
  generator: GeneratorKind;
  minority: number;
  place: Placement;
  points: number;
  /** Faces across generations: the real faces' darker share, how many generations, steps each. */
  faceDarker: number;
  faceGenerations: number;
  faceSteps: number;
}

/** `faces` rows drive the faces-across-generations panel; the others the 2-D experiment. */
export type GenerationSection = 'run' | 'data' | 'faces';

const playgroundRow = (key: 'seed' | 'minority' | 'place' | 'points') => {
  const row = PLAYGROUND_TABLE.rows.find((r) => r.key === key)!;
  return { ...row, key, section: key === 'seed' ? 'run' : 'data' } as GenerationsRow;
};
type GenerationsRow = SettingsTable<GenerationSettings, GenerationSection>['rows'][number];

const preset = GENERATIONS_PRESET;

export const GENERATIONS_TABLE: SettingsTable<GenerationSettings, GenerationSection> = {
  rows: [
    playgroundRow('seed'),
    { key: 'generator', url: 'model', kind: 'enum', section: 'run', label: 'Generator',
      help: 'A small GAN (slow, the real thing) or a Gaussian mixture fitted to the data (fast).',
      options: [
        { value: 'gan', label: 'GAN (forger and detective)' },
        { value: 'gmm', label: 'Fit a Gaussian mixture (fast)' },
      ] },
    { key: 'generations', url: 'gens', kind: 'int', section: 'run', min: 1, max: MAX_GENERATIONS, step: 1,
      label: 'Generations', help: 'Models trained one after another, generation 0 on real data.' },
    { key: 'policies', url: 'policy', kind: 'enum', section: 'run', label: 'Policies',
      help: 'What each generation learns from.',
      options: [
        { value: 'all', label: 'All three side by side' },
        { value: 'replace', label: 'Replace only' },
        { value: 'accumulate', label: 'Accumulate only' },
        { value: 'fresh', label: 'Fresh real only' },
      ] },
    { key: 'freshFraction', url: 'fresh', kind: 'float', section: 'run', min: 0, max: 1, step: 0.05, format: 'percent',
      label: 'Fresh real share', help: 'Under “fresh real”, the share of each generation’s training set that is new real data.' },
    { key: 'stepsPerGeneration', url: 'gsteps', kind: 'int', section: 'run', min: 50, max: 5000, step: 50,
      label: 'GAN steps per generation', help: 'Training steps of each generation’s GAN (the mixture ignores it).' },
    playgroundRow('minority'),
    playgroundRow('place'),
    playgroundRow('points'),
    { key: 'faceDarker', url: 'fdarker', kind: 'float', section: 'faces', min: MIN_DARKER_SHARE, max: MAX_DARKER_SHARE, step: 0.01, format: 'percent',
      label: 'Darker share of the real faces', help: 'How much of generation 0’s training set has a darker skin tone.' },
    { key: 'faceGenerations', url: 'fgens', kind: 'int', section: 'faces', min: 2, max: MAX_FACE_GENERATIONS, step: 1,
      label: 'Face generations', help: 'Face models trained one after another, each on the faces the one before it made (replace).' },
    { key: 'faceSteps', url: 'fsteps', kind: 'int', section: 'faces', min: 50, max: 3000, step: 50,
      label: 'Steps per face generation', help: 'Training steps of each face model; at 500 steps a model draws faces whose tone can be read.' },
  ],
  defaults: Object.freeze({
    seed: 1,
    generations: preset.generations,
    policies: 'all' as PolicySet,
    freshFraction: preset.freshFraction ?? 0.2,
    stepsPerGeneration: preset.stepsPerGeneration,
    generator: preset.generator,
    minority: GENERATIONS_CONFIG.minority,
    place: GENERATIONS_CONFIG.place,
    points: GENERATIONS_CONFIG.points,
    faceDarker: FACE_GENERATIONS_PRESET.darkerShare,
    faceGenerations: FACE_GENERATIONS_PRESET.generations,
    faceSteps: FACE_GENERATIONS_PRESET.stepsPerGeneration,
  }),
};
