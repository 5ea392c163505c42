/**
 * The pure helpers behind the experiments UI, on constructed cases (no training): the
 * experiments view's URL codec, the conclusion sentences, the run captions, and the multi-seed
 * runner's CSV of points.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/settings/config';
import type { ArmResult, RebalanceResult } from '../../../src/core/experiments/rebalance';
import type { HiringResult } from '../../../src/core/experiments/hiring';
import type { SeedResult } from '../../../src/core/skew/skew';
import { decodeExperiments, encodeExperiments, DEFAULT_EXPERIMENTS } from '../../../src/state/experiments/experimentsUrl';
import { describeRun, emphasisedGroup, hiringConclusion, rebalanceConclusion, spreadPhrase, splitLabel, stillMatches } from '../../../src/state/experiments/experimentText';
import { seedPointsCsv } from '../../../src/state/playground/seedCsv';

describe('experiments URL', () => {
  it('decodes its keys, clamps with notices and round-trips', () => {
    const d = decodeExperiments(new URLSearchParams('seed=7&recipe=plain&minority=0.03&place=tail&n=500&steps=99999&hminority=0.2&nope=1'));
    expect(d.settings.config).toMatchObject({ seed: 7, recipe: 'plain', minority: 0.03, place: 'tail', points: 500, data: 'groups' });
    expect(d.settings.steps).toBe(20000);
    expect(d.settings.hiringMinority).toBe(0.2);
    expect(d.notices.join(' ')).toMatch(/Training steps/);
    expect(d.notices.join(' ')).toMatch(/nope/);
    const again = decodeExperiments(new URLSearchParams(encodeExperiments(d.settings)));
    expect(again.settings).toEqual(d.settings);
    expect(again.notices).toEqual([]);
  });

  it('writes nothing for the defaults, and writes a 20% minority (the playground default) explicitly', () => {
    expect(encodeExperiments(DEFAULT_EXPERIMENTS)).toBe('');
    expect(decodeExperiments(new URLSearchParams('')).settings).toEqual(DEFAULT_EXPERIMENTS);
    const s = { ...DEFAULT_EXPERIMENTS, config: { ...DEFAULT_EXPERIMENTS.config, minority: 0.2 } };
    expect(encodeExperiments(s)).toBe('minority=0.2');
    expect(decodeExperiments(new URLSearchParams('minority=0.2')).settings.config.minority).toBe(0.2);
  });

  it('forces the two-group data with a notice', () => {
    const d = decodeExperiments(new URLSearchParams('data=ring&steps=abc'));
    expect(d.settings.config.data).toBe('groups');
    expect(d.settings.steps).toBe(3000);
    expect(d.notices).toHaveLength(2);
  });
});

describe('captions and conclusions', () => {
  it('describes a run', () => {
    expect(splitLabel(0.1)).toBe('90/10');
    const cfg = { ...DEFAULT_CONFIG, minority: 0.03, seed: 6 };
    expect(describeRun({ config: cfg, seeds: [6, 7, 8], steps: 3000, recipe: 'plain' })).toBe('97/3, minority in the majority’s tail, 2,000 points, plain recipe, 3,000 steps, seeds 6–8');
    expect(stillMatches(cfg, { ...cfg, seed: 9, recipe: 'plain', speed: 2 })).toBe(true);
    expect(stillMatches(cfg, { ...cfg, minority: 0.1 })).toBe(false);
    expect(emphasisedGroup([{ id: 'majority', label: 'Majority' }, { id: 'minority', label: 'Minority' }])).toBe(1);
    expect(emphasisedGroup([{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], [0.5, 0.5])).toBe(-1);
    expect(emphasisedGroup([{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], [0.7, 0.3])).toBe(1);
  });

  const arm = (id: ArmResult['id'], coverage: number, std: [number, number], n = 1600): ArmResult => ({
    id, label: id, points: new Float32Array(2 * n), n, requested: 1600, drawn: n, coverage, std, mean: [0, 0], covered: new Uint8Array(1000),
  });
  const rebalance = (a: ArmResult, b: ArmResult): RebalanceResult =>
    ({
      counts: { majority: 1800, minority: 200, topUp: 1600 },
      heldOutStd: [0.1, 0.1],
      arms: { fullGan: a, minorityGan: b, freshReal: arm('fresh-real', 0.99, [0.1, 0.1]) },
    }) as unknown as RebalanceResult;

  it('states the rebalancing result from its numbers', () => {
    const s = rebalanceConclusion(rebalance(arm('full-gan', 0.56, [0.07, 0.07], 900), arm('minority-gan', 0.8, [0.06, 0.05])));
    expect(s).toMatch(/^Adding 1,600 synthetic minority points, \(b\) the GAN trained on the minority alone covers 80% .* \(a\) the GAN trained on all points 56% \(\(a\) found only 900 of the 1,600/);
    expect(s).toMatch(/would cover 99%\. So even the better fix misses 20% of real minority points, and its points huddle closer together/);
    expect(rebalanceConclusion(rebalance(arm('full-gan', 0.97, [0.1, 0.1]), arm('minority-gan', 0.9, [0.1, 0.1])))).toMatch(/\(a\) the GAN trained on all points covers 97%.*about as much as real data would, and its spread is close/);
    expect(spreadPhrase([0.2, 0.1], [0.1, 0.1])).toMatch(/wider/);
  });

  it('says so when the full-data GAN made no minority point at all (plain training drops it)', () => {
    const none = { ...arm('full-gan', 0, [NaN, NaN], 0), drawn: 200000 };
    const s = rebalanceConclusion(rebalance(none, arm('minority-gan', 0.8, [0.1, 0.1])));
    expect(s).toMatch(/\(a\) found none of the 1,600 minority points asked for in 200,000 draws: its forger has dropped the minority/);
    expect(s).toMatch(/its spread is close/);
    const both = rebalanceConclusion(rebalance(none, { ...arm('minority-gan', 0, [NaN, NaN], 1) }));
    expect(both).toMatch(/neither fix made enough minority points to have a spread\.$/);
    expect(both).not.toMatch(/NaN/);
  });

  it('states the hiring result from its numbers', () => {
    const r = {
      realModel: { rates: [0.62, 0.24], ratio: 0.24 / 0.62 },
      syntheticModel: { rates: [0.6, 0.23], ratio: 0.23 / 0.6 },
    } as unknown as HiringResult;
    expect(hiringConclusion(r)).toBe(
      'The model trained on synthetic applicants selects 23% of minority and 60% of majority applicants — a ratio of 0.38, which fails the four-fifths rule; trained on the real history it scores 0.39 (fails). The synthetic applicants carried the old bias over.',
    );
  });
});

describe('seed points CSV', () => {
  it('lists each seed’s generated points and its reference sample with true groups', () => {
    const r = {
      seed: 6,
      generated: Float32Array.from([0.1, 0.2, -0.3, 0.4]),
      reference: { x: Float32Array.from([0.5, 0.5, -0.5, -0.5, 0, 0]), g: Uint8Array.from([0, 1, 0]), n: 3, dim: 2 },
    } as unknown as SeedResult;
    const lines = seedPointsCsv([r], [{ id: 'majority', label: 'Majority' }, { id: 'minority', label: 'Minority' }]).trim().split('\n');
    expect(lines[0]).toBe('seed,set,index,x,y,group');
    expect(lines).toHaveLength(1 + 2 + 3);
    expect(lines[1]).toBe(`6,generated,0,${Math.fround(0.1)},${Math.fround(0.2)},`);
    expect(lines[5]).toBe('6,reference,2,0,0,majority');
    expect(lines.filter((l) => l.endsWith(',minority'))).toHaveLength(1);
  });
});
