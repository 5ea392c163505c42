/**
 * The generations view's words: what each policy does and what to look for, which generator is
 * in use, and the sentences that describe a run's charts — every figure in them read from the
 * result (core/generations/generations.ts), none scripted. The wording is in the message
 * catalogue (i18n/<lang>/generations.ts).
 */
import type { GenerationPolicy, GenerationResult, GenerationsResult, GeneratorKind, PolicyRun } from '../../core/generations/generations';
import type { FaceGenerationResult, FaceGenerationsResult } from '../../core/generations/faces';
import { DARKER } from '../../core/faces/faces';
import { MIN_COUNTED } from '../../core/faces/evaluate';
import { fmt, lang, t } from '../../i18n';

/** A count as the language groups it: "1,200" in English (as the view always wrote it), "1200" in Spanish. */
export const grouped = (n: number) => n.toLocaleString(lang.current);

/** A policy's name in the current language ("replace", "fresh real"). */
export const policyName = (p: GenerationPolicy): string => t().generations.policies.names[p];

/** Two sentences per policy: what it does, and what students should look for. */
export function policyExplanation(p: GenerationPolicy, freshFraction: number): string {
  const w = t().generations.policies;
  switch (p) {
    case 'replace':
      return w.replace;
    case 'accumulate':
      return w.accumulate;
    case 'fresh':
      return w.fresh(percent(freshFraction));
  }
}

export const generatorName = (kind: GeneratorKind): string => t().generations.generator.names[kind];

export function generatorSentence(kind: GeneratorKind, stepsPerGeneration: number, components: number): string {
  const w = t().generations.generator;
  return kind === 'gan' ? w.gan(grouped(stepsPerGeneration)) : w.gmm(components);
}

/** A share in percent with at most one decimal ("12.5%", "12%"; "12,5 %" in Spanish). */
export function percent(v: number): string {
  return Number.isFinite(v) ? t().generations.common.percent(fmt.decimal(100 * v, 1)) : fmt.decimal(v);
}

/** One chart of a metric per generation: how to read it off a generation, its unit and reference. */
export interface MetricSpec {
  id: 'js' | 'spread' | 'minority-share' | 'minority-coverage';
  title: string;
  /** The metric inside a sentence ("JS divergence"). */
  phrase: string;
  unit: string;
  value: (g: GenerationResult) => number;
  format: (v: number) => string;
  /** The reference line's value and label for a result. */
  ref: (r: GenerationsResult) => { y: number; label: string };
  /** Fractions shown as percentages on the axis. */
  percentAxis?: boolean;
}

/** d significant digits, in the language's decimal notation. */
const sig = (v: number, d = 3) => String(Number(v.toPrecision(d))).replace('.', fmt.decimalSeparator());
const bits = (v: number) => fmt.fixed(v, 3);

export function minorityLabel(r: GenerationsResult): string {
  const g = r.groups[r.minority];
  return (g && (t().generations.groups as Record<string, string>)[g.id]) ?? g?.label.toLowerCase() ?? t().generations.groups.minority;
}

// titles, phrases and units are read when shown, so they follow the language
const words = () => t().generations.metrics;

export const METRICS: readonly MetricSpec[] = [
  {
    id: 'js',
    get title() { return words().js.title; },
    get phrase() { return words().js.phrase; },
    get unit() { return words().js.unit; },
    value: (g) => g.js,
    format: (v) => words().js.value(bits(v)),
    ref: (r) => ({ y: r.real.floor, label: words().js.ref(bits(r.real.floor)) }),
  },
  {
    id: 'spread',
    get title() { return words().spread.title; },
    get phrase() { return words().spread.phrase; },
    get unit() { return words().spread.unit; },
    value: (g) => g.spread.total,
    format: (v) => sig(v),
    ref: (r) => ({ y: r.real.spread.total, label: words().spread.ref(sig(r.real.spread.total)) }),
  },
  {
    id: 'minority-share',
    get title() { return words().minorityShare.title; },
    get phrase() { return words().minorityShare.phrase; },
    get unit() { return words().minorityShare.unit; },
    value: (g) => g.minorityShare,
    format: percent,
    percentAxis: true,
    ref: (r) => ({ y: r.real.shares[r.minority], label: words().minorityShare.ref(percent(r.real.shares[r.minority])) }),
  },
  {
    id: 'minority-coverage',
    get title() { return words().minorityCoverage.title; },
    get phrase() { return words().minorityCoverage.phrase; },
    get unit() { return words().minorityCoverage.unit; },
    value: (g) => g.minorityCoverage,
    format: percent,
    percentAxis: true,
    ref: (r) => {
      const g0 = r.runs[0].generations[0].minorityCoverage;
      return { y: g0, label: words().minorityCoverage.ref(percent(g0)) };
    },
  },
];

