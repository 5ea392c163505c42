// Shared by the browser tests, the bench and the screenshot script: serve the built app on
// loopback and drive Debian's Chromium through Playwright (it cannot download its own browser).
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import { chromium } from 'playwright';

export function chromePath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('No Chromium found: set CHROME_PATH or install Debian’s chromium (apt-get install -y chromium).');
  return found;
}

/**
 * Serve dist/ (or FORGELAB_DIST, e.g. a private build made with `vite build --outDir`, so another
 * build on a shared machine cannot swap files mid-run) on a free loopback port; returns { url, close }.
 */
export async function serveDist() {
  const outDir = process.env.FORGELAB_DIST || 'dist';
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`npm run build\` first.`);
  const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false }, logLevel: 'silent' });
  const address = server.httpServer.address();
  const url = `http://127.0.0.1:${address.port}/`;
  return { url, close: () => new Promise((r) => server.httpServer.close(() => r())) };
}

export async function launch() {
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      // composite in software: SwiftShader compositing drops a busy page to a few frames a
      // second, while WebGL itself still runs on SwiftShader
      '--disable-gpu-compositing',
      // lets the soak collect garbage before it reads the heap
      '--js-flags=--expose-gc',
      '--enable-precise-memory-info',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
}

/**
 * A page that records console errors, page errors and every request that leaves the origin.
 * Returns { page, problems } where problems.errors and problems.external are arrays.
 */
export async function openPage(browser, origin, { width = 1440, height = 900, reducedMotion, touch = false, locale = 'en-US' } = {}) {
  // touch: a phone's touch screen (taps, no hover); locale: the browser's language
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: reducedMotion ?? 'no-preference', hasTouch: touch, isMobile: touch, locale });
  const page = await context.newPage();
  const problems = { errors: [], external: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(m.text());
  });
  page.on('pageerror', (e) => problems.errors.push(String(e)));
  const own = new URL(origin).origin;
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== own) problems.external.push(u);
  });
  return { page, context, problems };
}
