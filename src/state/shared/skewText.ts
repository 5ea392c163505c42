/**
 * Words about representation: shares as readable percentages, group names, and the sentences the
 * playground's panel, the experiments and the lessons show. The numbers come from core/skew; the
 * wording lives in the catalogue (playground.shares, playground.groups), outside core.
 */
import type { GroupRepresentation, Representation } from '../../core/skew/skew';
import { fmt, t } from '../../i18n';

/** A share as a readable percentage: whole percents, one decimal below 10%, "<0.1%" for traces. */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '–';
  const p = share * 100;
  if (p === 0) return fmt.percent(0);
  if (p < 0.1) return t().playground.shares.under(fmt.percent(0.001, 1));
  if (p < 9.95) {
    // one decimal as toFixed rounds it, dropped when it is zero ("5%", not "5.0%")
    const d = Number(p.toFixed(1));
    return Number.isInteger(d) ? fmt.percent(d / 100) : fmt.percent(d / 100, 1);
  }
  return fmt.percent(Math.round(p) / 100);
}

/** A group's name in the interface language (the data sets name them in English). */
export const groupName = (label: string): string => t().playground.groups.name(label);
/** A group as a sentence names it: "the minority". */
export const groupThe = (label: string): string => t().playground.groups.the(label);

/** "The minority is 10% of the real data and 2% of the synthetic data." */
export function shareSentence(row: Pick<GroupRepresentation, 'label' | 'realShare' | 'syntheticShare'>): string {
  return t().playground.shares.sentence(groupThe(row.label), formatShare(row.realShare), formatShare(row.syntheticShare));
}

/** The notice shown for a dropped group. */
export function droppedNotice(row: Pick<GroupRepresentation, 'label' | 'realShare' | 'syntheticShare'>): string {
  return t().playground.shares.dropped(groupThe(row.label), formatShare(row.realShare), formatShare(row.syntheticShare));
}

/**
 * One sentence per group, the smallest real group first (the one the lesson is about). Before the
 * first step (`trained` false) nothing has been dropped yet: the forger has not learned anything.
 */
export function representationSentences(rep: Representation, trained = true): string[] {
  const rows = [...rep.groups].sort((a, b) => a.realShare - b.realShare);
  return rows.map((r) => (trained && r.dropped ? droppedNotice(r) : shareSentence(r)));
}
