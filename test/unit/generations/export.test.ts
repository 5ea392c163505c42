import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../../src/core/settings/config';
import { dataFor } from '../../../src/core/runs/trainAndEvaluate';
import { runGenerations } from '../../../src/core/generations/generations';
import { dataCardFacts, formatFloat32, provenanceCsv, rowsOfRun } from '../../../src/core/generations/export';
import type { ProvenanceRow } from '../../../src/core/generations/export';
import { parseProvenanceCsv } from '../../../src/state/generations/provenanceCsv';
import { DATASHEET_HEADINGS, dataCardJson, dataCardMarkdown, figure } from '../../../src/state/generations/dataCard';

const row = fc.oneof(
  fc.record({
    source: fc.constant<'synthetic'>('synthetic'),
    generator: fc.constantFrom<'gan' | 'gmm'>('gan', 'gmm'),
    seed: fc.integer({ min: 1, max: 999999 }),
    step: fc.integer({ min: 0, max: 100000 }),
    generation: fc.integer({ min: 0, max: 9 }),
    x: fc.float(),
    y: fc.float(),
    group: fc.constantFrom('majority', 'minority', 'off-data', 'group "a", b', ' padded '),
  }),
  fc.record({
    source: fc.constant<'real'>('real'),
    generator: fc.constant(null),
    seed: fc.constant(null),
    step: fc.constant(null),
    generation: fc.constant(null),
    x: fc.float(),
    y: fc.float(),
    group: fc.constantFrom('majority', 'minority', 'mode-3'),
  }),
);

describe('provenance CSV', () => {
  it('round-trips labels and Float32 values exactly (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows: ProvenanceRow[]) => {
        const back = parseProvenanceCsv(provenanceCsv(rows));
        expect(back.rows.length).toBe(rows.length);
        back.rows.forEach((r, i) => {
          const o = rows[i];
          expect({ ...r, x: 0, y: 0 }).toEqual({ ...o, x: 0, y: 0 });
          expect(Object.is(r.x, o.x) && Object.is(r.y, o.y)).toBe(true);
          expect(Object.is(back.points[2 * i], o.x)).toBe(true);
        });
        expect(back.sources).toEqual(rows.map((r) => r.source));
        expect(back.groups).toEqual(rows.map((r) => r.group));
      }),
      { numRuns: 300 },
    );
  });

  it('writes the shortest decimal that reads back to the same Float32', () => {
    expect(formatFloat32(0.1)).toBe('0.1');
    expect(formatFloat32(Math.fround(0.1))).toBe('0.1');
    expect(formatFloat32(-0)).toBe('-0');
    expect(formatFloat32(Math.fround(1 / 3))).toBe('0.33333334');
    fc.assert(fc.property(fc.float({ noNaN: true }), (v) => Object.is(Math.fround(Number(formatFloat32(v))), v)));
  });

  it('refuses a file without the provenance columns or with an unknown source', () => {
    expect(() => parseProvenanceCsv('x,y\n1,2\n')).toThrow(/missing column/);
    expect(() => parseProvenanceCsv('source,generator,seed,step,generation,x,y,group\nmaybe,,,,,1,2,a\n')).toThrow(/synthetic or real/);
  });
});

describe('export of a generations run', () => {
  const config = { ...DEFAULT_CONFIG, minority: 0.1, place: 'tail' as const, points: 200, seed: 3 };
  const r = runGenerations({ config, policies: ['replace', 'fresh'], generations: 3, freshFraction: 0.25, stepsPerGeneration: 1, generator: 'gmm', sampleSize: 100 })!;
  const real = dataFor(config).data;

  it('a mixed export keeps real and synthetic rows apart, each with its run labels', () => {
    const rows = rowsOfRun(r, { policy: 'replace', real });
    const back = parseProvenanceCsv(provenanceCsv(rows));
    const syn = back.rows.filter((x) => x.source === 'synthetic');
    const rl = back.rows.filter((x) => x.source === 'real');
    expect(syn.length).toBe(300);
    expect(rl.length).toBe(200);
    expect(new Set(syn.map((x) => x.generation))).toEqual(new Set([0, 1, 2]));
    expect(syn.every((x) => x.generator === 'gmm' && x.seed === 3)).toBe(true);
    expect(syn.filter((x) => x.generation === 1).map((x) => x.step)[0]).toBe(r.runs[0].generations[1].steps);
    expect(rl.every((x) => x.generator === null && x.generation === null)).toBe(true);
    rl.forEach((x, i) => {
      expect(x.x).toBe(real.x[2 * i]);
      expect(x.group).toBe(r.groups[real.g[i]].id);
    });
    const g2 = r.runs[0].generations[2];
    syn.filter((x) => x.generation === 2).forEach((x, i) => expect([x.x, x.y]).toEqual([g2.sample[2 * i], g2.sample[2 * i + 1]]));
  });

  it("the data card holds every Datasheets heading, the synthetic marking and the run's own figures", () => {
    const facts = dataCardFacts(r, config, { policy: 'fresh', generation: 2, realRows: 200 }, { closerToTrain: 0.512, epsilon: 4 });
    const g = r.runs[1].generations[2];
    const md = dataCardMarkdown(facts);
    for (const h of DATASHEET_HEADINGS) expect(md).toContain(`\n## ${h}\n`);
    expect(md.indexOf('## Motivation')).toBeLessThan(md.indexOf('## Maintenance'));
    expect(md).toMatch(/## Distribution\n\n[^#]*Article 50 of the EU AI Act/);
    const json = JSON.parse(dataCardJson(facts));
    expect(json.synthetic).toBe(true);
    expect(json.fidelity.js).toBe(g.js);
    expect(json.fidelity.floor).toBe(r.real.floor);
    expect(json.shares[1]).toEqual({ id: 'minority', real: r.real.shares[1], synthetic: g.shares[1] });
    expect(json.fidelity.coverage[1].value).toBe(g.minorityCoverage);
    expect(json.run).toEqual({ seed: 3, policy: 'fresh', generations: 3, freshFraction: 0.25, generation: 2, step: g.steps });
    expect(json.measured).toEqual({ closerToTrain: 0.512, epsilon: 4 });
    // the Markdown prints the same numbers (4 significant digits)
    const num = (re: RegExp) => Number(md.match(re)![1]);
    expect(num(/JS divergence to a fixed real sample ([\d.e-]+) bits/)).toBe(Number(figure(g.js)));
    expect(num(/noise floor ([\d.e-]+);/)).toBe(Number(figure(r.real.floor)));
    expect(num(/\| minority \| [\d.]+% \| ([\d.]+)% \|/)).toBe(Number(figure(100 * g.shares[1])));
    expect(num(/\| minority \| ([\d.]+)% \|/)).toBe(Number(figure(100 * r.real.shares[1])));
    expect(num(/minority group's real points \(Naeem et al\. 2020, k = 5\): ([\d.]+)/)).toBe(Number(figure(g.minorityCoverage)));
    expect(num(/total ([\d.e-]+); real total/)).toBe(Number(figure(g.spread.total)));
    expect(md).toContain('Rows: 100 synthetic, 200 real.');
    expect(md).toContain('Closer-to-train share: 0.512');
    expect(md).toContain('ε = 4');
    expect(md).toContain(`Seed 3; generation 2 of 3; policy fresh (fresh real share 25%); steps ${g.steps} (EM iterations)`);
    // without optional figures it says they were not measured
    expect(dataCardMarkdown(dataCardFacts(r, config, { policy: 'replace', generation: 0 }))).toContain('not measured');
  });
});
