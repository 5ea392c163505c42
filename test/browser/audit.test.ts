// Every route, in English and in Spanish: axe-core finds no violation, nothing is told only on
// hover, nothing scrolls sideways at 360 px, the Spanish page shows no English outside content
// marked as English, the console stays clean, no request leaves the origin, and everything can be
// reached with the keyboard. Routes come from AUDIT_ROUTES, so a
// new view joins these checks when it is added there.
import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { AUDIT_ROUTES } from '../../src/state/shared/url';
// @ts-expect-error plain JS helper shared with the bench
import { openPage } from '../../scripts/browser.mjs';
import { builtApp } from './harness';

const app = builtApp();

/** English words a Spanish page should not show outside content marked lang="en" (untranslated lessons, teacher guides). */
const ENGLISH = /\b(the|and|with|this|your|you|points|steps?|training|settings|loading|which|from|shared|seed)\b/i;

/** Visible and spoken text (text nodes, aria-label, alt, placeholder) outside lang="en" content that reads as English. */
function englishLeftovers(page: import('playwright').Page): Promise<string[]> {
  return page.evaluate((src) => {
    const re = new RegExp(src, 'i');
    const english = (el: Element) => el.closest('[lang]:not(html)')?.getAttribute('lang') === 'en' || !!el.closest('script,style,noscript,code,kbd');
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement && !english(n.parentElement) && re.test(n.textContent ?? '')) out.push((n.textContent ?? '').trim().slice(0, 80));
    for (const el of document.querySelectorAll('[aria-label],[alt],[placeholder],[aria-valuetext]'))
      for (const a of ['aria-label', 'alt', 'placeholder', 'aria-valuetext']) {
        const v = el.getAttribute(a);
        if (v && !english(el) && re.test(v)) out.push(`${a}=${v.slice(0, 80)}`);
      }
    return out;
  }, ENGLISH.source);
}

describe.each(AUDIT_ROUTES)('route %s', (route) => {
  // one load per route, in both languages (switched in place, as a student would): audited at a
  // small phone's width, then resized to a laptop's and audited again (the layout is responsive
  // CSS, so a resize shows what a fresh load at that width would)
  it('has no axe violation, no hover-only title, no sideways scroll at 360 px, no console error and no off-origin request, in English and in Spanish', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 360, height: 900 });
    await page.goto(`${app.url}${route.includes('?') ? route + '&' : route + '?'}backend=cpu`);
    // route-agnostic readiness: the view has rendered, and a playground (if any) is ready
    await page.waitForFunction(() => (document.querySelector('main')?.childElementCount ?? 0) > 0 && !document.querySelector('[data-testid=play][disabled]'), null, { timeout: 60_000 });
    for (const lang of ['en', 'es']) {
      if (lang === 'es') {
        await page.setViewportSize({ width: 360, height: 900 });
        await page.getByTestId('lang').selectOption('es');
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
        expect(await englishLeftovers(page), `${route} in Spanish`).toEqual([]);
      }
      for (const width of [360, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(300);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
        expect(summary, `${route} at ${width} px in ${lang}`).toEqual([]);
        if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), `${route} at 360 px in ${lang}: sideways scroll`).toBeLessThanOrEqual(0);
      }
      // what a title attribute says shows only on hover: a touch screen never shows it
      expect(await page.locator('[title]:not(svg *)').evaluateAll((els: Element[]) => els.map((e) => e.outerHTML.slice(0, 80))), `${route} in ${lang}`).toEqual([]);
    }
    expect(problems.errors).toEqual([]);
    expect(problems.external).toEqual([]);
    await context.close();
  });
});

describe('keyboard', () => {
  it('reaches every control of the playground with Tab, with a visible focus ring', async () => {
    const { page, context } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await page.goto(`${app.url}#/?backend=cpu`);
    await page.waitForFunction(() => !document.querySelector('[data-testid=play][disabled]'), null, { timeout: 60_000 });
    const reached = new Set<string>();
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return { id: el.getAttribute('data-testid') ?? el.id ?? el.textContent?.trim().slice(0, 20), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
      });
      if (!info) continue;
      expect(info.outline, `focus ring on ${info.id}`).toBe(true);
      reached.add(info.id ?? '');
    }
    for (const id of ['play', 'step', 'reset', 'setting-data', 'setting-minority', 'setting-recipe']) expect(reached.has(id), id).toBe(true);
    // space toggles training when focus is not in a field
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('play').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('play').getAttribute('aria-pressed')).toBe('false');
    // on a focused button, Space presses that button and does not also toggle training
    await page.waitForTimeout(500);
    // the trainer's own count: the shown step may still be catching up with the last readback
    const stepNow = () => page.evaluate(() => (globalThis as unknown as { forgelab: { playground: { trainer: { steps: number } } } }).forgelab.playground.trainer.steps);
    const before = await stepNow();
    await page.getByTestId('step').focus();
    await page.keyboard.press('Space');
    await expect.poll(stepNow).toBe(before + 1);
    await page.waitForTimeout(300);
    expect(await page.getByTestId('play').getAttribute('aria-pressed')).toBe('false');
    expect(await stepNow()).toBe(before + 1);
    await context.close();
  });
});
