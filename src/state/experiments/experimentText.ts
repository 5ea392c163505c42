/**
 * Plain-language text of the experiments, computed from their numbers: captions of what a run
 * used, and the one-sentence conclusions of the rebalancing and hiring experiments. Pure.
 */
import { RUN_KEYS, settingFor } from '../../core/settings/config';
import type { Config, EnumSetting } from '../../core/settings/config';
import type { Group } from '../../core/data/datasets';
import { formatShare } from '../shared/skewText';
import type { RebalanceResult } from '../../core/experiments/rebalance';
import type { HiringResult } from '../../core/experiments/hiring';
import { FOUR_FIFTHS } from '../../core/experiments/logistic';

const num = (n: number) => n.toLocaleString('en-US');

/** "90/10" for a minority share of 0.1. */
export function splitLabel(minority: number): string {
  const m = Math.round(minority * 100);
  return `${100 - m}/${m}`;
}

function optionLabel(key: keyof Config, value: string): string {
  const s = settingFor(key) as EnumSetting;
  return s.options.find((o) => o.value === value)?.label ?? value;
}

/** What a batch of seeds ran: "90/10, minority in the majority’s tail, 2,000 points, plain, 3,000 steps, seeds 6–10". */
export function describeRun(b: { config: Config; seeds: readonly number[]; steps: number; recipe: string }, stepsPer = ''): string {
  const c = b.config;
  const data = c.data === 'groups' ? `${splitLabel(c.minority)}, minority ${optionLabel('place', c.place)}` : optionLabel('data', c.data).toLowerCase();
  const seeds = b.seeds.length === 1 ? `seed ${b.seeds[0]}` : `seeds ${b.seeds[0]}–${b.seeds[b.seeds.length - 1]}`;
  return `${data}, ${num(c.points)} points, ${b.recipe} recipe, ${num(b.steps)} steps${stepsPer ? ` ${stepsPer}` : ''}, ${seeds}`;
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

const times = (v: number) => `${v.toFixed(2)}×`;

/** How an arm's per-axis spread compares with the real minority's, in words. */
export function spreadPhrase(std: readonly number[], real: readonly number[]): string {
  const rx = std[0] / real[0];
  const ry = std[1] / real[1];
  const both = `${times(rx)} and ${times(ry)} the real minority’s spread along x and y`;
  if (Math.max(rx, ry) < 0.85) return `its points huddle closer together than the real minority’s (${both}), so the edges go missing`;
  if (Math.max(rx, ry) > 1.2) return `its points spread wider than the real minority’s (${both}), so some land where no real minority point is`;
  return `its spread is close to the real minority’s (${both})`;
}

/** The conclusion of the rebalancing experiment, from its numbers. */
export function rebalanceConclusion(r: RebalanceResult): string {
  const { fullGan, minorityGan, freshReal } = r.arms;
  const best = fullGan.coverage >= minorityGan.coverage ? fullGan : minorityGan;
  const name = (a: typeof fullGan) => (a.id === 'full-gan' ? '(a) the GAN trained on all points' : '(b) the GAN trained on the minority alone');
  const other = best === fullGan ? minorityGan : fullGan;
  const short =
    fullGan.n === 0
      ? ` ((a) found none of the ${num(fullGan.requested)} minority points asked for in ${num(fullGan.drawn)} draws: its forger has dropped the minority)`
      : fullGan.n < fullGan.requested
        ? ` ((a) found only ${num(fullGan.n)} of the ${num(fullGan.requested)} minority points asked for)`
        : '';
  const close = freshReal.coverage - best.coverage <= 0.05;
  return (
    `Adding ${num(r.counts.topUp)} synthetic minority points, ${name(best)} covers ${formatShare(best.coverage)} of the held-out real minority and ${name(other)} ${formatShare(other.coverage)}${short}; ` +
    `the same number of fresh real points would cover ${formatShare(freshReal.coverage)}. ` +
    (close ? 'So the better fix covers about as much as real data would, and ' : `So even the better fix misses ${formatShare(1 - best.coverage)} of real minority points, and `) +
    (best.n < 2 ? 'neither fix made enough minority points to have a spread.' : `${spreadPhrase(best.std, r.heldOutStd)}.`)
  );
}

/** One sentence on the hiring case, from its numbers. */
export function hiringConclusion(r: HiringResult): string {
  const fails = (ratio: number) => (ratio < FOUR_FIFTHS ? 'fails' : 'passes');
  const minor = 1; // HIRING_GROUPS: majority, minority
  return (
    `The model trained on synthetic applicants selects ${formatShare(r.syntheticModel.rates[minor])} of minority and ${formatShare(r.syntheticModel.rates[1 - minor])} of majority applicants — ` +
    `a ratio of ${r.syntheticModel.ratio.toFixed(2)}, which ${fails(r.syntheticModel.ratio)} the four-fifths rule; ` +
    `trained on the real history it scores ${r.realModel.ratio.toFixed(2)} (${fails(r.realModel.ratio)}). ` +
    (r.syntheticModel.ratio < FOUR_FIFTHS && r.realModel.ratio < FOUR_FIFTHS ? 'The synthetic applicants carried the old bias over.' : r.syntheticModel.ratio >= FOUR_FIFTHS && r.realModel.ratio < FOUR_FIFTHS ? 'Here the synthetic data lost part of the bias — check more seeds before trusting that.' : '')
  ).trim();
}
