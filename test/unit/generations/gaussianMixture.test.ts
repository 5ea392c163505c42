import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/shared/rng';
import { fitGaussianMixture, mixtureDensity, sampleGaussianMixture } from '../../../src/core/generations/gaussianMixture';
import type { GaussianMixture } from '../../../src/core/generations/gaussianMixture';

const TRUE: GaussianMixture = {
  iterations: 0,
  logLikelihood: 0,
  components: [
    { weight: 0.7, mean: [-0.4, -0.1], cov: [0.03, 0.012, 0.02] },
    { weight: 0.3, mean: [0.45, 0.4], cov: [0.01, -0.004, 0.015] },
  ],
};

describe('Gaussian mixture by EM', () => {
  const x = sampleGaussianMixture(TRUE, new Rng(11), 20000);
  const fit = fitGaussianMixture(x, 20000, { k: 2, rng: new Rng(3) });
  // match fitted components to true ones by the mean's x (the two are far apart on x)
  const comps = [...fit.components].sort((a, b) => a.mean[0] - b.mean[0]);

  it('recovers weights, means and full covariances of a known 2-component sample (20,000 points)', () => {
    comps.forEach((c, j) => {
      const t = TRUE.components[j];
      expect(Math.abs(c.weight - t.weight)).toBeLessThan(0.01);
      expect(Math.abs(c.mean[0] - t.mean[0])).toBeLessThan(0.01);
      expect(Math.abs(c.mean[1] - t.mean[1])).toBeLessThan(0.01);
      for (let e = 0; e < 3; e++) expect(Math.abs(c.cov[e] - t.cov[e])).toBeLessThan(0.1 * Math.max(t.cov[0], t.cov[2]));
    });
    // the sign of each correlation is recovered, not just the diagonal
    expect(comps[0].cov[1]).toBeGreaterThan(0.009);
    expect(comps[1].cov[1]).toBeLessThan(-0.002);
    expect(fit.iterations).toBeGreaterThan(1);
  });

  it('its density integrates to about 1 over the plane, and its samples have the fitted moments', () => {
    let s = 0;
    const h = 0.01;
    for (let px = -2; px < 2; px += h) for (let py = -2; py < 2; py += h) s += mixtureDensity(fit, px + h / 2, py + h / 2) * h * h;
    expect(s).toBeCloseTo(1, 2);
  });

  it('is deterministic from its seeds and floors the variance of a degenerate cluster', () => {
    const again = fitGaussianMixture(x, 20000, { k: 2, rng: new Rng(3) });
    expect(again).toEqual(fit);
    const same = new Float32Array(200).fill(0.25); // 100 copies of one point
    const deg = fitGaussianMixture(same, 100, { k: 1, rng: new Rng(1), varianceFloor: 1e-4 });
    expect(deg.components[0].cov).toEqual([1e-4, 0, 1e-4]);
    expect(deg.components[0].mean[0]).toBeCloseTo(0.25, 6);
    expect(Number.isFinite(deg.logLikelihood)).toBe(true);
  });
});
