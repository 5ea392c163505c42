// A lesson is translated by adding lessons/NN-slug/index.<lang>.md (issue 17). A translation is
// checked against its own language's required headings, and must keep the original's question ids
// and kinds (answers are saved by slug and id, so they are the same answers in either language),
// its lab presets and views, and the front matter's settings, minutes and sources. The report a
// student hands in follows the interface language; its answers and data block stay as they were.
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { inLanguage, LESSONS } from '../../../src/state/lessons/lessons';
import { parseLesson, REQUIRED_HEADINGS_BY_LANG, translationProblems } from '../../../src/state/lessons/lessonFile';
import { LANGS, setLang } from '../../../src/i18n';
import { metricsLine } from '../../../src/state/lessons/labMetrics';
import { parseReport, reportMarkdown, REPORT_KIND } from '../../../src/state/lessons/report';
import type { ReportData } from '../../../src/state/lessons/report';

const front = (preset = 'recipe=plain', extra = '') => `---\ntitle: T\nsummary: S\nminutes: 10\ngoals: [a, b]\npreset: ${preset}\nsources: [X 2020]\n${extra}---\n`;
const question = (id: string, kind: string, prompt = 'Why?') => '```question\n' + `id: ${id}\nkind: ${kind}\nprompt: ${prompt}\n` + '```\n\n';
const lab = (preset: string, label = 'L') => '```lab\n' + `label: ${label}\npreset: ${preset}\nviews: [plot, metrics]\n` + '```\n\n';
const body = (heads: readonly string[], parts: { q?: [string, string][]; labs?: string[] } = {}) =>
  (parts.labs ?? ['minority=0.1']).map((p) => lab(p)).join('') +
  (parts.q ?? [['p', 'predict'], ['o', 'observe'], ['e', 'explain']]).map(([id, kind]) => question(id, kind)).join('') +
  heads.map((h) => `## ${h}\n\nText.\n\n`).join('');

const EN = REQUIRED_HEADINGS_BY_LANG.en;
const ES = REQUIRED_HEADINGS_BY_LANG.es;
const original = parseLesson('x', front() + body(EN));

describe('lesson translations', () => {
  it('the fixtures are good lessons', () => {
    expect(original.problems).toEqual([]);
  });

  it('a good translation has no problems', () => {
    const tr = parseLesson('x', front().replace('title: T\n', 'title: Te\n') + body(ES), 'es');
    expect(tr.problems).toEqual([]);
    expect(translationProblems(original, tr)).toEqual([]);
  });

  it('checks a translation against its own language’s headings', () => {
    const english = parseLesson('x', front() + body(EN), 'es');
    for (const h of ES) expect(english.problems.join('\n')).toContain(h);
    expect(english.problems.join('\n')).not.toContain(EN[0]);
    expect(parseLesson('x', front() + body(ES), 'en').problems.join('\n')).toContain(EN[0]);
    expect(parseLesson('x', front() + body(EN), 'xx').problems.join('\n')).toMatch(/required headings in “xx”/);
  });

  it('reports a missing or renamed question id, a changed kind and another order', () => {
    const missing = parseLesson('x', front() + body(ES, { q: [['p', 'predict'], ['o', 'observe']] }), 'es');
    expect(translationProblems(original, missing).join('\n')).toMatch(/no question “e”/);
    const renamed = parseLesson('x', front() + body(ES, { q: [['p', 'predict'], ['obs', 'observe'], ['e', 'explain']] }), 'es');
    const r = translationProblems(original, renamed).join('\n');
    expect(r).toMatch(/no question “o”/);
    expect(r).toMatch(/“obs” is not in the original/);
    const kind = parseLesson('x', front() + body(ES, { q: [['p', 'predict'], ['o', 'explain'], ['e', 'explain']] }), 'es');
    expect(translationProblems(original, kind).join('\n')).toMatch(/“o” is of kind observe in the original, not explain/);
    const order = parseLesson('x', front() + body(ES, { q: [['o', 'observe'], ['p', 'predict'], ['e', 'explain']] }), 'es');
    expect(translationProblems(original, order).join('\n')).toMatch(/another order/);
  });

  it('reports a changed preset, in a lab block or the front matter, and a lab block added', () => {
    const labPreset = parseLesson('x', front() + body(ES, { labs: ['minority=0.2'] }), 'es');
    expect(translationProblems(original, labPreset).join('\n')).toMatch(/Lab block 1: the translation’s preset “minority=0\.2” is not the original’s “minority=0\.1”/);
    const fmPreset = parseLesson('x', front('recipe=stabilised') + body(ES), 'es');
    expect(translationProblems(original, fmPreset).join('\n')).toMatch(/front matter preset/);
    const twoLabs = parseLesson('x', front() + body(ES, { labs: ['minority=0.1', 'minority=0.3'] }), 'es');
    expect(translationProblems(original, twoLabs).join('\n')).toMatch(/1 lab blocks; the translation has 2/);
    const sources = parseLesson('x', front().replace('[X 2020]', '[Y 2021]') + body(ES), 'es');
    expect(translationProblems(original, sources).join('\n')).toMatch(/sources differ/);
  });
});

