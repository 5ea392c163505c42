/**
 * The generations view's words: what each policy does and what to look for, which generator is
 * in use, and the sentences that describe a run's charts — every figure in them read from the
 * result (core/generations/generations.ts), none scripted.
 */
import type { GenerationPolicy, GenerationResult, GenerationsResult, GeneratorKind, PolicyRun } from '../../core/generations/generations';
import type { FaceGenerationResult, FaceGenerationsResult } from '../../core/generations/faces';
import { DARKER } from '../../core/faces/faces';
import { MIN_COUNTED } from '../../core/faces/evaluate';

export const POLICY_NAMES: Record<GenerationPolicy, string> = { replace: 'replace', accumulate: 'accumulate', fresh: 'fresh real' };

/** Two sentences per policy: what it does, and what students should look for. */
export function policyExplanation(p: GenerationPolicy, freshFraction: number): string {
  switch (p) {
    case 'replace':
      return 'Each generation learns only from the points the previous generation made; the real data is seen once, by generation 0. Look at the tails first: the rare minority and the edges of the cloud thin out, and the distance to the real data climbs.';
    case 'accumulate':
      return 'Each generation learns from the real data plus every synthetic set made before it, so nothing is thrown away. Look for it to hold: the distance to the real data stays near generation 0’s and the minority keeps its place.';
    case 'fresh':
      return `Each generation learns from ${percent(freshFraction)} new real points plus points the previous generation made. Look at how much fresh data holds the line: more fresh real data, less drift.`;
  }
}

export const GENERATOR_NAMES: Record<GeneratorKind, string> = { gan: 'GAN (a forger and a detective)', gmm: 'fit a Gaussian mixture' };

export function generatorSentence(kind: GeneratorKind, stepsPerGeneration: number, components: number): string {
  return kind === 'gan'
    ? `Generator: a GAN (a forger and a detective), trained ${stepsPerGeneration.toLocaleString('en-US')} steps per generation.`
    : `Generator: fit a Gaussian mixture (${components} components, by expectation–maximisation) to each training set — fast, and the same collapse question without a detective.`;
}

