// Offline and portable (issue 17 item 5), in Debian's Chromium:
// - the built app (dist/) is installable (manifest, icons, theme colour) and, once its service
//   worker is active, trains on wasm and opens #/faces with the network cut off;
// - the single-file build (dist-single/forgelab.html, `npm run build:single`; built here if
//   missing) trains from file:// with every other request aborted, its workers included, and no
//   console error (so its Content-Security-Policy lets the inlined script, wasm and workers run).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page, Request, Response, Route } from 'playwright';
// @ts-expect-error plain JS helper shared with the bench
import { openPage } from '../../scripts/browser.mjs';
import { builtApp } from './harness';

const app = builtApp();

const value = async (page: Page, id: string) => Number(await page.getByTestId(id).first().getAttribute('data-value'));

function files(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, root) : [relative(root, p)];
  });
}

describe('installable, and offline after the first visit', () => {
  it('has a manifest with 192 and 512 px icons; with the service worker active and the network cut, the playground trains on wasm and #/faces loads', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1280, height: 800 });
    await page.goto(`${app.url}#/?backend=wasm`);
    expect(await page.locator('meta[name=theme-color]').getAttribute('content')).toBe('#0072B2');
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel=manifest]')!.href;
      const m = await (await fetch(href)).json();
      const icons = await Promise.all(m.icons.map(async (i: { src: string; sizes: string; type: string }) => ({ ...i, status: (await fetch(new URL(i.src, href))).status })));
      return { ...m, icons };
    });
    expect(manifest.theme_color).toBe('#0072B2');
    expect(manifest.display).toBe('standalone');
    for (const size of ['192x192', '512x512']) expect(manifest.icons.find((i: { sizes: string; type: string }) => i.sizes === size && i.type === 'image/png')?.status).toBe(200);

    // the first visit installs the service worker, which precaches every file the build emitted
    const cached = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const sw = reg.active!;
      if (sw.state !== 'activated') await new Promise((r) => sw.addEventListener('statechange', () => sw.state === 'activated' && r(null)));
      const names = await caches.keys();
      const urls: string[] = [];
      for (const n of names) for (const r of await (await caches.open(n)).keys()) urls.push(new URL(r.url).pathname);
      return { active: reg.active?.state, urls };
    });
    expect(cached.active).toBe('activated');
    const emitted = files(process.env.FORGELAB_DIST || 'dist').filter((f) => f !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(f));
    expect(emitted.filter((f) => f.endsWith('.wasm')).length).toBe(3);
    expect(emitted.some((f) => /worker/.test(f))).toBe(true);
    expect(emitted.filter((f) => !cached.urls.includes(`/${f}`))).toEqual([]);

    // no network from here on. (Not with context.route: Playwright has Chromium bypass service
    // workers while it intercepts requests.) Every response must come from the service worker.
    await context.setOffline(true);
    const reachedNetwork: string[] = [];
    page.on('response', (r: Response) => {
      if (!r.fromServiceWorker() && !/^(data|blob):/.test(r.url())) reachedNetwork.push(r.url());
    });
    page.on('requestfailed', (r: Request) => reachedNetwork.push(`${r.url()} failed`));
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect.poll(() => page.getByTestId('play').isEnabled(), { timeout: 60_000 }).toBe(true);
    if ((await page.getByTestId('play').getAttribute('aria-pressed')) !== 'true') await page.getByTestId('play').click();
    await expect.poll(() => value(page, 'metric-step'), { timeout: 120_000, interval: 500 }).toBeGreaterThan(50);
    expect(await page.getByTestId('metric-backend').getAttribute('data-value')).toBe('wasm');

    // a lazily loaded view, from the cache
    await page.goto(`${app.url}#/faces?backend=wasm`);
    await expect.poll(() => page.getByTestId('play').isEnabled(), { timeout: 120_000 }).toBe(true);
    expect(await page.getByTestId('grid-real').isVisible()).toBe(true);
    expect(reachedNetwork).toEqual([]);
    expect(problems.errors).toEqual([]);
    expect(problems.external).toEqual([]);
    await context.close();
  });
});

const SINGLE = resolve(process.env.FORGELAB_SINGLE || 'dist-single/forgelab.html');

describe('one self-contained html file', () => {
  it('trains from file:// with every other request aborted, runs a worker, and logs no console error', async () => {
    if (!existsSync(SINGLE)) execFileSync('npx', ['vite', 'build', '--mode', 'single', '--logLevel', 'warn'], { stdio: 'inherit', timeout: 240_000 });
    const url = pathToFileURL(SINGLE).href;
    const { page, context, problems } = await openPage(app.browser, url, { width: 1280, height: 800 });
    const blocked: string[] = [];
    await context.route('**/*', (route: Route) => {
      const u = route.request().url();
      if (u.split('#')[0] === url) return route.continue();
      blocked.push(u);
      return route.abort('blockedbyclient');
    });
    const csp: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) csp.push(m.text());
    });
    // auto: training starts at once on wasm (the binary comes from a data: URL) while every
    // backend is measured in the experiments worker (a blob: module worker)
    await page.goto(`${url}#/?play=1`);
    await expect.poll(() => value(page, 'metric-step'), { timeout: 120_000, interval: 500 }).toBeGreaterThan(50);
    expect(['wasm', 'webgl', 'cpu']).toContain(await page.getByTestId('metric-backend').getAttribute('data-value'));
    await page.getByTestId('play').click();

    // the multi-seed runner trains in the experiments worker, on the worker's own wasm
    await page.getByTestId('seeds-count').fill('1');
    await page.getByTestId('seeds-steps').fill('50');
    await page.getByTestId('seeds-run').click();
    await expect.poll(async () => Number(await page.getByTestId('seeds-progress').getAttribute('aria-valuenow')), { timeout: 120_000, interval: 500 }).toBe(100);
    expect(await page.getByTestId('seeds-plot').count()).toBeGreaterThan(0);

    // a view that was lazily loaded in the normal build is inside the file too
    await page.goto(`${url}#/faces?backend=wasm`);
    await expect.poll(() => page.getByTestId('play').isEnabled(), { timeout: 120_000 }).toBe(true);
    expect(blocked).toEqual([]);
    expect(csp).toEqual([]);
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
