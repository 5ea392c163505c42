/**
 * Words for the privacy–fidelity sweep (issue 14, item 6), computed from a run's numbers: group
 * names, ε as text, and the one-sentence conclusion. Pure.
 */
import type { SweepPoint } from '../../core/privacy/sweep';
import { formatShare } from '../shared/skewText';

/** The minority is the group with the smallest real share (the sweep uses the two-group data). */
export function minorityIndex(p: SweepPoint): number {
  let m = 0;
  p.perGroup.forEach((g, i) => {
    if (g.realShare < p.perGroup[m].realShare) m = i;
  });
  return m;
}

export const groupName = (p: SweepPoint, i: number) => (i === minorityIndex(p) ? 'minority' : 'majority');

/** ε as shown: "∞" without noise, 3 significant digits otherwise. */
export function epsilonText(p: SweepPoint): string {
  if (p.epsilon.status === 'no-privacy') return '∞';
  if (p.epsilon.status === 'invalid') return '–';
  return p.epsilon.epsilon >= 1000 ? Math.round(p.epsilon.epsilon).toLocaleString('en-US') : Number(p.epsilon.epsilon.toPrecision(3)).toString();
}

const bits = (v: number) => v.toFixed(3);

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
  const m = minorityIndex(lo);
  const M = m === 0 ? 1 : 0;
  const rise = (i: number) => hi.perGroup[i].js - lo.perGroup[i].js;
  const ratioFall = (i: number) => lo.perGroup[i].ratio - hi.perGroup[i].ratio;
  const jsWord = hi.js > lo.js ? 'rose' : hi.js < lo.js ? 'fell' : 'stayed';
  const cost =
    rise(m) <= 0 && rise(M) <= 0
      ? 'so in this run neither group lost fidelity to the noise'
      : `so the fidelity cost fell harder on the ${rise(m) > rise(M) ? 'minority' : 'majority'}`;
  return (
    `From σ = ${lo.sigma} (ε ${epsilonText(lo)}) to σ = ${hi.sigma} (ε ${epsilonText(hi)}), the JS divergence to held-out real points ${jsWord} from ${bits(lo.js)} to ${bits(hi.js)} bits overall: ` +
    `for the minority ${bits(lo.perGroup[m].js)} → ${bits(hi.perGroup[m].js)}, for the majority ${bits(lo.perGroup[M].js)} → ${bits(hi.perGroup[M].js)}, ${cost}. ` +
    `The minority’s representation ratio went ${lo.perGroup[m].ratio.toFixed(2)} → ${hi.perGroup[m].ratio.toFixed(2)} (majority ${lo.perGroup[M].ratio.toFixed(2)} → ${hi.perGroup[M].ratio.toFixed(2)})` +
    `${ratioFall(m) > ratioFall(M) ? ', a larger fall' : ''}. ` +
    `The closer-to-train share went ${formatShare(lo.closerToTrain)} → ${formatShare(hi.closerToTrain)} (50% = no sign of memorisation).`
  );
}
