/**
 * Plain-language text of the experiments, computed from their numbers: captions of what a run
 * used, and the one-sentence conclusions of the rebalancing and hiring experiments. Pure; the
 * words come from the catalogue (i18n/<lang>/experiments.ts), read at each call so they follow
 * the language.
 */
import { RUN_KEYS, settingFor } from '../../core/settings/config';
import type { Config, EnumSetting } from '../../core/settings/config';
import type { Group } from '../../core/data/datasets';
import { formatShare } from '../shared/skewText';
import type { RebalanceResult } from '../../core/experiments/rebalance';
import type { HiringResult } from '../../core/experiments/hiring';
import { FOUR_FIFTHS } from '../../core/experiments/logistic';
import { fmt, lang, t } from '../../i18n';
import { settingWord } from '../../i18n/settings';

/**
 * A count as the language writes it: grouped from 1,000 in English ("2,000 points", as these
 * captions always were), from 10.000 in Spanish.
 */
export const count = (n: number) => (Number.isFinite(n) ? n.toLocaleString(lang.current) : '–');

/** A recipe's name inside a sentence ("plain"), the link value when the catalogue has none. */
export const recipeName = (recipe: string) => t().experiments.recipes[recipe] ?? recipe;

/** "90/10" for a minority share of 0.1. */
export function splitLabel(minority: number): string {
  const m = Math.round(minority * 100);
  return `${100 - m}/${m}`;
}

function optionLabel(key: keyof Config, value: string): string {
  const s = settingFor(key) as EnumSetting;
  const label = s.options.find((o) => o.value === value)?.label;
  return label === undefined ? value : settingWord(label);
}

/** What a batch of seeds ran: "90/10, minority in the majority’s tail, 2,000 points, plain recipe, 3,000 steps, seeds 6–10". */
export function describeRun(b: { config: Config; seeds: readonly number[]; steps: number; recipe: string }, stepsPer = ''): string {
  const m = t().experiments.run;
  const c = b.config;
  const data = c.data === 'groups' ? m.groupsData(splitLabel(c.minority), optionLabel('place', c.place)) : optionLabel('data', c.data).toLocaleLowerCase(lang.current);
  const seeds = b.seeds.length === 1 ? m.seed(String(b.seeds[0])) : m.seeds(String(b.seeds[0]), String(b.seeds[b.seeds.length - 1]));
  return m.caption(data, count(c.points), recipeName(b.recipe), count(b.steps), stepsPer, seeds);
}

/** The group a lesson is about: the one called minority, else a clearly smallest one, else none (-1). */
export function emphasisedGroup(groups: readonly Group[], realShares?: readonly number[]): number {
  const m = groups.findIndex((g) => g.id === 'minority');
  if (m >= 0) return m;
  if (!realShares || realShares.length < 2) return -1;
  const lo = Math.min(...realShares);
  return lo < 0.9 * Math.max(...realShares) ? realShares.indexOf(lo) : -1;
}

/** Whether two configs describe the same run apart from seed and recipe (which the runner sets). */
export function stillMatches(a: Config, b: Config): boolean {
  return RUN_KEYS.every((k) => k === 'seed' || k === 'recipe' || a[k] === b[k]);
}

const times = (v: number) => `${fmt.fixed(v, 2)}×`;

/** How an arm's per-axis spread compares with the real minority's, in words. */
export function spreadPhrase(std: readonly number[], real: readonly number[]): string {
  const m = t().experiments.rebalance.spread;
  const rx = std[0] / real[0];
  const ry = std[1] / real[1];
  const both = m.both(times(rx), times(ry));
  if (Math.max(rx, ry) < 0.85) return m.huddle(both);
  if (Math.max(rx, ry) > 1.2) return m.wider(both);
  return m.close(both);
}

/** The conclusion of the rebalancing experiment, from its numbers. */
export function rebalanceConclusion(r: RebalanceResult): string {
  const m = t().experiments.rebalance.conclusion;
  const { fullGan, minorityGan, freshReal } = r.arms;
  const best = fullGan.coverage >= minorityGan.coverage ? fullGan : minorityGan;
  const name = (a: typeof fullGan) => (a.id === 'full-gan' ? m.armA : m.armB);
  const other = best === fullGan ? minorityGan : fullGan;
  const short = fullGan.n === 0 ? m.noneFound(count(fullGan.requested), count(fullGan.drawn)) : fullGan.n < fullGan.requested ? m.fewFound(count(fullGan.n), count(fullGan.requested)) : '';
  const close = freshReal.coverage - best.coverage <= 0.05;
  return (
    m.covers(count(r.counts.topUp), name(best), formatShare(best.coverage), name(other), formatShare(other.coverage), short) +
    m.fresh(formatShare(freshReal.coverage)) +
    (close ? m.close : m.misses(formatShare(1 - best.coverage))) +
    (best.n < 2 ? m.noSpread : `${spreadPhrase(best.std, r.heldOutStd)}.`)
  );
}

/** One sentence on the hiring case, from its numbers. */
export function hiringConclusion(r: HiringResult): string {
  const m = t().experiments.hiring.conclusion;
  const fails = (ratio: number) => (ratio < FOUR_FIFTHS ? m.verbFails : m.verbPasses);
  const minor = 1; // HIRING_GROUPS: majority, minority
  const syn = r.syntheticModel.ratio;
  const real = r.realModel.ratio;
  return (
    m.selects(formatShare(r.syntheticModel.rates[minor]), formatShare(r.syntheticModel.rates[1 - minor]), fmt.fixed(syn, 2), fails(syn), fmt.fixed(real, 2), fails(real)) +
    (syn < FOUR_FIFTHS && real < FOUR_FIFTHS ? m.carried : syn >= FOUR_FIFTHS && real < FOUR_FIFTHS ? m.lost : '')
  ).trim();
}
