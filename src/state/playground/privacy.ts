/**
 * The playground's privacy panel: memorisation rows over steps, the budget ε at δ from the
 * accountant, and the budget's words (the panel's explanations are in playground.privacy.words).
 */
import type { Config } from '../../core/settings/config';
import { deltaOf } from '../../core/settings/config';
import { epsilon } from '../../core/privacy/accountant';
import type { EpsilonStatus } from '../../core/privacy/accountant';
import type { LiveMemorisation } from '../../core/privacy/live';
import { fmt, t } from '../../i18n';

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

/** toPrecision/toExponential text with the language's decimal separator. */
const sep = (s: string) => s.replace('.', fmt.decimalSeparator());
const fmtDelta = (d: number) => sep(d >= 0.001 ? d.toPrecision(2) : d.toExponential(1));
const fmtEps = (e: number) => (e < 10 ? fmt.fixed(e, 2) : e < 1000 ? fmt.fixed(e, 1) : sep(e.toExponential(2)));

/** ε at δ for the run so far: q = batch / n, σ, and one step per detective update. */
export function privacyBudget(cfg: Pick<Config, 'dp' | 'sigma' | 'delta' | 'batch'>, n: number, detectiveUpdates: number): PrivacyBudget {
  const delta = deltaOf(cfg, n);
  const q = Math.min(1, cfg.batch / n);
  const base = { delta, q, sigma: cfg.sigma, steps: detectiveUpdates };
  const say = t().playground.privacy;
  if (cfg.dp !== '1') return { ...base, epsilon: null, status: 'off', text: say.off };
  // σ = 0 promises nothing for the run, even before its first step (when nothing is released yet)
  const r = cfg.sigma === 0 ? { status: 'no-privacy' as const, epsilon: Infinity } : epsilon({ q, sigma: cfg.sigma, steps: detectiveUpdates, delta });
  if (r.status === 'no-privacy') return { ...base, epsilon: null, status: r.status, text: say.noNoise };
  if (r.status !== 'ok' || !Number.isFinite(r.epsilon)) return { ...base, epsilon: null, status: r.status, text: say.unmeasured };
  return { ...base, epsilon: r.epsilon, status: 'ok', text: say.epsilonAt(fmtEps(r.epsilon), fmtDelta(delta)) };
}

/** The panel's live text summary. */
export function summariseMemorisation(m: LiveMemorisation, budget: PrivacyBudget): string {
  const v = m.value;
  const pct = (x: number) => fmt.percent(x, 1);
  return t().playground.privacy.summary(fmt.int(m.step), pct(v.closerToTrain), fmt.fixed(v.overfittingScore, 2), pct(v.copyRate), pct(v.holdoutCopyRate), budget.text);
}
