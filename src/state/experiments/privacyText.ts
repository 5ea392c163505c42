/**
 * Words for the privacy–fidelity sweep (issue 14, item 6), computed from a run's numbers: group
 * names, ε as text, and the one-sentence conclusion. Pure; the words are the catalogue's.
 */
import type { SweepPoint } from '../../core/privacy/sweep';
import { formatShare } from '../shared/skewText';
import { fmt, t } from '../../i18n';
import { count } from './experimentText';

/** The minority is the group with the smallest real share (the sweep uses the two-group data). */
export function minorityIndex(p: SweepPoint): number {
  let m = 0;
  p.perGroup.forEach((g, i) => {
    if (g.realShare < p.perGroup[m].realShare) m = i;
  });
  return m;
}

/** The group's id, for test ids: "minority" or "majority", in every language. */
export const groupName = (p: SweepPoint, i: number) => (i === minorityIndex(p) ? 'minority' : 'majority');

/** The group's name as shown. */
export const groupLabel = (p: SweepPoint, i: number) => t().experiments.groupsLower[groupName(p, i)];

/** A noise multiplier as shown ("0.5", "0,5"). */
export const sigmaText = (sigma: number) => String(sigma).replace('.', fmt.decimalSeparator());

/** ε as shown: "∞" without noise, 3 significant digits otherwise. */
export function epsilonText(p: SweepPoint): string {
  if (p.epsilon.status === 'no-privacy') return '∞';
  if (p.epsilon.status === 'invalid') return '–';
  return p.epsilon.epsilon >= 1000 ? count(Math.round(p.epsilon.epsilon)) : Number(p.epsilon.epsilon.toPrecision(3)).toString().replace('.', fmt.decimalSeparator());
}

const bits = (v: number) => fmt.fixed(v, 3);
const ratio = (v: number) => fmt.fixed(v, 2);

/**
 * The conclusion of a sweep, from its numbers: how fidelity (JS to held-out real points) and
 * memorisation (closer-to-train share) moved from the least to the most noise, per group, and
 * on which group the cost fell harder. Null with fewer than two σ.
 */
export function sweepConclusion(points: readonly SweepPoint[]): string | null {
  if (points.length < 2) return null;
  const sorted = [...points].sort((a, b) => a.sigma - b.sigma);
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  const mi = minorityIndex(lo);
  const ma = mi === 0 ? 1 : 0;
  const rise = (i: number) => hi.perGroup[i].js - lo.perGroup[i].js;
  const ratioFall = (i: number) => lo.perGroup[i].ratio - hi.perGroup[i].ratio;
  const m = t().experiments.privacy.conclusion;
  const jsWord = hi.js > lo.js ? m.rose : hi.js < lo.js ? m.fell : m.stayed;
  const cost = rise(mi) <= 0 && rise(ma) <= 0 ? m.noCost : rise(mi) > rise(ma) ? m.costMinority : m.costMajority;
  return (
    m.js(sigmaText(lo.sigma), epsilonText(lo), sigmaText(hi.sigma), epsilonText(hi), jsWord, bits(lo.js), bits(hi.js)) +
    m.perGroup(bits(lo.perGroup[mi].js), bits(hi.perGroup[mi].js), bits(lo.perGroup[ma].js), bits(hi.perGroup[ma].js), cost) +
    m.ratio(ratio(lo.perGroup[mi].ratio), ratio(hi.perGroup[mi].ratio), ratio(lo.perGroup[ma].ratio), ratio(hi.perGroup[ma].ratio), ratioFall(mi) > ratioFall(ma)) +
    m.closer(formatShare(lo.closerToTrain), formatShare(hi.closerToTrain), fmt.percent(0.5))
  );
}
