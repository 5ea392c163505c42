/**
 * The faces view's sentence, from the numbers of core/faces/evaluate.ts (wording lives outside
 * core).
 */
import { DARKER } from '../../core/faces/faces';
import type { FaceEvaluation } from '../../core/faces/evaluate';

const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : 'not measurable yet');

/**
 * The sentence a screen reader hears and the view shows, e.g. "Step 500: darker faces are 0% of
 * the faces the forger makes and 10% of the real ones."
 */
export function describeFaces(step: number, e: FaceEvaluation | null, realShares: readonly number[], paused = false): string {
  const head = `${paused ? 'Paused at step' : 'Step'} ${step.toLocaleString('en-US')}: `;
  if (!e) return `${head.slice(0, -2)}.`;
  const d = e.shares.groups[DARKER];
  if (!Number.isFinite(d))
    return `${head}only ${e.shares.counted} of ${e.counts.n} generated faces have a recognisable skin tone, too few to count yet; ${pct(realShares[DARKER])} of the real faces are darker.`;
  const off = e.shares.offPalette >= 0.005 ? ` (${pct(e.shares.offPalette)} of the generated faces have no clear skin tone and are not counted)` : '';
  return `${head}darker faces are ${pct(d)} of the faces the forger makes and ${pct(realShares[DARKER])} of the real ones${off}. The detective is right ${pct(e.accuracy.overall)} of the time.`;
}

/**
 * What the memorisation panel says about one measurement, from its numbers: the closer-to-train
 * share of the generated faces and the closest pair.
 */
export function memorisationSentence(m: { step: number; n: number; metrics: { closerToTrain: number; distTrain: ArrayLike<number>; distHoldout: ArrayLike<number> } }, trainFaces: number): string {
  const share = m.metrics.closerToTrain;
  let best = 0;
  for (let i = 1; i < m.n; i++) if (m.metrics.distTrain[i] < m.metrics.distTrain[best]) best = i;
  const verdict = !Number.isFinite(share)
    ? ''
    : share > 0.6
      ? ' Well above half: the forger is drawing its training faces back, not new ones.'
      : share < 0.4
        ? ' Below half: the generated faces sit nearer the fresh faces than the training ones.'
        : ' About half: no clear sign of memorisation.';
  return (
    `Step ${m.step.toLocaleString('en-US')}: ${pct(share)} of ${m.n} generated faces are closer to one of the ${trainFaces.toLocaleString('en-US')} training faces than to any of ${trainFaces.toLocaleString('en-US')} fresh faces it never saw (50% means no memorisation).` +
    verdict +
    (m.n ? ` The closest pair is ${m.metrics.distTrain[best].toFixed(2)} apart; that face's nearest fresh face is ${m.metrics.distHoldout[best].toFixed(2)} away.` : '')
  );
}
