// Soak: train the playground (drawing as usual) for SOAK_STEPS steps (default 100,000) and
// report tensor count, JS heap (after a forced GC) and frame time after a warm-up and at the
// end, and at each quarter in between; they should stay flat. Usage: npm run build && node bench/soak.mjs   (env: SOAK_STEPS, SOAK_BACKEND, SOAK_ROUTE)
import { launch, openPage, serveDist } from '../scripts/browser.mjs';

const steps = Number(process.env.SOAK_STEPS ?? 100_000);
const backend = process.env.SOAK_BACKEND ?? 'auto';
const route = process.env.SOAK_ROUTE ?? '#/';
const server = await serveDist();
const browser = await launch();
try {
  const { page, problems } = await openPage(browser, server.url, { width: 1440, height: 900 });
  await page.goto(`${server.url}${route}${route.includes('?') ? '&' : '?'}backend=${backend}`);
  await page.waitForFunction(() => !document.querySelector('[data-testid=play][disabled]'), null, { timeout: 120_000 });

  /** Tensor count, JS heap (MB) and the mean and 95th-percentile frame interval over 2 s. */
  const sample = () =>
    page.evaluate(async () => {
      globalThis.gc?.();
      const times = [];
      await new Promise((resolve) => {
        const t0 = performance.now();
        const tick = (t) => {
          times.push(t);
          if (t - t0 < 2000) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      const gaps = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
      const fl = globalThis.forgelab.playground;
      // @ts-ignore Chromium only
      const heap = performance.memory ? performance.memory.usedJSHeapSize / 1e6 : NaN;
      return {
        step: fl.step,
        tensors: fl.tensorCount(),
        heapMB: Math.round(heap * 10) / 10,
        frameMs: Math.round((gaps.reduce((a, b) => a + b, 0) / gaps.length) * 10) / 10,
        frameP95Ms: Math.round(gaps[Math.floor(gaps.length * 0.95)] * 10) / 10,
      };
    });

  await page.getByTestId('play').click();
  // the first sample comes after a warm-up (compiled code, chart history filling up), so the
  // comparison shows growth over the long run, not start-up
  const warmup = Math.min(2000, Math.floor(steps / 10));
  await page.waitForFunction((w) => globalThis.forgelab.playground.step >= w, warmup, { timeout: 600_000 });
  const start = await sample();
  const t0 = Date.now();
  let last = start;
  // a sample at each quarter, so growth that levels off can be told from growth that goes on
  const along = [];
  let nextQuarter = 1;
  while (last.step < steps) {
    await page.waitForTimeout(10_000);
    last = await page.evaluate(() => ({ step: globalThis.forgelab.playground.step }));
    process.stderr.write(`\r${last.step} / ${steps} steps`);
    if (nextQuarter < 4 && last.step >= (nextQuarter * steps) / 4) {
      const s = await sample();
      along.push({ step: s.step, tensors: s.tensors, heapMB: s.heapMB, frameMs: s.frameMs });
      nextQuarter++;
    }
  }
  process.stderr.write('\n');
  const end = await sample();
  const result = {
    backend: await page.getByTestId('metric-backend').getAttribute('data-value'),
    steps: end.step,
    minutes: Math.round((Date.now() - t0) / 6000) / 10,
    start,
    along,
    end,
    tensorsFlat: start.tensors === end.tensors,
    consoleErrors: problems.errors.length,
  };
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.close();
}
