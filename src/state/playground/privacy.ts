/**
 * The playground's privacy panel: memorisation rows over steps, the budget ε at δ from the
 * accountant, and every word the panel says to a student about them.
 */
import type { Config } from '../../core/settings/config';
import { deltaOf } from '../../core/settings/config';
import { epsilon } from '../../core/privacy/accountant';
import type { EpsilonStatus } from '../../core/privacy/accountant';
import type { LiveMemorisation } from '../../core/privacy/live';

export interface MemorisationRow {
  step: number;
  closerToTrain: number;
  overfittingScore: number;
  copyRate: number;
  holdoutCopyRate: number;
}

export const MAX_MEMORISATION_ROWS = 300;

/** Add a measurement; a repeated step replaces its row, and long runs are thinned to every other row. */
export function appendMemorisation(rows: readonly MemorisationRow[], m: LiveMemorisation): MemorisationRow[] {
  const v = m.value;
  const row: MemorisationRow = { step: m.step, closerToTrain: v.closerToTrain, overfittingScore: v.overfittingScore, copyRate: v.copyRate, holdoutCopyRate: v.holdoutCopyRate };
  const kept = rows.filter((r) => r.step < m.step);
  const out = [...kept, row];
  return out.length > MAX_MEMORISATION_ROWS ? out.filter((_, i) => i % 2 === 0 || i === out.length - 1) : out;
}

export interface PrivacyBudget {
  /** ε when one can be stated, else null. */
  epsilon: number | null;
  delta: number;
  /** The accountant's inputs. */
  q: number;
  sigma: number;
  steps: number;
  status: EpsilonStatus | 'off';
  /** What the panel says: the number with its δ, or in words why there is none. */
  text: string;
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const fmtDelta = (d: number) => (d >= 0.001 ? d.toPrecision(2) : d.toExponential(1));
const fmtEps = (e: number) => (e < 10 ? e.toFixed(2) : e < 1000 ? e.toFixed(1) : e.toExponential(2));

/** ε at δ for the run so far: q = batch / n, σ, and one step per detective update. */
export function privacyBudget(cfg: Pick<Config, 'dp' | 'sigma' | 'delta' | 'batch'>, n: number, detectiveUpdates: number): PrivacyBudget {
  const delta = deltaOf(cfg, n);
  const q = Math.min(1, cfg.batch / n);
  const base = { delta, q, sigma: cfg.sigma, steps: detectiveUpdates };
  if (cfg.dp !== '1') return { ...base, epsilon: null, status: 'off', text: 'no ε: private training is off, so there is no privacy promise at all.' };
  // σ = 0 promises nothing for the run, even before its first step (when nothing is released yet)
  const r = cfg.sigma === 0 ? { status: 'no-privacy' as const, epsilon: Infinity } : epsilon({ q, sigma: cfg.sigma, steps: detectiveUpdates, delta });
  if (r.status === 'no-privacy') return { ...base, epsilon: null, status: r.status, text: 'no ε: with σ = 0 the updates carry no noise, so no privacy promise can be made (ε would be infinite).' };
  if (r.status !== 'ok' || !Number.isFinite(r.epsilon)) return { ...base, epsilon: null, status: r.status, text: 'no ε: these settings state no privacy mechanism the accountant can measure.' };
  return { ...base, epsilon: r.epsilon, status: 'ok', text: `ε = ${fmtEps(r.epsilon)} at δ = ${fmtDelta(delta)}` };
}

/** One line each: what the numbers mean for a student. */
export const PRIVACY_WORDS = {
  closer: 'Share of generated points nearer to a training point than to any held-out real point. 50% means the forger cannot tell the data it learned from apart from fresh data; far above 50% means it is copying.',
  score: 'Overfitting score min(2·(1 − share), 1): 1 means no sign of copying, 0 means every generated point hugs the training set.',
  copy: 'Share of generated points lying almost on top of a training point, next to how often fresh real points land that close by chance.',
  dcr: 'Distance from each point to its closest training point: generated points (filled) against held-out real points (outline). A generated curve piled up near 0 means copies.',
  epsilon: 'ε bounds how much any one training point can change what the detective learns: smaller is more private. It grows with every step.',
  clip: 'C, the clip norm, caps how far any one real point may push the detective in a step.',
  sigma: 'σ, the noise multiplier, sets how much random noise (σ·C) is added to each step’s sum to hide any one point.',
  none: 'Memorisation is measured against a held-out real sample of the same size, so it needs a built-in data set with 16 to 2,000 training points.',
  caveat: 'The promise covers the detective’s reads of the training points (Poisson-sampled batches); the forger only ever sees the detective’s answers.',
} as const;

/** The panel's live text summary. */
export function summariseMemorisation(m: LiveMemorisation, budget: PrivacyBudget): string {
  const v = m.value;
  return `Step ${m.step.toLocaleString('en-US')}: ${pct(v.closerToTrain)} of generated points are closer to a training point than to a held-out one (50% means no memorisation; overfitting score ${v.overfittingScore.toFixed(2)}). Copy rate ${pct(v.copyRate)} against ${pct(v.holdoutCopyRate)} for held-out real points. Privacy budget: ${budget.text}`;
}
