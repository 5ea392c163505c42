/**
 * The screening model and the four-fifths numbers on constructed data with a known answer, and
 * the applicant generator's documented bias (no GAN training here).
 */
import { describe, expect, it } from 'vitest';
import {
  adverseImpact,
  fitLogistic,
  FOUR_FIFTHS,
  fourFifthsRatio,
  predictProba,
  predictSelected,
  rawCoefficients,
  selectionRates,
} from '../../../src/core/experiments/logistic';
import { applicantSource, decisionsOf, featuresOf, HIRED, hiringRates, REJECTED, screen } from '../../../src/core/experiments/hiring';
import { Rng } from '../../../src/core/shared/rng';

describe('logistic screening model', () => {
  it('selects by the feature that decides, giving known selection rates per group', () => {
    // Hired exactly when the first feature is +1. Group 0: 80 of 100 have +1; group 1: 30 of 100.
    const rows: number[] = [];
    const y: number[] = [];
    const g: number[] = [];
    const rng = new Rng(3);
    for (const [group, high] of [[0, 80], [1, 30]] as const) {
      for (let i = 0; i < 100; i++) {
        const f = i < high ? 1 : -1;
        rows.push(f, rng.uniform(-1, 1)); // second feature is noise
        y.push(f > 0 ? 1 : 0);
        g.push(group);
      }
    }
    const model = fitLogistic(rows, y, 200, 2);
    const sel = predictSelected(model, rows, 200);
    expect(Array.from(sel)).toEqual(y);
    const rates = selectionRates(sel, g, 2);
    expect(rates).toEqual([0.8, 0.3]);
    expect(fourFifthsRatio(rates)).toBeCloseTo(0.375, 12);
    expect(adverseImpact(rates)).toBe(true);
    const c = rawCoefficients(model);
    expect(Math.abs(c.w[0])).toBeGreaterThan(5 * Math.abs(c.w[1]));
  });

  it('recovers the coefficients of a known logistic model', () => {
    const n = 20000;
    const rng = new Rng(42);
    const x = new Float64Array(2 * n);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x[2 * i] = rng.normal() * 0.5;
      x[2 * i + 1] = rng.normal() * 0.5;
      const p = 1 / (1 + Math.exp(-(2 * x[2 * i] - 1 * x[2 * i + 1] + 0.5)));
      y[i] = rng.next() < p ? 1 : 0;
    }
    const c = rawCoefficients(fitLogistic(x, y, n, 2, { l2: 0 }));
    expect(c.w[0]).toBeCloseTo(2, 0);
    expect(Math.abs(c.w[0] - 2)).toBeLessThan(0.15);
    expect(Math.abs(c.w[1] + 1)).toBeLessThan(0.15);
    expect(Math.abs(c.b - 0.5)).toBeLessThan(0.1);
  });

  it('is reproducible with seeded mini-batches and predicts probabilities in (0, 1)', () => {
    const rows = [0, 0, 1, 1, -1, -1, 0.5, -0.2, -0.4, 0.9];
    const y = [0, 1, 0, 1, 1];
    const a = fitLogistic(rows, y, 5, 2, { batch: 2, seed: 9, epochs: 50 });
    const b = fitLogistic(rows, y, 5, 2, { batch: 2, seed: 9, epochs: 50 });
    expect(Array.from(a.w)).toEqual(Array.from(b.w));
    for (const p of predictProba(a, rows, 5)) {
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
    }
  });

  it('puts the four-fifths line at 0.8', () => {
    expect(FOUR_FIFTHS).toBe(0.8);
    expect(fourFifthsRatio([0.5, 0.4])).toBeCloseTo(0.8, 12);
    expect(adverseImpact([0.5, 0.4])).toBe(false);
    expect(adverseImpact([0.5, 0.39])).toBe(true);
    expect(fourFifthsRatio([0.2, NaN, 0.4])).toBeCloseTo(0.5, 12);
    expect(fourFifthsRatio([0, 0])).toBeNaN();
  });
});

describe('applicants', () => {
  it('carry the documented historical bias, and a group-blind model learns it through experience', () => {
    const src = applicantSource();
    const real = src.sample(new Rng(1).fork('train'), 4000);
    const test = src.sample(new Rng(1).fork('test'), 4000);
    expect(real.dim).toBe(3);
    for (let i = 0; i < real.n; i++) {
      expect([HIRED, REJECTED]).toContain(real.x[3 * i + 2]);
      expect(Math.abs(real.x[3 * i])).toBeLessThanOrEqual(1);
      expect(Math.abs(real.x[3 * i + 1])).toBeLessThanOrEqual(1);
    }
    expect(real.g.reduce((s, v) => s + v, 0)).toBe(1200); // 30% minority, stratified
    const [maj, min] = hiringRates(real);
    expect(maj).toBeGreaterThan(0.55);
    expect(maj).toBeLessThan(0.7);
    expect(min).toBeGreaterThan(0.15);
    expect(min).toBeLessThan(0.28);
    const s = screen(real.x, real.n, test);
    expect(s.ratio).toBeLessThan(FOUR_FIFTHS);
    // experience stands in for the group: its weight grows past the true 2
    expect(rawCoefficients(s.model).w[1]).toBeGreaterThan(2.3);
    expect(featuresOf(real.x, real.n).length).toBe(2 * real.n);
    expect(decisionsOf(real.x, real.n).length).toBe(real.n);
  });
});
