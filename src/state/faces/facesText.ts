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
