/**
 * The generations view's link (#/generations): its settings table
 * (core/settings/generations.ts) read and written by the shared link codec, and the settings
 * turned into the arguments of core's runGenerations (the preset's data and GAN, with the
 * link's seed, minority and size).
 */
import { GENERATIONS_TABLE } from '../../core/settings/generations';
import type { GenerationSettings } from '../../core/settings/generations';
import { GENERATIONS_CONFIG } from '../../core/generations/presets';
import { GENERATION_POLICIES } from '../../core/generations/generations';
import { JS_SAMPLES } from '../../core/metrics/metrics';
import type { GenerationPolicy, GenerationsArgs } from '../../core/generations/generations';
import type { Config } from '../../core/settings/config';
import { decodeTable, encodeTable } from '../shared/url';
import { t } from '../../i18n';

export type { GenerationSettings };
export const DEFAULT_GENERATIONS: Readonly<GenerationSettings> = GENERATIONS_TABLE.defaults;
/** Keys the link may carry besides settings: play=1 starts the run on load. */
export const GENERATIONS_VIEW_KEYS = ['present', 'embed', 'play'] as const;

export function decodeGenerations(params: URLSearchParams): { settings: GenerationSettings; notices: string[] } {
  const d = decodeTable(GENERATIONS_TABLE, params, { allowed: GENERATIONS_VIEW_KEYS, knownBy: t().generations.view.knownBy });
  return { settings: d.settings, notices: d.notices };
}

export const encodeGenerations = (s: GenerationSettings, extra: Record<string, string> = {}): string => encodeTable(GENERATIONS_TABLE, s, extra);

export function policiesOf(s: Pick<GenerationSettings, 'policies'>): GenerationPolicy[] {
  return s.policies === 'all' ? [...GENERATION_POLICIES] : [s.policies];
}

/** The real data and GAN of a run: the preset's, with the settings' seed and data. */
export function configOf(s: GenerationSettings): Config {
  return { ...GENERATIONS_CONFIG, seed: s.seed, minority: s.minority, place: s.place, points: s.points };
}

export function argsOf(s: GenerationSettings): GenerationsArgs {
  return {
    config: configOf(s),
    policies: policiesOf(s),
    generations: s.generations,
    freshFraction: s.freshFraction,
    stepsPerGeneration: s.stepsPerGeneration,
    generator: s.generator,
    // every evaluation point kept: the exported rows are the points the shares were measured on
    sampleSize: JS_SAMPLES,
  };
}

/** Work units of a run, as its progress counts them: GAN steps, or one per mixture fit. */
export function workOf(s: GenerationSettings): number {
  return policiesOf(s).length * s.generations * (s.generator === 'gan' ? s.stepsPerGeneration : 1);
}
