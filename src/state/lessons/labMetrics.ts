/**
 * What a lesson's lab measures at one moment, from the live run: the numbers an answer records,
 * the report prints and the class view plots. Every number comes from the playground's own
 * evaluation (and the fresh judge, computed from the same generated points).
 */
import type { Snapshot } from '../../core/loop/loop';
import type { Group } from '../../core/data/datasets';
import type { Config } from '../../core/settings/config';
import type { FreshJudgeResult } from '../../core/metrics/freshJudge';
import { representationRatio } from '../../core/metrics/metrics';
import { t, fmt } from '../../i18n';

export interface GroupNumbers {
  id: string;
  label: string;
  /** Share of generated points (0..1). */
  synthetic: number;
  /** Share of real points (0..1). */
  real: number;
  /** synthetic / real (1 = faithful). */
  ratio: number;
}

export interface LabMetrics {
  step: number;
  accuracy: number;
  accuracyReal: number;
  accuracyFake: number;
  /** JS divergence (bits) and its noise floor. */
  js: number;
  floor: number;
  groups: GroupNumbers[];
  /** Fresh-judge accuracy on held-out points, when it was computed at this step (else null). */
  judge: number | null;
  recipe: Config['recipe'];
  minority: number;
  seed: number;
}

export function labMetrics(snapshot: Snapshot | null, groups: readonly Group[], config: Config, judge: { step: number; result: FreshJudgeResult } | null): LabMetrics | null {
  if (!snapshot) return null;
  const e = snapshot.evaluation;
  return {
    step: snapshot.step,
    accuracy: e.accuracy.overall,
    accuracyReal: e.accuracy.real,
    accuracyFake: e.accuracy.fake,
    js: e.js,
    floor: e.floor,
    groups: groups.map((g, i) => ({ id: g.id, label: g.label, synthetic: e.shares.groups[i], real: e.realShares[i], ratio: representationRatio(e.shares.groups[i], e.realShares[i]) })),
    judge: judge && judge.step === snapshot.step ? judge.result.accuracy : null,
    recipe: config.recipe,
    minority: config.minority,
    seed: config.seed,
  };
}

/** One line for people: "step 1200 · detective right 52% · JS 3.1× its floor · minority 4% of fakes (real 10%)", in the interface language. */
export function metricsLine(m: LabMetrics): string {
  const w = t().lessons.metrics;
  const parts = [w.step(fmt.int(m.step)), w.detective(fmt.percent(m.accuracy)), w.js(fmt.fixed(m.js / m.floor, 1))];
  if (m.judge !== null) parts.push(w.judge(fmt.percent(m.judge)));
  for (const g of m.groups) parts.push(w.group(w.groupName(g.id, g.label), fmt.percent(g.synthetic), fmt.percent(g.real)));
  return parts.join(' · ');
}
