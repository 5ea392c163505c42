// Every shipped lesson is complete and its labs start cleanly: front matter filled in, presets
// that decode with no notice, unique question ids, at least three questions in predict → observe →
// explain order, sources listed, the required headings present, a teacher guide. Also the parser
// on broken input, and the report's data block read back.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { LESSONS } from '../../../src/state/lessons/lessons';
import { parseLesson, presetProblems, labControls } from '../../../src/state/lessons/lessonFile';
import { decodeConfig } from '../../../src/state/shared/url';
import { decodeGenerations } from '../../../src/state/generations/generationsUrl';
import { decodeExperiments } from '../../../src/state/experiments/experimentsUrl';
import { decodeFaces } from '../../../src/state/faces/facesSettings';
import { privacyBudget } from '../../../src/state/playground/privacy';
import { DEFAULT_CONFIG } from '../../../src/core/settings/config';
import { SWEEP_PRESET, SWEEP_STEPS } from '../../../src/core/privacy/sweep';
import { FACES_MEMORISATION_PRESET } from '../../../src/core/privacy/faces';
import { parseReport, reportMarkdown, REPORT_KIND } from '../../../src/state/lessons/report';
import type { ReportData } from '../../../src/state/lessons/report';
import { answersByQuestion, dots, MEASURES, readReports } from '../../../src/state/teach/classResults';

describe('shipped lessons', () => {
  it('loads every lessons/NN-slug folder, in order', () => {
    const folders = readdirSync('lessons', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(LESSONS.map((l) => l.folder)).toEqual(folders);
    expect(LESSONS.length).toBeGreaterThanOrEqual(5);
    expect(new Set(LESSONS.map((l) => l.meta.slug)).size).toBe(LESSONS.length);
  });

  for (const l of LESSONS) {
    describe(l.folder, () => {
      it('has no problems', () => expect(l.problems).toEqual([]));
      it('has complete front matter and a teacher guide', () => {
        expect(l.meta.title).not.toBe('');
        expect(l.meta.summary).not.toBe('');
        expect(l.meta.minutes).toBeGreaterThan(0);
        expect(l.meta.goals.length).toBeGreaterThanOrEqual(2);
        expect(l.meta.sources.length).toBeGreaterThanOrEqual(1);
        expect(l.teacher ?? '').toMatch(/Model answers/);
        expect(l.teacher ?? '').toMatch(/misconception/i);
      });
      it('has presets that decode with no notice', () => {
        for (const p of [l.meta.preset, ...l.labs.map((x) => x.preset)]) {
          expect(decodeConfig(new URLSearchParams(p), undefined, []).notices).toEqual([]);
          expect(presetProblems(p)).toEqual([]);
        }
      });
      it('asks at least three questions with unique ids, predicting before observing before explaining', () => {
        const ids = l.questions.map((q) => q.id);
        expect(ids.length).toBeGreaterThanOrEqual(3);
        expect(new Set(ids).size).toBe(ids.length);
        for (const k of ['predict', 'observe', 'explain'] as const) expect(l.questions.some((q) => q.kind === k)).toBe(true);
        const first = (k: string) => l.questions.findIndex((q) => q.kind === k);
        expect(first('predict')).toBeLessThan(first('observe'));
        expect(first('observe')).toBeLessThan(first('explain'));
      });
      it('has its people section and its sources', () => {
        expect(l.headings).toContain('What this means for people');
        expect(l.headings).toContain('Read more');
        const readMore = l.blocks.filter((b) => b.kind === 'html').map((b) => (b as { html: string }).html).join('');
        expect(readMore).toMatch(/<h2>Read more<\/h2>\s*<ul>/);
      });
      it('offers only settings that exist', () => {
        for (const k of labControls(l)) expect(typeof k).toBe('string');
      });
    });
  }
});

describe('lessons about the experiments', () => {
  // lessons 4 and 5 state only what the experiments' own tests check (test/unit/experiments/),
  // so their labs must send students to those experiments
  it('send their labs to #/experiments', () => {
    for (const slug of ['myth-of-rebalancing', 'who-gets-hired']) {
      const l = LESSONS.find((x) => x.meta.slug === slug)!;
      expect(l.blocks.some((b) => b.kind === 'html' && b.html.includes('href="#/experiments'))).toBe(true);
    }
  });
});

describe('lessons about generations', () => {
  // lessons 8 and 9 state what test/claims/generations-*.test.ts measure on the shipped preset, so
  // every link they give to #/generations must run that preset: no key that changes it
  const PRESET_NEUTRAL = new Set(['play', 'present', 'embed', 'model']);
  it('send their labs to #/generations with the shipped preset', () => {
    for (const slug of ['photocopy-of-a-photocopy', 'label-it']) {
      const l = LESSONS.find((x) => x.meta.slug === slug)!;
      const html = l.blocks.filter((b) => b.kind === 'html').map((b) => (b as { html: string }).html).join('');
      const links = [...html.matchAll(/href="#\/generations(?:\?([^"]*))?"/g)].map((m) => new URLSearchParams((m[1] ?? '').replace(/&amp;/g, '&')));
      expect(links.length, slug).toBeGreaterThan(0);
      for (const q of links) {
        expect(decodeGenerations(q).notices).toEqual([]);
        for (const k of q.keys()) expect(PRESET_NEUTRAL.has(k), `${slug}: #/generations?${q}`).toBe(true);
      }
    }
  });
});

