/**
 * Words about representation: shares as readable percentages and the sentences the playground's
 * panel, the experiments and the lessons show. The numbers come from core/skew; the wording
 * lives here, outside core.
 */
import type { GroupRepresentation, Representation } from '../../core/skew/skew';

/** A share as a readable percentage: whole percents, one decimal below 10%, "<0.1%" for traces. */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '–';
  const p = share * 100;
  if (p === 0) return '0%';
  if (p < 0.1) return 'under 0.1%';
  if (p < 9.95) {
    const s = p.toFixed(1);
    return `${s.endsWith('.0') ? s.slice(0, -2) : s}%`;
  }
  return `${Math.round(p)}%`;
}

/** "The minority is 10% of the real data and 2% of the synthetic data." */
export function shareSentence(row: Pick<GroupRepresentation, 'label' | 'realShare' | 'syntheticShare'>): string {
  return `The ${row.label.toLowerCase()} is ${formatShare(row.realShare)} of the real data and ${formatShare(row.syntheticShare)} of the synthetic data.`;
}

/** The notice shown for a dropped group. */
export function droppedNotice(row: Pick<GroupRepresentation, 'label' | 'realShare' | 'syntheticShare'>): string {
  return `The forger has dropped the ${row.label.toLowerCase()}: it is ${formatShare(row.realShare)} of the real data but only ${formatShare(row.syntheticShare)} of the synthetic data (less than a quarter).`;
}

/**
 * One sentence per group, the smallest real group first (the one the lesson is about). Before the
 * first step (`trained` false) nothing has been dropped yet: the forger has not learned anything.
 */
export function representationSentences(rep: Representation, trained = true): string[] {
  const rows = [...rep.groups].sort((a, b) => a.realShare - b.realShare);
  return rows.map((r) => (trained && r.dropped ? droppedNotice(r) : shareSentence(r)));
}
