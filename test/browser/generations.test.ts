// #/generations in the built app: the GMM generator (fast) on 3 generations, run in the task
// worker; the numbers shown are the hook's result, the labelled CSV and data card download and
// agree with each other, and the CSV imported into the playground keeps its groups and sources.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
// @ts-expect-error plain JS helper shared with the bench
import { openPage } from '../../scripts/browser.mjs';
import { builtApp } from './harness';
import { parseProvenanceCsv } from '../../src/state/generations/provenanceCsv';

const app = builtApp();
type Shown = { policy: string; generation: number; js: number; floor: number; minorityShare: number; minorityCoverage: number; spread: number }[];

async function download(page: Page, testid: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: d.suggestedFilename(), text: await readFile((await d.path())!, 'utf8') };
}

describe('#/generations', () => {
  it('runs the mixture generator in a worker, shows the hook’s numbers, exports a labelled CSV and card that agree, and the playground imports it with its labels', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await page.goto(`${app.url}#/generations?model=gmm&gens=3&seed=4`);
    await page.getByTestId('gen-run').click();
    await page.getByTestId('gen-headline').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('gen-generator').innerText()).toContain('fit a Gaussian mixture');
    const result: Shown = await page.evaluate(() => {
      const r = (globalThis as unknown as { forgelab: { generations: { job: { result: { runs: { policy: string; generations: { generation: number; js: number; floor: number; minorityShare: number; minorityCoverage: number; spread: { total: number } }[] }[] } } } } }).forgelab.generations.job.result;
      return r.runs.flatMap((run) => run.generations.map((g) => ({ policy: run.policy, generation: g.generation, js: g.js, floor: g.floor, minorityShare: g.minorityShare, minorityCoverage: g.minorityCoverage, spread: g.spread.total })));
    });
    expect(result.length).toBe(9);
    const shown = (id: string) => page.locator(`[data-testid="${id}"]`).getAttribute('data-value').then(Number);
    for (const g of result) {
      expect(await shown(`gen-js-${g.policy}-${g.generation}`)).toBe(g.js);
      expect(await shown(`gen-spread-${g.policy}-${g.generation}`)).toBe(g.spread);
      expect(await shown(`gen-minority-share-${g.policy}-${g.generation}`)).toBe(g.minorityShare);
      expect(await shown(`gen-minority-coverage-${g.policy}-${g.generation}`)).toBe(g.minorityCoverage);
    }
    // the sentence quotes the run's numbers
    const replace = result.filter((g) => g.policy === 'replace');
    const sentence = await page.getByTestId('gen-js-summary').innerText();
    expect(sentence).toContain(`${replace[0].js.toFixed(3)} bits at generation 0`);
    expect(sentence).toContain(`${replace[2].js.toFixed(3)} bits at generation 2`);

    // exports of the replace policy's last generation
    const csv = await download(page, 'gen-export-csv');
    expect(csv.name).toBe('forgelab-generations-gmm-seed4-replace-gen2.csv');
    const parsed = parseProvenanceCsv(csv.text);
    expect(parsed.rows.length).toBe(2048);
    expect(parsed.rows.every((r) => r.source === 'synthetic' && r.generator === 'gmm' && r.seed === 4 && r.generation === 2)).toBe(true);
    const card = JSON.parse((await download(page, 'gen-export-card-json')).text);
    expect(card.synthetic).toBe(true);
    expect(card.rows).toEqual({ synthetic: 2048, real: 0 });
    expect(card.fidelity.js).toBe(replace[2].js);
    for (const s of card.shares as { id: string; synthetic: number }[]) expect(parsed.groups.filter((g) => g === s.id).length / parsed.rows.length).toBeCloseTo(s.synthetic, 12);
    const md = (await download(page, 'gen-export-card-md')).text;
    expect(md).toContain('**This data set is synthetic.**');
    const mixed = await download(page, 'gen-export-mixed');
    const mixedRows = parseProvenanceCsv(mixed.text).rows;
    expect(mixedRows.filter((r) => r.source === 'real').length).toBe(500);

    // into the playground: groups and sources survive (off-data rows are left out, with a notice)
    await page.goto(`${app.url}#/?data=drawn&backend=cpu`);
    await page.getByTestId('csv-file').setInputFiles({ name: mixed.name, mimeType: 'text/csv', buffer: Buffer.from(mixed.text) });
    const kept = mixedRows.filter((r) => r.group !== 'off-data');
    await expect.poll(() => page.getByTestId('csv-notice').first().innerText()).toBe(`Loaded ${kept.length.toLocaleString('en-US')} points, scaled to fit the plot.`);
    const notices = (await page.getByTestId('csv-notice').allInnerTexts()).join(' ');
    const syn = kept.filter((r) => r.source === 'synthetic').length;
    expect(notices).toContain(`${syn.toLocaleString('en-US')} synthetic and 500 real rows`);
    expect(notices).toContain('“majority” is Group A, “minority” is Group B');
    const groups: number[] = await page.evaluate(() => (globalThis as unknown as { forgelab: { playground: { drawn: { group: number }[] } } }).forgelab.playground.drawn.map((p) => p.group));
    expect(groups).toEqual(kept.map((r) => (r.group === 'majority' ? 0 : 1)));
    expect(problems.errors).toEqual([]);
    expect(problems.external).toEqual([]);
    await context.close();
  });

  it('cancels a GAN run', async () => {
    const { page, context } = await openPage(app.browser, app.url, { width: 390, height: 844 });
    await page.goto(`${app.url}#/generations?gens=2&gsteps=2000`);
    await page.getByTestId('gen-run').click();
    await expect.poll(() => page.getByTestId('gen-progress').getAttribute('aria-valuenow').then(Number), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByTestId('gen-cancel').click();
    await expect.poll(() => page.locator('.run-progress').innerText()).toContain('Cancelled');
    expect(await page.getByTestId('gen-headline').count()).toBe(0);
    await context.close();
  });
});