describe('lessons about memorisation and privacy', () => {
  const lesson = (slug: string) => LESSONS.find((x) => x.meta.slug === slug)!;
  const links = (slug: string, route: string) =>
    lesson(slug)
      .blocks.filter((b) => b.kind === 'html')
      .flatMap((b) => [...(b as { html: string }).html.matchAll(new RegExp(`href="#/${route}(?:\\?([^"]*))?"`, 'g'))])
      .map((m) => new URLSearchParams((m[1] ?? '').replace(/&amp;/g, '&')));

  it('lesson 6 sends students to the faces view’s small training set, the faces claim’s preset', () => {
    const found = links('too-close-for-comfort', 'faces');
    expect(found.length).toBeGreaterThan(0);
    for (const q of found) {
      const d = decodeFaces(q);
      expect(d.notices).toEqual([]);
      expect(d.settings.trainFaces).toBe(FACES_MEMORISATION_PRESET.n);
    }
  });

  it('lesson 7’s sweep link runs the sweep the claim measured (test/claims/privacy-sweep.test.ts)', () => {
    const found = links('privacy-has-a-price', 'experiments');
    expect(found.length).toBeGreaterThan(0);
    for (const q of found) {
      const d = decodeExperiments(q);
      expect(d.notices).toEqual([]);
      // the sweep runs its preset over the view's config, as privacySweep does
      expect({ ...d.settings.config, ...SWEEP_PRESET }).toEqual({ ...DEFAULT_CONFIG, ...SWEEP_PRESET });
      expect(d.settings.sweepSteps).toBe(SWEEP_STEPS);
      expect(d.settings.sigmas).toEqual(expect.arrayContaining([0, 2]));
    }
  });

  it('lesson 7’s “ε ≈ 50 at δ = 1/200” is what its lab shows after 2,000 steps', () => {
    const lab = lesson('privacy-has-a-price').labs[0];
    const cfg = decodeConfig(new URLSearchParams(lab.preset), undefined, []).config;
    expect(cfg.points).toBe(200);
    expect(cfg.dSteps).toBe(1); // one detective update per step
    const b = privacyBudget(cfg, cfg.points, 2000);
    expect(b.delta).toBeCloseTo(1 / 200, 12);
    expect(b.epsilon!).toBeGreaterThan(49.5);
    expect(b.epsilon!).toBeLessThan(50.5);
    expect(b.text).toBe('ε = 49.9 at δ = 0.0050');
    expect(privacyBudget({ ...cfg, sigma: 0 }, cfg.points, 2000).epsilon).toBeNull();
    // σ = 0 states no ε even at step 0, before anything is released; with noise, step 0 is ε = 0
    expect(privacyBudget({ ...cfg, sigma: 0 }, cfg.points, 0)).toMatchObject({ epsilon: null, status: 'no-privacy' });
    expect(privacyBudget(cfg, cfg.points, 0)).toMatchObject({ epsilon: 0, status: 'ok' });
    expect(privacyBudget({ ...cfg, dp: '0' }, cfg.points, 2000)).toMatchObject({ epsilon: null, status: 'off' });
  });
});

