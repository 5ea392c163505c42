// Classroom tools (issue 17) in the built app: the share link and its QR code read back by a
// decoder, the presenter's shortcuts, the run file that loads in a fresh page and trains on,
// the chart and plot exports, CSV data with errors that name line and column, and embed=1.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import type { Page } from 'playwright';
// @ts-expect-error plain JS helper shared with the bench
import { openPage } from '../../scripts/browser.mjs';
import { builtApp } from './harness';

const app = builtApp();

type Hooks = { forgelab: { playground: { trainer: { steps: number; captureState(): Promise<{ steps: number; g: Float32Array; d: Float32Array }> }; drawn: unknown[]; fastForward(n: number): void } } };

async function value(page: Page, id: string): Promise<number> {
  return Number(await page.getByTestId(id).first().getAttribute('data-value'));
}

async function ready(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('play').isEnabled(), { timeout: 90_000 }).toBe(true);
}

async function weights(page: Page): Promise<{ steps: number; g: number[]; d: number[] }> {
  return page.evaluate(async () => {
    const s = await (globalThis as unknown as Hooks).forgelab.playground.trainer.captureState();
    return { steps: s.steps, g: Array.from(s.g), d: Array.from(s.d) };
  });
}

describe('classroom tools', () => {
  it('Share copies the link and shows it as a QR code that decodes to the same link; a refused clipboard says so', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.goto(`${app.url}#/?seed=7&minority=0.1&backend=cpu`);
    await ready(page);
    await page.getByTestId('share').click();
    await expect.poll(() => page.getByTestId('share-copied').isVisible()).toBe(true);
    const href = await page.evaluate(() => location.href);
    expect(href).toContain('seed=7');
    expect(href).toContain('minority=0.1');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(href);
    expect(await page.getByTestId('share-link').inputValue()).toBe(href);
    const qr = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="share-qr"]')!;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      return { w: c.width, h: c.height, css: c.getBoundingClientRect().width, data: Array.from(d.data) };
    });
    // large enough to scan off a projector: at least 300 CSS px here
    expect(qr.css).toBeGreaterThanOrEqual(300);
    const decoded = jsQR(Uint8ClampedArray.from(qr.data), qr.w, qr.h);
    expect(decoded?.data).toBe(href);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('share-dialog').isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('share');
    expect(problems.errors).toEqual([]);
    expect(problems.external).toEqual([]);
    await context.close();

    // refused: the Clipboard API rejects and the old copy command fails too
    const refused = await openPage(app.browser, app.url, { width: 390, height: 844 });
    await refused.page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
      document.execCommand = () => false;
    });
    await refused.page.goto(`${app.url}#/faces?seed=5&backend=cpu`);
    await refused.page.getByTestId('share').click();
    const alert = refused.page.getByTestId('share-refused');
    await expect.poll(() => alert.isVisible()).toBe(true);
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.innerText()).toMatch(/refused the clipboard/);
    const link = await refused.page.getByTestId('share-link').inputValue();
    expect(link).toBe(await refused.page.evaluate(() => location.href));
    expect(link).toContain('#/faces');
    await refused.context.close();
  });

  it('presenter shortcuts: s and "." step, r resets, 1–4 pick skew presets, ? opens the help (Esc closes, focus returns), p toggles presenter; not while typing', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await page.goto(`${app.url}#/?backend=cpu&seed=2`);
    await ready(page);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('s');
    await expect.poll(() => value(page, 'metric-step')).toBe(1);
    await page.keyboard.press('.');
    await expect.poll(() => value(page, 'metric-step')).toBe(2);
    // typing an "s" or an "r" into the seed field is typing, not a shortcut
    await page.locator('.transport .seed input').focus();
    await page.keyboard.press('s');
    await page.keyboard.press('r');
    await page.waitForTimeout(300);
    expect(await value(page, 'metric-step')).toBe(2);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('r');
    await expect.poll(() => value(page, 'metric-step'), { timeout: 30_000 }).toBe(0);
    await ready(page);
    await page.keyboard.press('3');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('minority=0.1');
    await ready(page);
    expect(await value(page, 'metric-real-share-minority')).toBeCloseTo(0.1, 2);
    await page.keyboard.press('1');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('minority=0.5');
    // help
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcuts');
    await expect.poll(() => help.isVisible()).toBe(true);
    const listed = await page.getByTestId('shortcuts-list').innerText();
    for (const k of ['Space or K', '. or S', 'R', '1', '4', 'P', 'F', '?', 'Esc']) expect(listed).toContain(k);
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    // focus is trapped: tabbing many times never leaves the dialog
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement === document.body || document.activeElement?.closest('dialog') !== null)).toBe(true);
    }
    // while it is open, keys do not train
    await page.keyboard.press('s');
    await page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible()).toBe(false);
    expect(await value(page, 'metric-step')).toBe(0);
    // opened from its button, focus goes back to the button
    await page.getByTestId('shortcuts-open').click();
    await expect.poll(() => help.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('shortcuts-open');
    // presenter layout by key and by button
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('p');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('present=1');
    await expect.poll(() => page.locator('.app.present').count()).toBe(1);
    expect(await page.getByTestId('presenter-toggle').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('presenter-toggle').click();
    await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('present=1');
    // full screen: on, or a message saying the browser refused
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('f');
    await expect
      .poll(async () => (await page.evaluate(() => document.fullscreenElement !== null)) || (await page.getByTestId('fullscreen-message').count()) > 0)
      .toBe(true);
    expect(problems.errors).toEqual([]);
    await context.close();

    // faces: 4 is the 97/3 preset
    const faces = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await faces.page.goto(`${app.url}#/faces?backend=cpu`);
    await expect.poll(() => faces.page.getByTestId('play').isEnabled(), { timeout: 120_000 }).toBe(true);
    await faces.page.locator('body').click({ position: { x: 5, y: 400 } });
    await faces.page.keyboard.press('4');
    await expect.poll(() => faces.page.evaluate(() => location.hash), { timeout: 60_000 }).toContain('darker=0.03');
    expect(faces.problems.errors).toEqual([]);
    await faces.context.close();
  });

  it('a run saved as JSON after N steps loads in a fresh page on another backend with the same step and weights, and trains on', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await page.goto(`${app.url}#/?backend=cpu&seed=4&minority=0.1`);
    await ready(page);
    await page.evaluate(() => (globalThis as unknown as Hooks).forgelab.playground.fastForward(40));
    await expect.poll(() => value(page, 'metric-step'), { timeout: 60_000 }).toBe(40);
    await page.getByTestId('step').click();
    await expect.poll(() => value(page, 'metric-step')).toBe(41);
    const before = await weights(page);
    expect(before.steps).toBe(41);
    await page.getByTestId('files-open').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
    expect(download.suggestedFilename()).toBe('forgelab-run-seed4-step41.json');
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    const file = JSON.parse(text);
    expect(file.step).toBe(41);
    expect(file.settings).toContain('seed=4');
    expect(file.history.length).toBeGreaterThan(0);
    // metrics over time as CSV: a header and one line per history row
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-metrics-csv').click()]);
    const csvText = await readFile(await csv.path(), 'utf8');
    const lines = csvText.trim().split('\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['step', 'detective_loss', 'forger_loss']);
    expect(lines.length).toBe(1 + file.history.length);
    expect(Number(lines[lines.length - 1].split(',')[0])).toBe(41);
    await context.close();

    const fresh = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await fresh.page.goto(`${app.url}#/?backend=wasm`);
    await ready(fresh.page);
    await fresh.page.getByTestId('files-open').click();
    // the download is gone with its context: load the text that was saved
    await fresh.page.getByTestId('load-run').setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => fresh.page.getByTestId('run-file-message').innerText(), { timeout: 60_000 }).toMatch(/Loaded the run at step 41/);
    await expect.poll(() => value(fresh.page, 'metric-step'), { timeout: 30_000 }).toBe(41);
    expect(await fresh.page.getByTestId('metric-backend').getAttribute('data-value')).toBe('wasm');
    expect(await fresh.page.evaluate(() => location.hash)).toContain('seed=4');
    expect(await value(fresh.page, 'metric-real-share-minority')).toBeCloseTo(0.1, 2);
    const after = await weights(fresh.page);
    expect(after.steps).toBe(41);
    expect(after.g).toEqual(before.g);
    expect(after.d).toEqual(before.d);
    // and it trains on from there
    await fresh.page.getByTestId('step').click();
    await expect.poll(() => value(fresh.page, 'metric-step')).toBe(42);
    await fresh.page.getByTestId('play').click();
    await expect.poll(() => value(fresh.page, 'metric-step'), { timeout: 60_000 }).toBeGreaterThan(60);
    await fresh.page.getByTestId('play').click();
    const trained = await weights(fresh.page);
    expect(trained.g.every(Number.isFinite)).toBe(true);
    expect(trained.g).not.toEqual(before.g);
    // a file that is not a run is refused and the run stays
    await fresh.page.getByTestId('load-run').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"nope"}') });
    await expect.poll(() => fresh.page.getByTestId('run-file-message').getAttribute('role')).toBe('alert');
    expect(await value(fresh.page, 'metric-step')).toBeGreaterThan(60);
    expect(problems.errors).toEqual([]);
    expect(fresh.problems.errors).toEqual([]);
    expect(fresh.problems.external).toEqual([]);
    await fresh.context.close();
  });

  it('exports the main plot and a chart as PNG and SVG', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await page.goto(`${app.url}#/?backend=cpu`);
    await ready(page);
    await page.getByTestId('step').click();
    await expect.poll(() => value(page, 'metric-step')).toBe(1);
    const get = async (testid: string, open = false) => {
      if (open) await page.getByTestId('files-open').click();
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      const buf = await readFile(await d.path());
      if (open) await page.getByTestId('files-open').click();
      return { name: d.suggestedFilename(), buf };
    };
    const png = await get('export-plot-png', true);
    expect(png.name).toBe('forgelab-plot-seed1-step1.png');
    expect(png.buf.subarray(1, 4).toString()).toBe('PNG');
    const svg = await get('export-plot-svg', true);
    const svgText = svg.buf.toString();
    expect(svgText.startsWith('<svg')).toBe(true);
    // every real point drawn (2,000 by default) and the 400 generated ones
    expect((svgText.match(/<path /g) ?? []).length).toBe(2400);
    const chart = await get('export-chart-acc-svg');
    const chartText = chart.buf.toString();
    expect(chartText).toContain('Detective accuracy');
    expect(chartText).toMatch(/style="fill:/);
    const chartPng = await get('export-chart-acc-png');
    expect(chartPng.buf.subarray(1, 4).toString()).toBe('PNG');
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('CSV data: errors name line and column and keep the old data; good rows replace it', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 390, height: 844 });
    await page.goto(`${app.url}#/?data=drawn&backend=cpu`);
    await ready(page);
    const count = () => page.evaluate(() => (globalThis as unknown as Hooks).forgelab.playground.drawn.length);
    const old = await count();
    // at phone width the data box is in the settings drawer
    await page.getByTestId('settings-drawer-open').click();
    await page.getByTestId('csv-text').fill('x,y,group\n1,2,a\n3,oops,b\n');
    await page.getByTestId('csv-use').click();
    const err = page.getByTestId('csv-errors');
    await expect.poll(() => err.isVisible()).toBe(true);
    expect(await err.innerText()).toContain('Line 3, column 2 (y): “oops” is not a number.');
    expect(await count()).toBe(old);
    const rows = Array.from({ length: 120 }, (_, i) => `${100 + i},${(i * 7) % 50},${i % 4 === 1 ? 'b' : 'a'}`).join('\n');
    await page.getByTestId('csv-file').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(`x,y,group\n${rows}\n`) });
    await expect.poll(() => page.getByTestId('csv-notice').first().innerText()).toBe('Loaded 120 points, scaled to fit the plot.');
    expect(await count()).toBe(120);
    await ready(page);
    // the first group met ("a") is Group A; the real share is measured on a fresh sample
    expect(await value(page, 'metric-real-share-group-b')).toBeCloseTo(30 / 120, 1);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('draws points by touch with the chosen group brush', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${app.url}#/?data=drawn&backend=cpu`);
    await ready(page);
    const drawn = () => page.evaluate(() => (globalThis as unknown as { forgelab: { playground: { drawn: { group: number }[] } } }).forgelab.playground.drawn.map((p) => p.group));
    const before = await drawn();
    await page.getByRole('button', { name: 'Group B' }).tap();
    const box = (await page.getByTestId('plot-main').boundingBox())!;
    await page.touchscreen.tap(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await expect.poll(async () => (await drawn()).length).toBe(before.length + 1);
    expect((await drawn()).at(-1)).toBe(1);
    await context.close();
  });

  it('embed=1 hides the chrome on every view', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    for (const route of ['#/?embed=1&backend=cpu', '#/faces?embed=1&backend=cpu', '#/experiments?embed=1', '#/no-such?embed=1']) {
      await page.goto(`${app.url}${route}`);
      await page.waitForTimeout(800);
      expect(await page.locator('header.top').count()).toBe(0);
      expect(await page.getByTestId('share').count()).toBe(0);
      expect(await page.locator('.explainer').count()).toBe(0);
      expect(await page.locator('main').count()).toBe(1);
    }
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