/** "rose", "fell" or "stayed at about" (a change under 5% of the start counts as none). */
function trend(a: number, b: number): 'rose' | 'fell' | 'same' {
  const scale = Math.max(Math.abs(a), Math.abs(b), 1e-12);
  if (Math.abs(b - a) / scale < 0.05) return 'same';
  return b > a ? 'rose' : 'fell';
}

/** "Under replace, JS divergence rose from 0.066 bits at generation 0 to 0.076 bits at generation 5." */
export function trendSentence(run: PolicyRun, m: MetricSpec): string {
  const w = t().generations.trend;
  const gens = run.generations;
  const name = m.phrase;
  const policy = policyName(run.policy);
  const first = gens[0];
  const last = gens.at(-1)!;
  if (gens.length === 1) return w.single(policy, name, m.format(m.value(first)));
  const a = m.value(first);
  const b = m.value(last);
  const tr = trend(a, b);
  return tr === 'same' ? w.same(policy, name, m.format(a), last.generation, m.format(b)) : w.moved(policy, name, tr === 'rose', m.format(a), m.format(b), last.generation);
}

/** The text summary of one metric's chart: a sentence per policy and the reference line. */
export function chartSummary(r: GenerationsResult, m: MetricSpec): string {
  const ref = m.ref(r);
  return [...r.runs.map((run) => trendSentence(run, m)), t().generations.trend.refLine(ref.label)].join(' ');
}

/** The summary of one small multiple: what its plot shows. */
export function cellSummary(r: GenerationsResult, policy: GenerationPolicy, g: GenerationResult, shownPoints = g.sampleGroups.length): string {
  const shown = Math.min(shownPoints, g.sampleGroups.length);
  return t().generations.cell(
    policyName(policy),
    g.generation,
    grouped(shown),
    grouped(g.sampleGroups.length),
    percent(g.minorityShare),
    minorityLabel(r),
    percent(r.real.shares[r.minority]),
    bits(g.js),
  );
}

/** The headline: the last generation of each policy compared on JS and the minority. */
export function headline(r: GenerationsResult): string {
  const w = t().generations.headline;
  const last = r.runs.map((run) => ({ run, g: run.generations.at(-1)! }));
  const parts = last.map(({ run, g }) => w.part(policyName(run.policy), bits(g.js), minorityLabel(r), percent(g.minorityShare)));
  const n = last[0].g.generation;
  return w.all(n, parts.join('; '), bits(r.real.floor), minorityLabel(r), percent(r.real.shares[r.minority]));
}

/** A face generation's darker share as read, or "not readable" when too few faces have a tone. */
export function faceShareText(g: Pick<FaceGenerationResult, 'darkerShare'>): string {
  return Number.isFinite(g.darkerShare) ? percent(g.darkerShare) : t().generations.faces.notReadable;
}

/** One face generation in words, for its card and for screen readers. */
export function faceGenerationSummary(g: FaceGenerationResult): string {
  const w = t().generations.faces;
  const off = w.offPalette(percent(g.shares.offPalette));
  return Number.isFinite(g.darkerShare) ? w.summary(g.generation, percent(g.darkerShare), off) : w.summaryUnread(g.generation, g.shares.counted, g.counts.n, MIN_COUNTED, off);
}

/** The faces run in one sentence: the darker share from the real faces through each generation. */
export function facesHeadline(r: FaceGenerationsResult): string {
  const w = t().generations.faces;
  const gens = r.generations;
  const chain = gens.map((g) => w.chainItem(g.generation, faceShareText(g))).join(', ');
  const read = gens.filter((g) => Number.isFinite(g.darkerShare));
  let change = '';
  if (read.length >= 2) {
    const a = read[0];
    const b = read[read.length - 1];
    const d = b.darkerShare - a.darkerShare;
    change = Math.abs(d) < 0.02 ? w.trendSame(a.generation, b.generation) : w.trendMoved(a.generation, b.generation, d < 0, Math.round(Math.abs(d) * 100));
  }
  return w.headline(percent(r.realShares[DARKER]), chain, change);
}
