// Issue 17, items 6 and 7 in the browser: the interface switches language at once and keeps it
// in the link and on the device; numbers follow the language; lesson 1 reads in Spanish with the
// same questions and the same saved answers, and an untranslated lesson says it is in English;
// on a phone the settings live in a drawer that works by touch, and the hints open by tap.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
// @ts-expect-error plain JS helper shared with the bench
import { openPage } from '../../scripts/browser.mjs';
import { builtApp } from './harness';

const app = builtApp();
const ready = (page: Page) => page.waitForFunction(() => !document.querySelector('[data-testid=play][disabled]'), null, { timeout: 90_000 });
const navText = (page: Page) => page.locator('header nav a').allInnerTexts();

describe('two languages', () => {
  it('switches the whole interface at once, keeps lang= in the link and on this device, and writes numbers the Spanish way', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await page.goto(`${app.url}#/?backend=cpu&seed=4`);
    await ready(page);
    expect(await navText(page)).toEqual(['Playground', 'Faces', 'Experiments', 'Generations', 'Lessons']);
    expect(await page.getByTestId('play').innerText()).toMatch(/Train/);
    await page.getByTestId('step').click();
    await page.getByTestId('step').click();
    await expect.poll(() => page.getByTestId('metric-step').getAttribute('data-value')).toBe('2');
    // no reload: the same run, now in Spanish
    await page.getByTestId('lang').selectOption('es');
    await expect.poll(() => navText(page)).toEqual(['Laboratorio', 'Caras', 'Experimentos', 'Generaciones', 'Lecciones']);
    expect(await page.getByTestId('play').innerText()).toMatch(/Entrenar/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.getByTestId('metric-step').getAttribute('data-value')).toBe('2');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/[?&]lang=es(&|$)/);
    expect(await page.evaluate(() => location.hash)).toMatch(/seed=4/);
    // a decimal shown to people has a comma; its data-value stays machine-readable
    const js = page.getByTestId('metric-js');
    await expect.poll(async () => Number.isFinite(Number(await js.getAttribute('data-value'))) && (await js.getAttribute('data-value')) !== '').toBe(true);
    const raw = Number(await js.getAttribute('data-value'));
    expect(await js.innerText()).toBe(raw.toFixed(3).replace('.', ','));
    // reload: still Spanish (from the link)
    await page.reload();
    await ready(page);
    expect(await navText(page)).toContain('Laboratorio');
    // a link without lang= opens in the language chosen on this device, and the link gains it
    await page.goto(`${app.url}#/faces?backend=cpu`);
    await expect.poll(() => navText(page)).toContain('Caras');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/lang=es/);
    // back to English: lang= leaves the link
    await page.getByTestId('lang').selectOption('en');
    await expect.poll(() => navText(page)).toContain('Faces');
    await expect.poll(() => page.evaluate(() => location.hash)).not.toMatch(/lang=/);
    // a link that names a language wins over the saved choice; an unknown one is a notice, not a crash
    await page.goto(`${app.url}#/?backend=cpu&lang=es`);
    await expect.poll(() => navText(page)).toContain('Laboratorio');
    await page.goto(`${app.url}#/?backend=cpu&lang=xx`);
    await ready(page);
    expect(await navText(page)).toContain('Laboratorio');
    await expect.poll(() => page.getByTestId('notice').allInnerTexts().then((n: string[]) => n.join(' '))).toMatch(/xx.*español/);
    expect(problems.errors).toEqual([]);
    expect(problems.external).toEqual([]);
    await context.close();
  });

  it('opens in Spanish for a browser set to Spanish, and lesson 1 reads in Spanish with the same questions and the same saved answers', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1440, height: 900, locale: 'es-ES' });
    await page.goto(`${app.url}#/lessons/forger-and-detective?backend=cpu`);
    await ready(page);
    await expect.poll(() => page.locator('h1').first().innerText()).toBe('El falsificador y el detective');
    const ids = await page.locator('[data-testid^=lesson-answer-]').evaluateAll((els: Element[]) => els.map((e) => e.getAttribute('data-testid')));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    await page.getByTestId(ids[0]!).fill('Respuesta guardada');
    await page.waitForTimeout(600);
    // the English lesson has the very same questions, and shows the answer typed in Spanish
    await page.getByTestId('lang').selectOption('en');
    await expect.poll(() => page.locator('h1').first().innerText()).toBe('The forger and the detective');
    expect(await page.locator('[data-testid^=lesson-answer-]').evaluateAll((els: Element[]) => els.map((e) => e.getAttribute('data-testid')))).toEqual(ids);
    expect(await page.getByTestId(ids[0]!).inputValue()).toBe('Respuesta guardada');
    // a lesson without a Spanish file is shown in English, marked as such
    await page.getByTestId('lang').selectOption('es');
    await page.goto(`${app.url}#/lessons/skew-in-skew-out?backend=cpu&lang=es`);
    await ready(page);
    await expect.poll(() => page.locator('h1[lang=en]').count()).toBe(1);
    expect(await page.getByTestId('lesson-in-english').innerText()).toMatch(/inglés/i);
    expect(problems.errors).toEqual([]);
    expect(problems.external).toEqual([]);
    await context.close();
  });
});