export function percent(v: number): string {
  return `${Number((100 * v).toFixed(1))}%`;
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

const sig = (v: number, d = 3) => String(Number(v.toPrecision(d)));

export function minorityLabel(r: GenerationsResult): string {
  return r.groups[r.minority]?.label.toLowerCase() ?? 'minority';
}

export const METRICS: readonly MetricSpec[] = [
  { id: 'js', title: 'JS divergence to the real data', phrase: 'JS divergence', unit: 'bits (0 = same as real)', value: (g) => g.js, format: (v) => `${v.toFixed(3)} bits`,
    ref: (r) => ({ y: r.real.floor, label: `noise floor ${r.real.floor.toFixed(3)} (real vs real)` }) },
  { id: 'spread', title: 'Spread of the points', phrase: 'spread', unit: 'variance, x + y (plot units²)', value: (g) => g.spread.total, format: (v) => sig(v),
    ref: (r) => ({ y: r.real.spread.total, label: `real data ${sig(r.real.spread.total)}` }) },
  { id: 'minority-share', title: 'Minority share', phrase: 'the minority’s share', unit: '% of generated points', value: (g) => g.minorityShare, format: percent, percentAxis: true,
    ref: (r) => ({ y: r.real.shares[r.minority], label: `real share ${percent(r.real.shares[r.minority])}` }) },
  { id: 'minority-coverage', title: 'Minority coverage', phrase: 'the minority’s coverage', unit: '% of real minority points reached (k = 5)', value: (g) => g.minorityCoverage, format: percent, percentAxis: true,
    ref: (r) => {
      const g0 = r.runs[0].generations[0].minorityCoverage;
      return { y: g0, label: `generation 0 ${percent(g0)}` };
    } },
];

/** "rose", "fell" or "stayed at about" (a change under 5% of the start counts as none). */
function trend(a: number, b: number): 'rose' | 'fell' | 'same' {
  const scale = Math.max(Math.abs(a), Math.abs(b), 1e-12);
  if (Math.abs(b - a) / scale < 0.05) return 'same';
  return b > a ? 'rose' : 'fell';
}

/** "Under replace, JS divergence rose from 0.066 bits at generation 0 to 0.076 bits at generation 5." */
export function trendSentence(run: PolicyRun, m: MetricSpec): string {
  const gens = run.generations;
  const name = m.phrase;
  const first = gens[0];
  const last = gens.at(-1)!;
  if (gens.length === 1) return `Under ${POLICY_NAMES[run.policy]}, ${name} at generation 0 is ${m.format(m.value(first))}.`;
  const a = m.value(first);
  const b = m.value(last);
  const t = trend(a, b);
  return t === 'same'
    ? `Under ${POLICY_NAMES[run.policy]}, ${name} stayed at about ${m.format(a)} from generation 0 to generation ${last.generation} (${m.format(b)}).`
    : `Under ${POLICY_NAMES[run.policy]}, ${name} ${t} from ${m.format(a)} at generation 0 to ${m.format(b)} at generation ${last.generation}.`;
}

/** The text summary of one metric's chart: a sentence per policy and the reference line. */
export function chartSummary(r: GenerationsResult, m: MetricSpec): string {
  const ref = m.ref(r);
  return [...r.runs.map((run) => trendSentence(run, m)), `Reference line: ${ref.label}.`].join(' ');
}

/** The summary of one small multiple: what its plot shows. */
export function cellSummary(r: GenerationsResult, policy: GenerationPolicy, g: GenerationResult, shownPoints = g.sampleGroups.length): string {
  const shown = Math.min(shownPoints, g.sampleGroups.length);
  return `${POLICY_NAMES[policy]}, generation ${g.generation}: ${shown.toLocaleString('en-US')} generated points (hollow) over the real data (faint); of all ${g.sampleGroups.length.toLocaleString('en-US')} measured, ${percent(g.minorityShare)} in the ${minorityLabel(r)} (real ${percent(r.real.shares[r.minority])}); JS ${g.js.toFixed(3)} bits.`;
}

/** The headline: the last generation of each policy compared on JS and the minority. */
export function headline(r: GenerationsResult): string {
  const last = r.runs.map((run) => ({ run, g: run.generations.at(-1)! }));
  const parts = last.map(({ run, g }) => `${POLICY_NAMES[run.policy]} ${g.js.toFixed(3)} bits with the ${minorityLabel(r)} at ${percent(g.minorityShare)}`);
  const n = last[0].g.generation;
  return `After generation ${n}: ${parts.join('; ')} (noise floor ${r.real.floor.toFixed(3)} bits, real ${minorityLabel(r)} share ${percent(r.real.shares[r.minority])}).`;
}

/** A face generation's darker share as read, or "not readable" when too few faces have a tone. */
export function faceShareText(g: Pick<FaceGenerationResult, 'darkerShare'>): string {
  return Number.isFinite(g.darkerShare) ? percent(g.darkerShare) : 'not readable';
}

/** One face generation in words, for its card and for screen readers. */
export function faceGenerationSummary(g: FaceGenerationResult): string {
  const off = `${percent(g.shares.offPalette)} of its faces match no skin tone`;
  return Number.isFinite(g.darkerShare)
    ? `Generation ${g.generation}: darker share ${percent(g.darkerShare)} of the faces with a recognisable tone; ${off}.`
    : `Generation ${g.generation}: only ${g.shares.counted} of ${g.counts.n} faces have a recognisable skin tone (${MIN_COUNTED} are needed), so no darker share can be read; ${off}.`;
}

/** The faces run in one sentence: the darker share from the real faces through each generation. */
export function facesHeadline(r: FaceGenerationsResult): string {
  const gens = r.generations;
  const chain = gens.map((g) => `generation ${g.generation} ${faceShareText(g)}`).join(', ');
  const read = gens.filter((g) => Number.isFinite(g.darkerShare));
  let trend = '';
  if (read.length >= 2) {
    const a = read[0];
    const b = read[read.length - 1];
    const d = b.darkerShare - a.darkerShare;
    trend = Math.abs(d) < 0.02
      ? ` From generation ${a.generation} to ${b.generation} it stayed about the same.`
      : ` From generation ${a.generation} to ${b.generation} it ${d < 0 ? 'fell' : 'rose'} by ${Math.round(Math.abs(d) * 100)} percentage points.`;
  }
  return `Darker share of the faces: real ${percent(r.realShares[DARKER])}; ${chain}.${trend}`;
}
