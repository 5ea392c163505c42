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
import { faceSheet } from '../../src/core/generations/faceSheet';
import { FACE_SHEET_LABEL } from '../../src/state/generations/dataCard';

const app = builtApp();
type Shown = { policy: string; generation: number; js: number; floor: number; minorityShare: number; minorityCoverage: number; spread: number }[];

async function download(page: Page, testid: string): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const bytes = await readFile((await d.path())!);
  return { name: d.suggestedFilename(), text: bytes.toString('utf8'), bytes };
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
    const drawn: { group: number; synthetic?: boolean }[] = await page.evaluate(() => (globalThis as unknown as { forgelab: { playground: { drawn: { group: number; synthetic?: boolean }[] } } }).forgelab.playground.drawn);
    expect(drawn.map((p) => p.group)).toEqual(kept.map((r) => (r.group === 'majority' ? 0 : 1)));
    // synthetic rows stay synthetic: marked row for row, and the legend counts them
    expect(drawn.map((p) => p.synthetic === true)).toEqual(kept.map((r) => r.source === 'synthetic'));
    expect(await page.getByTestId('legend-imported-synthetic').innerText()).toContain(`(${syn})`);
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

  it('retrains the faces forger on its own faces: a card per generation with the hook’s shares, a marked PNG sheet and a face card', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await page.goto(`${app.url}#/generations?fgens=2&fsteps=50&seed=6`);
    await page.getByTestId('fgen-run').click();
    await page.getByTestId('fgen-headline').waitFor({ timeout: 120_000 });
    type G = { generation: number; darkerShare: number; shares: { offPalette: number; counted: number } };
    const r: { seed: number; size: number; realShares: number[]; generations: G[] } = await page.evaluate(() => (globalThis as unknown as { forgelab: { facesGenerations: { job: { result: unknown } } } }).forgelab.facesGenerations.job.result as never);
    expect(r.seed).toBe(6);
    expect(r.generations.map((g) => g.generation)).toEqual([0, 1]);
    for (const g of r.generations) {
      const card = page.getByTestId(`fgen-card-${g.generation}`);
      const v = await card.getAttribute('data-value');
      // NaN (too few readable faces) is written as "NaN"
      expect(Number(v)).toEqual(g.darkerShare);
      expect(await card.innerText()).toContain(`${Number((100 * g.shares.offPalette).toFixed(1))}% of its faces match no skin tone`);
    }
    expect(await page.getByTestId('fgen-headline').innerText()).toContain(`real ${Number((100 * r.realShares[1]).toFixed(1))}%`);

    const png = await download(page, 'fgen-export-png');
    expect(png.name).toBe('forgelab-faces-generations-seed6-gen1.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const corner: number[] = await page.evaluate(async (b64: string) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      return [...ctx.getImageData(0, 0, 1, 1).data, bmp.width, bmp.height];
    }, png.bytes.toString('base64'));
    expect(corner.slice(0, 4)).toEqual([255, 0, 255, 255]); // every face framed in the marker colour
    const sheet = faceSheet(new Float32Array(16 * 16 * 16 * 3), 16, 16, 8, FACE_SHEET_LABEL);
    expect([corner[4], corner[5]]).toEqual([sheet.width * 4, sheet.height * 4]); // 16 faces in 8 columns and the label band, scaled 4×
    const card = JSON.parse((await download(page, 'fgen-export-card-json')).text);
    expect(card.synthetic).toBe(true);
    expect(card.run).toEqual({ seed: 6, policy: 'replace', generations: 2, generation: 1, step: 50 });
    expect(card.offPalette).toBe(r.generations[1].shares.offPalette);
    expect((await download(page, 'fgen-export-card-md')).text).toContain('**These images are synthetic.**');
    expect(problems.errors).toEqual([]);
    expect(problems.external).toEqual([]);
    await context.close();
  });
});
