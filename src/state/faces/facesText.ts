/**
 * The faces view's sentences, from the numbers of core/faces/evaluate.ts (wording lives outside
 * core, in the message catalogue: i18n/<lang>/faces.ts), and the names of its groups and tones.
 */
import { DARKER, FACE_GROUPS, FACE_TONES } from '../../core/faces/faces';
import type { FaceEvaluation } from '../../core/faces/evaluate';
import { fmt, lang, t } from '../../i18n';

/**
 * A count or step as the language groups it: "1,500" in English (as the view always wrote it),
 * "1500" and "12.000" in Spanish.
 */
export const grouped = (n: number) => n.toLocaleString(lang.current);

/** A group's name in the current language ("Darker tones"), by its index in FACE_GROUPS. */
export function groupName(i: number): string {
  const g = FACE_GROUPS[i];
  return g ? ((t().faces.groups as Record<string, string>)[g.id] ?? g.label) : '';
}

/** A tone's name in the current language ("Tone 1 (lightest)"), by its index in FACE_TONES. */
export function toneName(i: number): string {
  const tone = FACE_TONES[i];
  return tone ? ((t().faces.tones as Record<string, string>)[tone.id] ?? tone.label) : '';
}

const pct = (v: number) => (Number.isFinite(v) ? fmt.percent(v) : t().faces.memo.notMeasurable);

/**
 * The sentence a screen reader hears and the view shows, e.g. "Step 500: darker faces are 0% of
 * the faces the forger makes and 10% of the real ones."
 */
export function describeFaces(step: number, e: FaceEvaluation | null, realShares: readonly number[], paused = false): string {
  const w = t().faces.sentence;
  const at = grouped(step);
  if (!e) return paused ? w.pausedOnly(at) : w.stepOnly(at);
  const head = paused ? w.pausedAt(at) : w.stepAt(at);
  const d = e.shares.groups[DARKER];
  if (!Number.isFinite(d)) return head + w.tooFew(e.shares.counted, e.counts.n, pct(realShares[DARKER]));
  const off = e.shares.offPalette >= 0.005 ? w.offPalette(pct(e.shares.offPalette)) : '';
  return head + w.shares(pct(d), pct(realShares[DARKER]), off, pct(e.accuracy.overall));
}

/**
 * What the memorisation panel says about one measurement, from its numbers: the closer-to-train
 * share of the generated faces and the closest pair.
 */
export function memorisationSentence(m: { step: number; n: number; metrics: { closerToTrain: number; distTrain: ArrayLike<number>; distHoldout: ArrayLike<number> } }, trainFaces: number): string {
  const w = t().faces.memo;
  const share = m.metrics.closerToTrain;
  let best = 0;
  for (let i = 1; i < m.n; i++) if (m.metrics.distTrain[i] < m.metrics.distTrain[best]) best = i;
  const verdict = !Number.isFinite(share) ? '' : share > 0.6 ? w.above : share < 0.4 ? w.below : w.half;
  return (
    w.sentence(grouped(m.step), pct(share), m.n, grouped(trainFaces)) +
    verdict +
    (m.n ? w.closestPair(fmt.fixed(m.metrics.distTrain[best], 2), fmt.fixed(m.metrics.distHoldout[best], 2)) : '')
  );
}
