// Live training off the page's thread (issue 13): the playground trains in the live training
// worker, so the page's thread stays free while it trains; a pause lands within two snapshots;
// the worker's tensor count stays flat over 20,000 steps; and where the browser cannot train in
// a worker (no OffscreenCanvas), the same run trains on the page's thread and says so.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
// @ts-expect-error plain JS helper shared with the bench
import { openPage } from '../../scripts/browser.mjs';
import { builtApp } from './harness';

const app = builtApp();

type Pg = { running: boolean; step: number; snapshot: { step: number } | null; trainer: { steps: number } | null; tensorCount(): number; fastForward(n: number): void; pause(): void; play(): void; notices: string[]; side: { thread: { where: string } } };
const pg = (page: Page) => page.evaluate(() => {
  const p = (globalThis as unknown as { forgelab: { playground: Pg } }).forgelab.playground;
  return { running: p.running, step: p.step, steps: p.trainer?.steps ?? -1, tensors: p.tensorCount(), notices: p.notices, where: p.side.thread.where };
});
const ready = (page: Page) => page.waitForFunction(() => !document.querySelector('[data-testid=play][disabled]'), null, { timeout: 60_000 });

describe('live training in a worker', () => {
  it('keeps the page’s thread free while training, and a pause lands within two snapshots', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await page.goto(`${app.url}#/?backend=wasm&seed=6`);
    await ready(page);
    expect((await pg(page)).where).toBe('worker');
    await page.getByTestId('play').click();
    await expect.poll(async () => (await pg(page)).step, { timeout: 60_000 }).toBeGreaterThan(200);
    // five seconds of training watched by a long-task observer on the page
    const longest = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const seen: number[] = [];
          const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.duration)));
          obs.observe({ type: 'longtask' });
          setTimeout(() => {
            obs.disconnect();
            resolve(seen);
          }, 5000);
        }),
    );
    expect(longest.filter((d: number) => d > 50)).toEqual([]);
    expect((await pg(page)).running).toBe(true);

    // count the snapshots the page receives after pause() until one shows the step it stopped at
    const landed = await page.evaluate(
      () =>
        new Promise<{ after: number; stoppedAt: number; shown: number }>((resolve) => {
          const p = (globalThis as unknown as { forgelab: { playground: Pg } }).forgelab.playground;
          let last = p.snapshot;
          let after = 0;
          p.pause();
          const t0 = performance.now();
          const tick = setInterval(() => {
            if (p.snapshot !== last) {
              last = p.snapshot;
              after++;
            }
            // the worker's own count, as of its latest message
            const stoppedAt = p.trainer!.steps;
            if ((after > 0 && last?.step === stoppedAt) || performance.now() - t0 > 3000) {
              clearInterval(tick);
              resolve({ after, stoppedAt, shown: last?.step ?? -1 });
            }
          }, 2);
        }),
    );
    expect(landed.shown).toBe(landed.stoppedAt);
    expect(landed.after).toBeGreaterThanOrEqual(1);
    expect(landed.after).toBeLessThanOrEqual(2);
    // and it stays paused
    await page.waitForTimeout(500);
    expect((await pg(page)).steps).toBe(landed.stoppedAt);
    expect(problems.errors).toEqual([]);
    expect(problems.external).toEqual([]);
    await context.close();
  });

  it('keeps the worker’s tensor count flat over 20,000 steps', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1280, height: 900 });
    await page.goto(`${app.url}#/?backend=wasm&seed=8`);
    await ready(page);
    const counts: number[] = [];
    for (let k = 1; k <= 4; k++) {
      await page.evaluate(() => (globalThis as unknown as { forgelab: { playground: Pg } }).forgelab.playground.fastForward(5000));
      await expect.poll(async () => (await pg(page)).step, { timeout: 120_000 }).toBe(5000 * k);
      counts.push((await pg(page)).tensors);
    }
    expect(counts[0]).toBeGreaterThan(10);
    expect(counts).toEqual([counts[0], counts[0], counts[0], counts[0]]);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('trains on the page’s thread, and says so, where the browser has no OffscreenCanvas', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1280, height: 900 });
    await page.addInitScript(() => {
      delete (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas;
    });
    await page.goto(`${app.url}#/?seed=2`);
    await ready(page);
    const s = await pg(page);
    expect(s.where).toBe('page');
    expect(s.notices.join(' ')).toMatch(/page’s own thread, because this browser cannot use the graphics card \(WebGL\) in a worker/);
    expect(await page.getByTestId('notice').first().innerText()).toContain('page’s own thread');
    await page.getByTestId('play').click();
    await expect.poll(async () => (await pg(page)).step, { timeout: 60_000 }).toBeGreaterThan(300);
    await page.getByTestId('play').click();
    await expect.poll(async () => { const x = await pg(page); return x.step === x.steps && !x.running; }, { timeout: 10_000 }).toBe(true);
    expect(problems.errors).toEqual([]);
    expect(problems.external).toEqual([]);
    await context.close();
  });
});
