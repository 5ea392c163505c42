// Screenshots of routes at phone and desktop widths: node scripts/shoot.mjs '#/' '#/?data=ring' …
// Writes screenshots/<name>-<width>.png. Env: TRAIN_MS (train this long first), WIDTHS,
// FULL=0 (viewport only), NOEXPLAIN=1 (first-visit explainer dismissed).
import { mkdirSync } from 'node:fs';
import { launch, openPage, serveDist } from './browser.mjs';

const routes = process.argv.slice(2).length ? process.argv.slice(2) : ['#/'];
const widths = (process.env.WIDTHS ?? '390,1440').split(',').map(Number);
const trainMs = Number(process.env.TRAIN_MS ?? 0);
mkdirSync('screenshots', { recursive: true });
const server = await serveDist();
const browser = await launch();
try {
  for (const route of routes) {
    for (const width of widths) {
      const { page, context, problems } = await openPage(browser, server.url, { width, height: width < 600 ? 844 : 900 });
      if (process.env.NOEXPLAIN === '1') await page.addInitScript(() => localStorage.setItem('forgelab:explainer-dismissed', '1'));
      await page.goto(server.url + route);
      await page.waitForTimeout(1500);
      if (trainMs > 0) {
        const play = page.getByTestId('play');
        if (await play.count()) {
          await play.click();
          await page.waitForTimeout(trainMs);
          await play.click();
          await page.waitForTimeout(400);
        }
      }
      const name = route.replace(/[^a-z0-9]+/gi, '_').replace(/^_+|_+$/g, '') || 'home';
      await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: process.env.FULL !== '0' });
      const step = await page.getByTestId('metric-step').getAttribute('data-value').catch(() => null);
      console.log(JSON.stringify({ route, width, step, errors: problems.errors, external: problems.external }));
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
