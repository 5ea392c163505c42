import { it } from 'vitest';
import { applicantSource, hiringRates, screen } from '../../src/core/experiments/hiring';
import { rawCoefficients, fourFifthsRatio } from '../../src/core/experiments/logistic';
import { Rng } from '../../src/core/rng';
it('hiring real', () => {
  for (const seed of [1, 2, 3]) {
    const src = applicantSource();
    const real = src.sample(new Rng(seed).fork('a'), 2000);
    const test = src.sample(new Rng(seed).fork('b'), 4000);
    const h = hiringRates(real);
    const t0 = Date.now();
    const s = screen(real.x, real.n, test);
    console.log(seed, 'hist', h.map((v) => v.toFixed(3)), fourFifthsRatio(h).toFixed(2), 'model', s.rates.map((v) => v.toFixed(3)), s.ratio.toFixed(2), 'agree', s.agreement.toFixed(3), JSON.stringify(rawCoefficients(s.model)), Date.now() - t0, 'ms');
  }
});
