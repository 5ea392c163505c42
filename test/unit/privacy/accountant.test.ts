/**
 * The RDP accountant against ε values published in the tests of Opacus and TensorFlow Privacy,
 * each computed with the conversion ε = rdp − (log δ + log α)/(α − 1) + log((α − 1)/α) that ours
 * uses by default (Opacus ≥ 1.0 get_privacy_spent; dp_accounting's RdpAccountant, which TF
 * Privacy's compute_dp_sgd_privacy_lib calls). Matched to 1e-3 relative (they agree to ~1e-12).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORDERS, epsilon, logErfc, rdpOneStep } from '../../../src/core/privacy/accountant';

/** The order list of TF Privacy's compute_dp_sgd_privacy_lib.compute_dp_sgd_privacy. */
const TFP_ORDERS = [1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 4.5, ...Array.from({ length: 59 }, (_, i) => 5 + i), 128, 256, 512];

function closeRel(actual: number, expected: number, rel = 1e-3): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(rel);
}

describe('published ε values', () => {
  it('Opacus opacus/tests/accountants_test.py test_rdp_accountant: σ 1.5, q 0.04, 2,250 steps, δ 1e-5 → 7.32911117143 (DEFAULT_ALPHAS)', () => {
    const r = epsilon({ q: 0.04, sigma: 1.5, steps: Math.floor(90 / 0.04), delta: 1e-5 });
    expect(r.status).toBe('ok');
    closeRel(r.epsilon, 7.32911117143);
  });

  // tensorflow/privacy, tensorflow_privacy/privacy/analysis/compute_dp_sgd_privacy_test.py,
  // test_compute_dp_sgd_privacy (n, batch, noise multiplier, epochs, δ, expected ε, expected order);
  // the library takes q = batch/n and steps = ceil(epochs·n/batch).
  const cases: [string, number, number, number, number, number, number, number][] = [
    ['Test0', 60000, 150, 1.3, 15, 1e-5, 0.7242234026109595, 19],
    ['Test1', 100000, 100, 1.0, 30, 1e-7, 1.4154988495444845, 13],
    ['Test2', 100000000, 1024, 0.1, 10, 1e-7, 5907982.31138195, 1.25], // a fractional order: the two-series path
  ];
  for (const [name, n, batch, sigma, epochs, delta, eps, order] of cases) {
    it(`TF Privacy compute_dp_sgd_privacy_test ${name}: n ${n}, batch ${batch}, σ ${sigma}, ${epochs} epochs, δ ${delta} → ${eps} at order ${order}`, () => {
      const r = epsilon({ q: batch / n, sigma, steps: Math.ceil((epochs * n) / batch), delta, orders: TFP_ORDERS });
      closeRel(r.epsilon, eps);
      expect(r.order).toBe(order);
    });
  }

  it('the classic conversion is looser than the default one', () => {
    const q = { q: 0.04, sigma: 1.5, steps: 2250, delta: 1e-5 };
    expect(epsilon({ ...q, conversion: 'classic' }).epsilon).toBeGreaterThan(epsilon(q).epsilon + 0.5);
  });
});

describe('the accountant', () => {
  it('has Opacus DEFAULT_ALPHAS as its orders', () => {
    expect(DEFAULT_ORDERS.length).toBe(99 + 52);
    expect(DEFAULT_ORDERS[0]).toBeCloseTo(1.1, 12);
    expect(DEFAULT_ORDERS[98]).toBeCloseTo(10.9, 12);
    expect(DEFAULT_ORDERS.slice(99, 101)).toEqual([12, 13]);
    expect(DEFAULT_ORDERS.at(-1)).toBe(63);
  });

  it('at q = 1 an integer order is the Gaussian mechanism’s α/(2σ²), and a fractional one is close to the integer neighbours', () => {
    expect(rdpOneStep(1, 2, 5)).toBeCloseTo(5 / 8, 12);
    const r2 = rdpOneStep(0.01, 1, 2);
    const r3 = rdpOneStep(0.01, 1, 3);
    const r25 = rdpOneStep(0.01, 1, 2.5);
    expect(r25).toBeGreaterThan(r2);
    expect(r25).toBeLessThan(r3);
    // integer and fractional code paths agree where both apply (α = 3 and α = 3 + 1e-9)
    expect(rdpOneStep(0.01, 1, 3 + 1e-9)).toBeCloseTo(r3, 7);
  });

  it('logErfc matches known values and stays finite far in the tail', () => {
    expect(Math.exp(logErfc(0))).toBeCloseTo(1, 14);
    expect(Math.exp(logErfc(1))).toBeCloseTo(0.15729920705028513, 14);
    expect(Math.exp(logErfc(2.5)) / 4.069520174449590e-4).toBeCloseTo(1, 12);
    expect(Math.exp(logErfc(-1))).toBeCloseTo(1.8427007929497148, 14);
    expect(logErfc(30)).toBeCloseTo(-900 - 0.5 * Math.log(Math.PI) - Math.log(30) + Math.log1p(-1 / 1800 + 3 / (4 * 30 ** 4)), 8);
  });

  it('is monotone: more steps or a larger q cost more, a larger σ less', () => {
    const base = { q: 0.02, sigma: 1, steps: 1000, delta: 1e-5 };
    const e = (over: Partial<typeof base>) => epsilon({ ...base, ...over }).epsilon;
    const e0 = e({});
    expect(e({ steps: 2000 })).toBeGreaterThan(e0);
    expect(e({ steps: 500 })).toBeLessThan(e0);
    expect(e({ q: 0.04 })).toBeGreaterThan(e0);
    expect(e({ sigma: 2 })).toBeLessThan(e0);
    expect(e({ sigma: 0.7 })).toBeGreaterThan(e0);
    const sigmas = [0.5, 1, 2, 4].map((sigma) => e({ sigma }));
    for (let i = 1; i < sigmas.length; i++) expect(sigmas[i]).toBeLessThan(sigmas[i - 1]);
  });

  it('says when no ε can be stated', () => {
    const base = { q: 0.5, sigma: 1, steps: 10, delta: 1e-5 };
    expect(epsilon({ ...base, sigma: 0 })).toEqual({ epsilon: Infinity, order: null, status: 'no-privacy' });
    for (const bad of [{ q: 0 }, { q: 1.5 }, { q: NaN }, { sigma: -1 }, { steps: -1 }, { steps: 2.5 }, { delta: 0 }, { delta: 1 }, { orders: [1, 0.5] }]) {
      const r = epsilon({ ...base, ...bad });
      expect(r.status).toBe('invalid');
      expect(r.epsilon).toBeNaN();
    }
    expect(epsilon({ ...base, steps: 0 })).toEqual({ epsilon: 0, order: null, status: 'ok' });
    const full = epsilon({ ...base, q: 1 });
    expect(full.status).toBe('ok');
    expect(full.epsilon).toBeGreaterThan(epsilon(base).epsilon);
  });
});