describe('shipped translations', () => {
  it('are read only from index.<lang>.md files, in languages the interface has', () => {
    for (const l of LESSONS) {
      const files = readdirSync(`lessons/${l.folder}`).filter((f) => /^index\.[a-z]{2}\.md$/.test(f));
      expect(Object.keys(l.translations).sort(), l.folder).toEqual(files.map((f) => f.split('.')[1]).sort());
      for (const code of Object.keys(l.translations)) expect(LANGS as readonly string[], `${l.folder}: ${code}`).toContain(code);
    }
  });

  it('include lesson 1 in Spanish', () => {
    expect(LESSONS[0].folder).toBe('01-forger-and-detective');
    expect(LESSONS[0].translations.es).toBeDefined();
  });

  for (const l of LESSONS)
    for (const [code, tr] of Object.entries(l.translations))
      describe(`${l.folder} in ${code}`, () => {
        it('has no problems, checked against the original too', () => {
          expect(tr.problems).toEqual([]);
          expect(translationProblems(l, tr)).toEqual([]);
        });
        it('asks the same questions and sets up the same labs', () => {
          expect(tr.questions.map((q) => [q.id, q.kind])).toEqual(l.questions.map((q) => [q.id, q.kind]));
          expect(tr.labs.map((x) => [x.preset, x.views])).toEqual(l.labs.map((x) => [x.preset, x.views]));
          expect(tr.meta.preset).toBe(l.meta.preset);
        });
        it('is translated: its title, prompts and labels differ from the English', () => {
          expect(tr.meta.title).not.toBe(l.meta.title);
          tr.questions.forEach((q, i) => expect(q.prompt).not.toBe(l.questions[i].prompt));
          tr.labs.forEach((x, i) => expect(x.label).not.toBe(l.labs[i].label));
        });
        it('has its people section and its sources, in its language', () => {
          const heads = REQUIRED_HEADINGS_BY_LANG[code];
          for (const h of heads) expect(tr.headings).toContain(h);
          const html = tr.blocks.filter((b) => b.kind === 'html').map((b) => (b as { html: string }).html).join('');
          expect(html).toMatch(new RegExp(`<h2>${heads[1]}</h2>\\s*<ul>`));
        });
      });
});

describe('inLanguage', () => {
  const l = LESSONS[0];
  it('gives the translation with the original’s slug, folder and guide', () => {
    const es = inLanguage(l, 'es');
    expect(es.translated).toBe(true);
    expect(es.meta.title).toBe(l.translations.es.meta.title);
    expect(es.meta.slug).toBe(l.meta.slug);
    expect(es.folder).toBe(l.folder);
    expect(es.teacher).toBe(l.teacher);
    expect(es.questions.map((q) => q.id)).toEqual(l.questions.map((q) => q.id));
  });
  it('gives the English lesson in English, and says so when a language has no translation', () => {
    expect(inLanguage(l, 'en')).toMatchObject({ translated: true, meta: l.meta });
    const untranslated = LESSONS.find((x) => !x.translations.es);
    if (untranslated) expect(inLanguage(untranslated, 'es')).toMatchObject({ translated: false, meta: untranslated.meta });
    expect(inLanguage(l, 'fr')).toMatchObject({ translated: false, meta: l.meta });
  });
});

describe('the report in the interface language', () => {
  const m = { step: 12000, accuracy: 0.52, accuracyReal: 0.5, accuracyFake: 0.54, js: 0.062, floor: 0.02, groups: [{ id: 'minority', label: 'Minority', synthetic: 0.04, real: 0.1, ratio: 0.4 }], judge: null, recipe: 'plain' as const, minority: 0.1, seed: 1 };
  const data: ReportData = { kind: REPORT_KIND, version: 1, lesson: 'forger-and-detective', title: 'El falsificador y el detective', student: '', createdAt: '2026-01-01T00:00:00.000Z', link: 'http://x/#/', final: m, answers: [{ id: 'predict-end', kind: 'predict', prompt: '¿Cuánto?', text: 'La mitad', metrics: m }] };
  afterEach(() => setLang('en'));

  it('writes its headings and numbers in Spanish, keeps the answers as typed, and reads back', () => {
    setLang('es');
    expect(metricsLine(m)).toBe('paso 12.000 · el detective acierta 52\u00a0% · JS 3,1× su suelo · minoría: 4\u00a0% de las falsificaciones (10\u00a0% en los datos reales)');
    const md = reportMarkdown(data, null);
    for (const bit of ['# Informe de laboratorio: El falsificador y el detective', '- Estudiante: (sin nombre)', '### 1. Predice: ¿Cuánto?', 'La mitad', '## Resultados como datos']) expect(md).toContain(bit);
    // the date for people (its text depends on the time zone); the data block keeps the ISO time
    expect(md.split('\n').find((l) => l.startsWith('- Fecha: '))).not.toContain('T00:00');
    expect(parseReport(md)).toEqual(data);
    expect(parseReport('# notas')).toMatch(/No se encontró/);
  });

  it('stays as it was in English', () => {
    expect(metricsLine(m)).toBe('step 12,000 · detective right 52% · JS 3.1× its floor · minority 4% of fakes (real 10%)');
    expect(reportMarkdown(data, null)).toContain('### 1. Predict: ¿Cuánto?');
  });
});