describe('lesson parser', () => {
  it('names every problem of a broken lesson', () => {
    const l = parseLesson('x', '---\ntitle: T\nminutes: soon\npreset: minority=7&zzz=1\nhide: [nope]\n---\n```question\nid: A b\nkind: guess\nprompt: ?\n```\n```question\nid: q\nkind: predict\nprompt: p\n```\n```question\nid: q\nkind: observe\nprompt: p\n```\n```lab\nviews: [plot, x]\n```\n');
    const all = l.problems.join('\n');
    for (const bit of ['summary', 'minutes', 'goals', 'sources', 'nope', 'Minority', 'zzz', 'lower-case', 'kind must', 'used twice', 'not a lab view', 'What this means for people', 'Read more']) expect(all).toContain(bit);
  });
  it('refuses raw HTML in lesson Markdown', () => {
    const l = parseLesson('x', '---\ntitle: T\n---\n<script>alert(1)</script>\n\nHello <b>there</b>');
    const html = l.blocks.map((b) => (b.kind === 'html' ? b.html : '')).join('');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;b&gt;');
  });
  it('reports a file with no front matter', () => {
    expect(parseLesson('x', '# Hi').problems[0]).toMatch(/front matter/);
  });
});

describe('lab report', () => {
  const data: ReportData = {
    kind: REPORT_KIND,
    version: 1,
    lesson: 'skew-in-skew-out',
    title: 'Skew in, skew out',
    student: 'Ada L.',
    createdAt: '2026-01-01T00:00:00.000Z',
    link: 'http://x/#/?minority=0.1&recipe=plain',
    final: { step: 3000, accuracy: 0.48, accuracyReal: 0.5, accuracyFake: 0.46, js: 0.1, floor: 0.02, groups: [{ id: 'majority', label: 'Majority', synthetic: 0.99, real: 0.9, ratio: 1.1 }, { id: 'minority', label: 'Minority', synthetic: 0.01, real: 0.1, ratio: 0.1 }], judge: 0.9, recipe: 'plain', minority: 0.1, seed: 2 },
    answers: [{ id: 'predict-skew', kind: 'predict', prompt: 'What?', text: 'It drops\n```json\n{}\n```', metrics: null }],
  };
  it('carries its results as data that reads back exactly, even when an answer holds a code block', () => {
    const md = reportMarkdown(data, 'data:image/png;base64,AAAA');
    expect(md).toContain('Ada L.');
    expect(md).toContain('![The main plot at step 3000](data:image/png;base64,AAAA)');
    expect(parseReport(md)).toEqual(data);
  });
  it('explains a file that is not a report', () => {
    expect(parseReport('# notes')).toMatch(/No ForgeLab results/);
  });
  it('gathers a class: answers per question and one dot per student by recipe', () => {
    const b = { ...data, student: 'Bo', final: { ...data.final!, recipe: 'stabilised' as const, groups: [data.final!.groups[0], { ...data.final!.groups[1], ratio: 0.95 }] } };
    const { loaded, problems } = readReports([
      { name: 'a.md', text: reportMarkdown(data, null) },
      { name: 'b.md', text: reportMarkdown(b, null) },
      { name: 'c.md', text: 'nothing' },
    ]);
    expect(problems).toHaveLength(1);
    expect(answersByQuestion(loaded)[0].answers.map((a) => a.student)).toEqual(['Ada L.', 'Bo']);
    expect(dots(loaded, MEASURES[0])).toEqual([
      { student: 'Ada L.', group: 'plain', value: 0.1 },
      { student: 'Bo', group: 'stabilised', value: 0.95 },
    ]);
  });
});
