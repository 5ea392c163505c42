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

type PrivacyHook = {
  forgelab: {
    playground: {
      fastForward(n: number): void;
      running: boolean;
      snapshot: { step: number } | null;
      privacyForTests(): { step: number; generated: number[]; train: { x: number[]; n: number }; holdout: { x: number[]; n: number } | null; detectiveUpdates: number; batch: number; sigma: number; delta: number; dp: string } | null;
    };
  };
};

/** Nearest distance from each row of `from` to the rows of `to` (rows of 2), written here apart from core's. */
function nearestDistances(from: number[], to: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < from.length; i += 2) {
    let best = Infinity;
    for (let j = 0; j < to.length; j += 2) best = Math.min(best, Math.hypot(from[i] - to[j], from[i + 1] - to[j + 1]));
    out.push(best);
  }
  return out;
}

describe('memorisation and the privacy budget in the playground', () => {
  // seed 3, fixed before the run; a 32-point set with DP on (C 1, σ 1) and both plot layers
  it('shows closer-to-train as recomputed from its own points, ε as core computes it, and the held-out layer', async () => {
    const { page, context, problems } = await openPage(app.browser, app.url, { width: 1440, height: 900 });
    await page.goto(`${app.url}#/?n=32&seed=3&dp=1&clip=1&sigma=1&backend=wasm&heldout=1&copies=1`);
    await expect.poll(() => page.getByTestId('play').isEnabled(), { timeout: 60_000 }).toBe(true);
    await page.evaluate(() => (globalThis as unknown as PrivacyHook).forgelab.playground.fastForward(600));
    await expect
      .poll(() => page.evaluate(() => { const pg = (globalThis as unknown as PrivacyHook).forgelab.playground; return !pg.running && (pg.snapshot?.step ?? 0) >= 600 && pg.privacyForTests()?.step === pg.snapshot?.step; }), { timeout: 120_000 })
      .toBe(true);
    const p = (await page.evaluate(() => (globalThis as unknown as PrivacyHook).forgelab.playground.privacyForTests()))!;
    expect(p.train.n).toBe(32);
    expect(p.holdout?.n).toBe(32);
    const dTrain = nearestDistances(p.generated, p.train.x);
    const dHold = nearestDistances(p.generated, p.holdout!.x);
    const closer = dTrain.reduce((s, d, i) => s + (d < dHold[i] ? 1 : d === dHold[i] ? 0.5 : 0), 0) / dTrain.length;
    expect(dTrain.length).toBeGreaterThanOrEqual(1000);
    expect(await num(page, 'metric-closer-to-train')).toBeCloseTo(closer, 9);
    expect(await num(page, 'metric-overfitting-score')).toBeCloseTo(Math.min(2 * (1 - closer), 1), 9);
    // the budget: q = batch / n, one accountant step per detective update, δ = 1/n by default
    const e = epsilon({ q: Math.min(1, p.batch / 32), sigma: 1, steps: p.detectiveUpdates, delta: 1 / 32 });
    expect(p.detectiveUpdates).toBeGreaterThanOrEqual(600);
    expect(await num(page, 'metric-epsilon')).toBe(e.epsilon);
    expect(await page.getByTestId('metric-epsilon').getAttribute('data-status')).toBe('ok');
    await expect.poll(() => page.getByTestId('legend-heldout').isVisible()).toBe(true);
    // σ = 0 states no number, in words
    await page.locator('#setting-sigma').evaluate((el: HTMLInputElement) => {
      el.value = '0';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect.poll(() => page.getByTestId('metric-epsilon').getAttribute('data-status')).toBe('no-privacy');
    expect(await page.getByTestId('metric-epsilon').textContent()).toMatch(/no ε/);
    expect(problems).toEqual({ errors: [], external: [] });
    await context.close();
  }, 180_000);
});
