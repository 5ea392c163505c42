// The privacy–fidelity sweep in #/experiments, in the built app: two σ and a few steps through
// the link, run in the worker. Checks that each shown number is the hook's job result, that ε
// per σ is core's epsilon(), and that cancel stops a run. The findings at 2,000 steps are in
// test/claims (privacy-sweep) and docs/FINDINGS.md.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
// @ts-expect-error plain JS helper shared with the bench
import { openPage } from '../../scripts/browser.mjs';
import { builtApp } from './harness';
import { epsilon } from '../../src/core/privacy/accountant';
import { EXPERIMENTS_TABLE } from '../../src/core/settings/experiments';
import { SWEEP_PRESET } from '../../src/core/privacy/sweep';
import type { SweepPoint } from '../../src/core/privacy/sweep';

const app = builtApp();
const tid = (id: string) => `[data-testid="${id}"]`;
async function num(page: Page, id: string, attr = 'data-value'): Promise<number> {
  const v = await page.locator(tid(id)).first().getAttribute(attr);
  return v === null || v === '' ? NaN : Number(v);
}
type Hooked = { forgelab: { experimentRuns: { privacy: { results: SweepPoint[]; running: boolean; cancelled: boolean; done: number } } } };

describe('privacy–fidelity sweep', () => {
  it('runs σ = 0, 2 in the worker; the table is the job’s result and ε is core’s; cancel stops it', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    const steps = 40;
    await page.goto(`${app.url}#/experiments?sigmas=0,2&psteps=${steps}&seed=5`);
    await page.getByTestId('privacy-run').click();
    await expect.poll(() => page.getByTestId('privacy-conclusion').count(), { timeout: 50_000 }).toBe(1);
    const results: SweepPoint[] = await page.evaluate(() => (globalThis as unknown as Hooked).forgelab.experimentRuns.privacy.results as never);
    expect(results.map((r) => r.sigma)).toEqual([0, 2]);
    const d = EXPERIMENTS_TABLE.defaults;
    for (const r of results) {
      const minority = r.perGroup[0].realShare < r.perGroup[1].realShare ? 0 : 1;
      for (const [i, g] of r.perGroup.entries()) {
        const name = i === minority ? 'minority' : 'majority';
        expect(await num(page, `metric-sweep-js-${r.sigma}-${name}`)).toBe(g.js);
        expect(await num(page, `metric-sweep-closer-${r.sigma}-${name}`)).toBe(g.closerToTrain);
        expect(await num(page, `metric-sweep-ratio-${r.sigma}-${name}`)).toBe(g.ratio);
      }
      const e = epsilon({ q: Math.min(1, d.batch / SWEEP_PRESET.points!), sigma: r.sigma, steps: steps * d.dSteps, delta: 1 / SWEEP_PRESET.points! });
      expect(await num(page, `metric-sweep-epsilon-${r.sigma}`)).toBe(e.epsilon);
    }
    expect(await page.locator(tid('metric-sweep-epsilon-0')).textContent()).toBe('∞');
    expect(Number.isFinite(await num(page, 'metric-sweep-epsilon-2'))).toBe(true);
    // the sentence carries the run's numbers
    const sentence = (await page.getByTestId('privacy-conclusion').textContent())!;
    expect(sentence).toContain(`${results[0].js.toFixed(3)} to ${results[1].js.toFixed(3)} bits`);
    // one line piece per run of measured values per group: a group with no generated point at some σ
    // is not drawn there as 0 but breaks its line
    const pieces = (rs: SweepPoint[]) =>
      rs[0].perGroup.reduce((n, _, i) => n + rs.map((r) => Number.isFinite(r.perGroup[i].js)).reduce((c, ok, k, all) => c + (ok && (k === 0 || !all[k - 1]) ? 1 : 0), 0), 0);
    expect(await page.locator(`${tid('privacy-plot-sigma')} polyline`).count()).toBe(pieces(results));
    expect(await page.locator(`${tid('privacy-plot-epsilon')} polyline`).count()).toBe(pieces(results.filter((r) => r.epsilon.status === 'ok')));

    // cancel: a long run, stopped once it has started
    await page.getByTestId('privacy-steps').fill('5000');
    await page.getByTestId('privacy-steps').blur();
    await page.getByTestId('privacy-run').click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as Hooked).forgelab.experimentRuns.privacy.done), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByTestId('privacy-cancel').click();
    await page.getByTestId('privacy-run').waitFor();
    const state = await page.evaluate(() => {
      const j = (globalThis as unknown as Hooked).forgelab.experimentRuns.privacy;
      return { running: j.running, cancelled: j.cancelled, done: j.done };
    });
    expect(state).toMatchObject({ running: false, cancelled: true });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (globalThis as unknown as Hooked).forgelab.experimentRuns.privacy.done)).toBe(state.done);
    expect(problems).toEqual({ errors: [], external: [] });
    await context.close();
  }, 60_000);
});
