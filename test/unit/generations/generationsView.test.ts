// The generations view's pure parts: its link, the run's arguments and work units, the sentences
// computed from a run, the labelled files (CSV re-parsed against the card) and the playground's
// import of such a file.
import { describe, expect, it } from 'vitest';
import { runGenerations } from '../../../src/core/generations/generations';
import { dataFor } from '../../../src/core/runs/trainAndEvaluate';
import { argsOf, configOf, decodeGenerations, DEFAULT_GENERATIONS, encodeGenerations, workOf } from '../../../src/state/generations/generationsUrl';
import type { GenerationSettings } from '../../../src/state/generations/generationsUrl';
import { generationsWork } from '../../../src/workers/generations/generationsTasks';
import { METRICS, chartSummary, headline, trendSentence } from '../../../src/state/generations/generationsText';
import { cardFacts, exportCard, exportCsv } from '../../../src/state/generations/generationsExport';
import { parseProvenanceCsv } from '../../../src/state/generations/provenanceCsv';
import { parsePointsCsv } from '../../../src/state/playground/csvImport';
import { cleanDrawn } from '../../../src/core/data/datasets';
import { figure } from '../../../src/state/generations/dataCard';
import { parseHash } from '../../../src/state/shared/url';

const settings: GenerationSettings = { ...DEFAULT_GENERATIONS, generator: 'gmm', generations: 3, seed: 4 };
const result = runGenerations(argsOf(settings))!;
const real = dataFor(configOf(settings)).data;

describe('the generations link', () => {
  it('is a route, decodes its keys with notices for bad ones, and encodes only non-defaults', () => {
    expect(parseHash('#/generations?model=gmm').name).toBe('generations');
    const d = decodeGenerations(new URLSearchParams('model=gmm&gens=12&policy=replace&play=1&bogus=1'));
    expect(d.settings).toMatchObject({ generator: 'gmm', generations: 10, policies: 'replace' });
    expect(d.notices).toHaveLength(2);
    expect(encodeGenerations(d.settings)).toBe('model=gmm&gens=10&policy=replace');
  });

  it('builds the run from the preset with the link’s data, and counts its work as the worker reports it', () => {
    const a = argsOf({ ...DEFAULT_GENERATIONS, minority: 0.2, policies: 'fresh' });
    expect(a.config).toMatchObject({ data: 'groups', minority: 0.2, points: 500, recipe: 'stabilised' });
    expect(a.policies).toEqual(['fresh']);
    expect(workOf(DEFAULT_GENERATIONS)).toBe(3 * 6 * 1200);
    expect(generationsWork(argsOf(DEFAULT_GENERATIONS))).toBe(workOf(DEFAULT_GENERATIONS));
    expect(workOf(settings)).toBe(9);
  });
});

describe('sentences from a run', () => {
  it('quote the run’s own figures', () => {
    const js = METRICS.find((m) => m.id === 'js')!;
    const run = result.runs[0];
    const s = trendSentence(run, js);
    expect(s).toContain(run.generations[0].js.toFixed(3));
    expect(s).toContain(run.generations[2].js.toFixed(3));
    expect(s).toMatch(/^Under replace, JS divergence (rose|fell|stayed)/);
    for (const m of METRICS) expect(chartSummary(result, m)).toContain('Reference line');
    expect(headline(result)).toContain(result.real.floor.toFixed(3));
  });
});

describe('labelled files', () => {
  it('the CSV holds the generation’s measured points, and the card’s shares are the CSV’s', () => {
    for (const policy of ['replace', 'fresh'] as const) {
      const c = { policy, generation: 2, mixed: false };
      const parsed = parseProvenanceCsv(exportCsv(result, real, c).text);
      const g = result.runs.find((r) => r.policy === policy)!.generations[2];
      expect(parsed.rows.length).toBe(g.sampleGroups.length);
      expect(parsed.rows.every((r) => r.source === 'synthetic' && r.generator === 'gmm' && r.seed === 4 && r.generation === 2 && r.step === g.steps)).toBe(true);
      const facts = cardFacts(result, settings, c, real);
      for (const s of facts.shares) expect(parsed.groups.filter((x) => x === s.id).length / parsed.rows.length).toBeCloseTo(s.synthetic, 12);
      const md = exportCard(result, settings, c, real, 'md').text;
      expect(md).toContain(`| minority | ${figure(100 * facts.shares[1].real)}% | ${figure(100 * facts.shares[1].synthetic)}% |`);
      expect(JSON.parse(exportCard(result, settings, c, real, 'json').text).synthetic).toBe(true);
    }
  });

  it('the mixed CSV adds the real training set as real rows', () => {
    const parsed = parseProvenanceCsv(exportCsv(result, real, { policy: 'accumulate', generation: 1, mixed: true }).text);
    const realRows = parsed.rows.filter((r) => r.source === 'real');
    expect(realRows.length).toBe(real.n);
    expect(realRows.every((r) => r.generator === null && r.generation === null)).toBe(true);
    expect(realRows.map((r) => [r.x, r.y])).toEqual(Array.from({ length: real.n }, (_, i) => [real.x[2 * i], real.x[2 * i + 1]]));
  });

  it('imports into the playground with its groups and sources kept, off-data rows left out with a notice', () => {
    const text = exportCsv(result, real, { policy: 'replace', generation: 2, mixed: true }).text;
    const parsed = parseProvenanceCsv(text);
    const kept = parsed.rows.filter((r) => r.group !== 'off-data');
    const r = parsePointsCsv(text);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.sources).toEqual(kept.map((k) => k.source));
    expect(r.points.map((p) => r.groupNames[p.group])).toEqual(kept.map((k) => k.group));
    // each synthetic row stays marked through the scaling and the playground's clean-up
    expect(cleanDrawn(r.points).map((p) => p.synthetic === true)).toEqual(kept.map((k) => k.source === 'synthetic'));
    const syn = kept.filter((k) => k.source === 'synthetic').length;
    expect(r.notices.join(' ')).toContain(`${syn.toLocaleString('en-US')} synthetic and ${real.n} real rows`);
    const off = parsed.rows.length - kept.length;
    if (off) expect(r.notices.join(' ')).toContain(`Left out ${off}`);
  });

  it('refuses a source that is neither synthetic nor real', () => {
    const r = parsePointsCsv('source,x,y,group\nsynthetic,0,0,a\nfake,1,1,b\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 3, column: 1 });
  });
});