describe('any device', () => {
  it('at 360 px on a touch screen: settings in a drawer that opens, changes a setting and closes by tap, no hover-only help, no sideways scroll', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 360, height: 740, touch: true });
    await page.goto(`${app.url}#/?backend=cpu`);
    await ready(page);
    const drawer = page.getByTestId('settings-drawer');
    const opener = page.getByTestId('settings-drawer-open');
    // closed: off screen and out of the tab order, the button says so
    expect(await opener.getAttribute('aria-expanded')).toBe('false');
    expect(await drawer.evaluate((el: Element) => getComputedStyle(el).visibility)).toBe('hidden');
    await opener.tap();
    await expect.poll(() => drawer.evaluate((el: Element) => getComputedStyle(el).visibility)).toBe('visible');
    expect(await opener.getAttribute('aria-expanded')).toBe('true');
    // slid in (after its 0.2 s transition): all of it on screen
    await expect.poll(async () => { const b = (await drawer.boundingBox())!; return b.x + b.width; }).toBeLessThanOrEqual(361);
    expect((await drawer.boundingBox())!.x).toBeGreaterThanOrEqual(0);
    // a preset chip by tap: a new run at 90/10, shown in the link
    await drawer.getByRole('button', { name: '90/10' }).tap();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/minority=0\.1/);
    await page.getByTestId('settings-drawer-close').tap();
    await expect.poll(() => drawer.evaluate((el: Element) => getComputedStyle(el).visibility)).toBe('hidden');
    // Esc closes it too, and focus goes back to the button
    await opener.tap();
    await expect.poll(() => drawer.evaluate((el: Element) => getComputedStyle(el).visibility)).toBe('visible');
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.evaluate((el: Element) => getComputedStyle(el).visibility)).toBe('hidden');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('settings-drawer-open');
    // a hint opens by tap and shows its text; nothing on the page relies on hover titles
    const hint = page.locator('.hint-toggle').first();
    const textId = (await hint.getAttribute('aria-controls'))!;
    expect(await page.locator(`[id="${textId}"]`).isVisible()).toBe(false);
    await hint.tap();
    await expect.poll(() => page.locator(`[id="${textId}"]`).isVisible()).toBe(true);
    expect((await page.locator(`[id="${textId}"]`).innerText()).length).toBeGreaterThan(20);
    expect(await page.locator('[title]:not(svg *)').count()).toBe(0);
    // training by tap
    await page.getByTestId('play').tap();
    await expect.poll(() => page.getByTestId('metric-step').getAttribute('data-value').then(Number), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByTestId('play').tap();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('on a wide screen the same settings are the sidebar: no drawer button, always visible', async () => {
    const { page, context } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await page.goto(`${app.url}#/?backend=cpu`);
    await ready(page);
    expect(await page.getByTestId('settings-drawer-open').count()).toBe(0);
    expect(await page.getByTestId('settings-drawer').isVisible()).toBe(true);
    // narrowing the window turns it into the drawer, widening turns it back
    await page.setViewportSize({ width: 400, height: 800 });
    await expect.poll(() => page.getByTestId('settings-drawer-open').count()).toBe(1);
    await page.setViewportSize({ width: 1200, height: 800 });
    await expect.poll(() => page.getByTestId('settings-drawer-open').count()).toBe(0);
    expect(await page.getByTestId('settings-drawer').isVisible()).toBe(true);
    await context.close();
  });
});
