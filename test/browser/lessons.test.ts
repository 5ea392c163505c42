// The lessons in the built app: every lesson opens, its lab trains for real (wasm), an answer typed
// survives a reload and shows as progress in the list; a lab report's data block carries the
// numbers the page shows, and the class view reads it back. No console error, no request off
// the origin.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error plain JS helper shared with the bench
import { openPage } from '../../scripts/browser.mjs';
import { builtApp } from './harness';
import { LESSONS } from '../../src/state/lessons/lessons';
import { parseReport } from '../../src/state/lessons/report';

const app = builtApp();
type Page = import('playwright').Page;

const value = async (page: Page, id: string) => Number(await page.getByTestId(id).first().getAttribute('data-value'));

async function train(page: Page, steps: number) {
  await expect.poll(() => page.getByTestId('play').isEnabled(), { timeout: 90_000 }).toBe(true);
  const before = await value(page, 'metric-step');
  await page.evaluate((n) => (globalThis as unknown as { forgelab: { playground: { fastForward(n: number): void } } }).forgelab.playground.fastForward(n), steps);
  await expect.poll(() => value(page, 'metric-step'), { timeout: 120_000, interval: 500 }).toBeGreaterThanOrEqual(before + steps);
}

describe('lessons', () => {
  it('opens every lesson, trains its lab and keeps a typed answer across a reload', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await page.goto(`${app.url}#/lessons`);
    for (const l of LESSONS) await expect.poll(() => page.getByTestId(`lesson-link-${l.meta.slug}`).count()).toBe(1);
    for (const l of LESSONS) {
      await page.goto(`${app.url}#/lessons/${l.meta.slug}?backend=wasm`);
      await page.reload();
      await expect.poll(() => page.locator('h1#lesson-title').innerText()).toBe(l.meta.title);
      await train(page, 300);
      expect(await page.getByTestId('metric-backend').getAttribute('data-value')).toBe('wasm');
      const q = l.questions[0];
      const text = `My prediction for ${l.meta.slug}: about half.`;
      await page.getByTestId(`lesson-answer-${q.id}`).fill(text);
      await page.waitForTimeout(400);
      await page.reload();
      await expect.poll(() => page.getByTestId(`lesson-answer-${q.id}`).inputValue(), { timeout: 30_000 }).toBe(text);
      expect(await page.getByText('Recorded with the lab at step').count()).toBeGreaterThan(0);
    }
    await page.goto(`${app.url}#/lessons`);
    await page.reload();
    for (const l of LESSONS) expect(await value(page, `lesson-progress-${l.meta.slug}`)).toBe(1);
    expect(problems.errors).toEqual([]);
    expect(problems.external).toEqual([]);
    await context.close();
  });

  it('builds a lab report whose data block holds the page’s numbers, and the class view reads it', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 390, height: 844 });
    const slug = 'fifty-percent-is-not-a-pass';
    await page.goto(`${app.url}#/lessons/${slug}?backend=wasm&seed=3`);
    await train(page, 400);
    // the fresh judge runs once training has stopped, on the evaluation shown
    await expect.poll(async () => (await page.getByTestId('metric-fresh-judge').getAttribute('data-value')) !== '', { timeout: 30_000 }).toBe(true);
    const shown = {
      step: await value(page, 'metric-step'),
      accuracy: await value(page, 'metric-d-accuracy'),
      js: await value(page, 'metric-js'),
      floor: await value(page, 'metric-js-floor'),
      judge: await value(page, 'metric-fresh-judge'),
      minority: await value(page, 'metric-share-minority'),
    };
    expect(Number(await page.getByTestId('metric-fresh-judge').getAttribute('data-step'))).toBe(shown.step);
    await page.getByTestId('lesson-student-name').fill('Test Student');
    const lesson = LESSONS.find((l) => l.meta.slug === slug)!;
    for (const q of lesson.questions) await page.getByTestId(`lesson-answer-${q.id}`).fill(`Answer to ${q.id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lesson-report').click()]);
    const path = await download.path();
    const md = readFileSync(path!, 'utf8');
    const report = parseReport(md);
    if (typeof report === 'string') throw new Error(report);
    expect(report.lesson).toBe(slug);
    expect(report.student).toBe('Test Student');
    expect(report.final!.step).toBe(shown.step);
    expect(report.final!.accuracy).toBeCloseTo(shown.accuracy, 9);
    expect(report.final!.js).toBeCloseTo(shown.js, 9);
    expect(report.final!.floor).toBeCloseTo(shown.floor, 9);
    expect(report.final!.judge).toBeCloseTo(shown.judge, 9);
    expect(report.final!.groups.find((g) => g.id === 'minority')!.synthetic).toBeCloseTo(shown.minority, 9);
    expect(report.final!.recipe).toBe('plain');
    expect(report.answers.map((a) => a.text)).toEqual(lesson.questions.map((q) => `Answer to ${q.id}`));
    for (const a of report.answers) expect(a.metrics!.step).toBe(shown.step);
    expect(md).toMatch(/!\[The main plot at step \d+\]\(data:image\/png;base64,[A-Za-z0-9+/]{200,}/);
    expect(report.link).toContain('#/?');
    expect(report.link).toContain('recipe=plain');
    // the print page holds the same answers
    await page.evaluate(() => (window.print = () => {}));
    await page.getByTestId('lesson-print').click();
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('.print-report').innerText()).toContain('Answer to observe-gap');
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`${app.url}#/teach`);
    await page.getByTestId('teach-reports').setInputFiles({ name: 'student.md', mimeType: 'text/markdown', buffer: Buffer.from(md) });
    await expect.poll(() => page.getByText('1 report loaded').count()).toBe(1);
    expect(await page.locator('.dotplot circle').count()).toBe(1);
    expect(await page.getByText('Answer to explain-tired').count()).toBe(1);
    expect(problems.errors).toEqual([]);
    expect(problems.external).toEqual([]);
    await context.close();
  });

  it('says so when the browser refuses to save, and keeps what was typed while the tab is open', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await page.goto(`${app.url}#/lessons/forger-and-detective?backend=cpu`);
    const q = LESSONS[0].questions[1];
    const box = page.getByTestId(`lesson-answer-${q.id}`);
    await box.fill('Kept on the page');
    await box.blur();
    await expect.poll(() => page.getByTestId('notice').first().innerText(), { timeout: 10_000 }).toMatch(/could not be saved|not letting ForgeLab save/);
    // typing on, and opening another lab block, lose nothing
    await box.fill('Kept on the page, still');
    await page.getByTestId('lesson-lab-0').click();
    await page.waitForTimeout(500);
    expect(await box.inputValue()).toBe('Kept on the page, still');
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
