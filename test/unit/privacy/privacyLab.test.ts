import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../../shared/setup';
import { sweepPoint } from '../../../src/workers/privacy/privacyTasks';
import { privacySweep } from '../../../src/core/privacy/sweep';
import type { SweepPoint } from '../../../src/core/privacy/sweep';
import { epsilon } from '../../../src/core/privacy/accountant';
import { tasks } from '../../../src/workers/shared/tasks';
import { DEFAULT_EXPERIMENTS, decodeExperiments, encodeExperiments, parseSigmas } from '../../../src/state/experiments/experimentsUrl';
import { epsilonText, sweepConclusion } from '../../../src/state/experiments/privacyText';

describe('sigmas in the link', () => {
  it('parses, sorts and dedupes, and names bad input', () => {
    expect(parseSigmas('2, 0,0.5 2')).toEqual({ sigmas: [0, 0.5, 2] });
    expect(parseSigmas('')).toHaveProperty('error');
    expect(parseSigmas('1, x')).toEqual({ error: expect.stringContaining('“x”') });
    expect(parseSigmas('-1')).toHaveProperty('error');
    expect(parseSigmas('0,1,2,3,4,5,6,7,8')).toHaveProperty('error');
  });
  it('round-trips sigmas and psteps, defaults leave the link empty', () => {
    expect(encodeExperiments(DEFAULT_EXPERIMENTS)).toBe('');
    const d = decodeExperiments(new URLSearchParams('sigmas=0,2&psteps=40'));
    expect(d.notices).toEqual([]);
    expect(d.settings.sigmas).toEqual([0, 2]);
    expect(d.settings.sweepSteps).toBe(40);
    expect(new URLSearchParams(encodeExperiments(d.settings)).get('sigmas')).toBe('0,2');
    const bad = decodeExperiments(new URLSearchParams('sigmas=a'));
    expect(bad.settings.sigmas).toEqual(DEFAULT_EXPERIMENTS.sigmas);
    expect(bad.notices[0]).toMatch(/noise levels were not used/);
  });
});

beforeAll(useCpu);

describe('privacy.sweepPoint task', () => {
  const cfg = { ...DEFAULT_EXPERIMENTS.config, seed: 3 };
  it('is registered and gives the sweep’s own point for that σ', () => {
    expect(typeof tasks['privacy.sweepPoint']).toBe('function');
    const seen: number[] = [];
    const p = sweepPoint(cfg, { sigma: 2, steps: 20 }, (d) => void seen.push(d))!;
    const ref = privacySweep(cfg, { sigmas: [2], steps: 20 })![0];
    expect(p.js).toBe(ref.js);
    expect(p.perGroup.map((g) => g.js)).toEqual(ref.perGroup.map((g) => g.js));
    expect(p.epsilon).toEqual(epsilon({ q: Math.min(1, cfg.batch / 200), sigma: 2, steps: 20 * cfg.dSteps, delta: 1 / 200 }));
    expect(seen.at(-1)).toBe(20);
  });
  it('stops when progress says so', () => {
    expect(sweepPoint(cfg, { sigma: 1, steps: 100 }, () => false)).toBeNull();
  });
});

describe('sweep sentence', () => {
  const pt = (sigma: number, eps: number, status: 'ok' | 'no-privacy', js: [number, number], ratio: [number, number], c: number): SweepPoint => ({
    sigma,
    epsilon: { epsilon: eps, order: null, status },
    delta: 0.005,
    js: (js[0] + js[1]) / 2,
    floor: 0.01,
    closerToTrain: c,
    copyRate: 0,
    holdoutCopyRate: 0,
    offData: 0,
    perGroup: [0, 1].map((g) => ({ group: g, share: 0.5, realShare: g ? 0.2 : 0.8, ratio: ratio[g], coverage: 0, js: js[g], closerToTrain: c })),
  });
  it('is computed from the numbers and names the group that pays more', () => {
    const s = sweepConclusion([pt(2, 49.9, 'ok', [0.2, 0.9], [0.9, 0], 0.5), pt(0, Infinity, 'no-privacy', [0.1, 0.3], [1, 0.8], 0.55)])!;
    expect(s).toContain('σ = 0 (ε ∞) to σ = 2 (ε 49.9)');
    expect(s).toContain('for the minority 0.300 → 0.900, for the majority 0.100 → 0.200');
    expect(s).toContain('fell harder on the minority');
    expect(s).toContain('0.80 → 0.00');
    const t = sweepConclusion([pt(0, Infinity, 'no-privacy', [0.1, 0.3], [1, 0.8], 0.5), pt(4, 10, 'ok', [0.9, 0.35], [0.5, 0.8], 0.5)])!;
    expect(t).toContain('fell harder on the majority');
    const both = sweepConclusion([pt(0, Infinity, 'no-privacy', [0.6, 0.45], [1, 0.5], 0.5), pt(4, 4.7, 'ok', [0.5, 0.42], [1, 0.9], 0.5)])!;
    expect(both).toContain('neither group lost fidelity');
    expect(sweepConclusion([pt(0, Infinity, 'no-privacy', [0, 0], [1, 1], 0.5)])).toBeNull();
    expect(epsilonText(pt(1, 1234.5, 'ok', [0, 0], [1, 1], 0.5))).toBe('1,235');
  });
});
