// Faults forced in real Chromium: a lost WebGL context, a model that blows up, a hidden tab and
// storage that refuses to work. Each must end in a clear message and lose nothing it can keep.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
// @ts-expect-error plain JS helper shared with the bench
import { openPage } from '../../scripts/browser.mjs';
import { builtApp } from './harness';

const app = builtApp();

const value = async (page: Page, id: string) => Number(await page.getByTestId(id).first().getAttribute('data-value'));
const ready = (page: Page) => page.waitForFunction(() => !document.querySelector('[data-testid=play][disabled]'), null, { timeout: 60_000 });

describe('faults', () => {
  it('continues on another backend from the last saved copy when the WebGL context is lost', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1280, height: 900 });
    await page.goto(`${app.url}#/?backend=webgl`);
    await ready(page);
    expect(await page.getByTestId('metric-backend').getAttribute('data-value')).toBe('webgl');
    await page.getByTestId('play').click();
    // train long enough for a healthy copy of the weights to be kept (every ~2 s)
    await expect.poll(() => value(page, 'metric-step'), { timeout: 120_000 }).toBeGreaterThan(30);
    await page.waitForTimeout(3000);
    const before = await value(page, 'metric-step');
    expect(await page.evaluate(() => (globalThis as unknown as { forgelab: { loseWebglContext(): boolean } }).forgelab.loseWebglContext())).toBe(true);
    await expect.poll(() => page.getByTestId('notice').innerText(), { timeout: 60_000 }).toMatch(/WebGL\) stopped at step/);
    const backend = await page.getByTestId('metric-backend').getAttribute('data-value');
    expect(['wasm', 'cpu']).toContain(backend);
    const resumedFrom = Number((await page.getByTestId('notice').innerText()).match(/from step ([\d,]+)/)![1].replace(/,/g, ''));
    expect(resumedFrom).toBeGreaterThan(0);
    expect(resumedFrom).toBeLessThanOrEqual(before + 200);
    // still training, on from the restored step
    await expect.poll(() => value(page, 'metric-step'), { timeout: 60_000 }).toBeGreaterThan(resumedFrom + 20);
    expect(await page.getByTestId('play').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('error').count()).toBe(0);
    expect(problems.external).toEqual([]);
    await context.close();
  });

  it('pauses on NaN, explains, and restores the last good state', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1280, height: 900 });
    await page.goto(`${app.url}#/?backend=cpu`);
    await ready(page);
    await page.getByTestId('play').click();
    await page.waitForTimeout(3500);
    // poison the forger's weights: every generated point and the forger's loss become NaN
    await page.evaluate(() => {
      const pg = (globalThis as unknown as { forgelab: { playground: { trainer: { G: { size: number; restore(w: Float32Array): void } } } } }).forgelab.playground;
      pg.trainer.G.restore(new Float32Array(pg.trainer.G.size).fill(NaN));
    });
    const alert = page.getByTestId('error');
    await expect.poll(() => alert.innerText(), { timeout: 30_000 }).toMatch(/learning rate/);
    expect(await page.getByTestId('play').getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByTestId('play').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Restore last good state' }).click();
    await expect.poll(() => page.getByTestId('error').count()).toBe(0);
    await expect.poll(async () => Number.isFinite(await value(page, 'metric-js'))).toBe(true);
    expect(await page.getByTestId('notice').innerText()).toMatch(/Restored the weights of step/);
    await page.getByTestId('play').click();
    const s0 = await value(page, 'metric-step');
    await expect.poll(() => value(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThan(s0 + 5);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('pauses while the tab is hidden and resumes when it is shown', async () => {
    const { page, context } = await openPage(app.browser, app.url, { width: 1280, height: 900 });
    await page.goto(`${app.url}#/?backend=cpu`);
    await ready(page);
    await page.getByTestId('play').click();
    const setHidden = (hidden: boolean) =>
      page.evaluate((h: boolean) => {
        Object.defineProperty(document, 'hidden', { value: h, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    expect(await page.getByTestId('play').getAttribute('aria-pressed')).toBe('false');
    const s0 = await value(page, 'metric-step');
    await page.waitForTimeout(1000);
    expect(await value(page, 'metric-step')).toBe(s0);
    await setHidden(false);
    expect(await page.getByTestId('play').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => value(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThan(s0);
    await context.close();
  });

  it('warns when the browser refuses storage, and still trains', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 390, height: 844 });
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.goto(`${app.url}#/?backend=cpu`);
    await ready(page);
    expect(await page.getByTestId('notice').innerText()).toMatch(/not letting ForgeLab save anything/);
    await page.getByTestId('step').click();
    await expect.poll(() => value(page, 'metric-step')).toBe(1);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('shows markup from a link as text on every view and never runs it', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1280, height: 900 });
    const payload = '<img src=x onerror="window.__pwned=1">';
    const q = encodeURIComponent(payload);
    for (const route of [`#/?seed=${q}&${q}=1`, `#/faces?darker=${q}&${q}=1`, `#/experiments?steps=${q}&${q}=1`, `#/${q}`]) {
      await page.goto(`${app.url}${route}`);
      await page.waitForTimeout(1500);
      // the value is named in a notice (the not-found page names the path), as plain text
      await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toContain('<img src=x');
      expect(await page.locator('main img[src=x]').count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    }
    expect(problems.errors).toEqual([]);
    expect(problems.external).toEqual([]);
    await context.close();
  });
});
