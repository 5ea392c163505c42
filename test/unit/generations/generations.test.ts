import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../../shared/setup';
import { tf } from '../../../src/core/shared/tf';
import { Rng } from '../../../src/core/shared/rng';
import { DEFAULT_CONFIG } from '../../../src/core/settings/config';
import { makeSource } from '../../../src/core/data/datasets';
import { makeEvalContext } from '../../../src/core/metrics/evaluate';
import { jsOfPoints, JS_SAMPLES } from '../../../src/core/metrics/metrics';
import { fitGaussianMixture, sampleGaussianMixture } from '../../../src/core/generations/gaussianMixture';
import { freshRealSample, generationSeed, runGenerations, UNASSIGNED } from '../../../src/core/generations/generations';
import type { GenerationsArgs } from '../../../src/core/generations/generations';

const config = { ...DEFAULT_CONFIG, data: 'groups' as const, minority: 0.1, place: 'tail' as const, points: 200, seed: 7, batch: 32 };
const gan: GenerationsArgs = { config, policies: ['replace', 'accumulate', 'fresh'], generations: 3, freshFraction: 0.5, stepsPerGeneration: 10, generator: 'gan', sampleSize: 64 };

describe('generations experiment', () => {
  beforeAll(useCpu);

  it('runs deterministically from its seed (two GAN runs equal), frees its tensors, and shares generation 0 across policies', () => {
    const before = tf.memory().numTensors;
    const a = runGenerations(gan)!;
    expect(tf.memory().numTensors).toBe(before);
    const b = runGenerations(gan)!;
    expect(a.runs[0].generations.length).toBe(3);
    expect(b).toEqual(a);
    expect(a.runs.map((r) => r.policy)).toEqual(['replace', 'accumulate', 'fresh']);
    const g0 = a.runs.map((r) => r.generations[0].js);
    expect(g0[1]).toBe(g0[0]);
    expect(g0[2]).toBe(g0[0]);
    // later generations differ between policies (they learn from different data)
    expect(a.runs[0].generations[2].js).not.toBe(a.runs[1].generations[2].js);
    for (const g of a.runs[0].generations) {
      expect(g.steps).toBe(10);
      expect(g.sample.length).toBe(128);
      expect(g.js).toBeGreaterThan(0);
      expect(g.shares.reduce((s, v) => s + v, 0) + g.offData).toBeCloseTo(1, 9);
      expect(g.spread.total).toBeCloseTo(g.spread.x + g.spread.y, 12);
    }
    const stopped = runGenerations(gan, (p) => !(p.policy === 'accumulate' && p.generation === 1));
    expect(stopped).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains generation 0 once for all policies, and its progress climbs to 1 without going back', () => {
    const seen: { policy: string; generation: number; done: number }[] = [];
    runGenerations(gan, (p) => void seen.push({ policy: p.policy, generation: p.generation, done: p.done }));
    // generation 0 is reported under the first policy only: one model, not one per policy
    expect(new Set(seen.filter((p) => p.generation === 0).map((p) => p.policy))).toEqual(new Set(['replace']));
    for (let i = 1; i < seen.length; i++) expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done);
    expect(seen.at(-1)!.done).toBeCloseTo(1, 12);
    // every later generation of every policy is trained
    for (const policy of ['replace', 'accumulate', 'fresh']) for (const k of [1, 2]) expect(seen.some((p) => p.policy === policy && p.generation === k), `${policy} ${k}`).toBe(true);
  });

  it('sizes the training sets as documented: replace n synthetic, accumulate (k+1)·n with n real, fresh half real', () => {
    const r = runGenerations({ ...gan, generator: 'gmm', generations: 4 })!;
    const size = (p: number) => r.runs[p].generations.map((g) => [g.trainingSize, g.realInTraining]);
    expect(size(0)).toEqual([[200, 200], [200, 0], [200, 0], [200, 0]]);
    expect(size(1)).toEqual([[200, 200], [400, 200], [600, 200], [800, 200]]);
    expect(size(2)).toEqual([[200, 200], [200, 100], [200, 100], [200, 100]]);
    expect(r.minority).toBe(1);
    expect(r.real.shares[1]).toBe(205 / 2048); // the stratified 10% of the 2,048-point reference
  });

  it('fresh real with fraction 1 is retraining on a new real sample each generation (independent mixture fits give the same numbers)', () => {
    const args: GenerationsArgs = { ...gan, generator: 'gmm', policies: 'fresh', freshFraction: 1, generations: 4 };
    const r = runGenerations(args)!;
    const source = makeSource(config);
    const ctx = makeEvalContext(source, config.seed);
    r.runs[0].generations.forEach((g, k) => {
      expect(g.syntheticInTraining).toBe(0);
      // an independent generation-0-style fit on generation k's real sample, written out by hand
      const data = k === 0 ? source.sample(new Rng(config.seed).fork('training-set'), 200) : freshRealSample(source, config.seed, k, 200);
      const m = fitGaussianMixture(data.x, data.n, { k: 2, rng: new Rng(generationSeed(config.seed, k)).fork('mixture-start') });
      const gen = sampleGaussianMixture(m, new Rng(config.seed).fork(`evaluate-${k}`), JS_SAMPLES);
      expect(g.js).toBe(jsOfPoints(gen, JS_SAMPLES, ctx.reference.x, ctx.reference.n));
      expect(g.steps).toBe(m.iterations);
    });
    // and it is not what replace does from generation 1 on
    const rep = runGenerations({ ...args, policies: 'replace' })!;
    expect(rep.runs[0].generations[0].js).toBe(r.runs[0].generations[0].js);
    expect(rep.runs[0].generations[1].js).not.toBe(r.runs[0].generations[1].js);
  });

  it('labels generated points by the real density (off-data as UNASSIGNED) and rejects bad arguments', () => {
    const r = runGenerations({ ...gan, generator: 'gmm', policies: 'replace', generations: 2, sampleSize: 2048 })!;
    const g = r.runs[0].generations[1];
    const counts = [0, 0, 0];
    g.sampleGroups.forEach((v) => counts[v === UNASSIGNED ? 2 : v]++);
    expect(counts[0] / 2048).toBeCloseTo(g.shares[0], 9);
    expect(counts[1] / 2048).toBeCloseTo(g.shares[1], 9);
    expect(() => runGenerations({ ...gan, generations: 11 })).toThrow(/generations/);
    expect(() => runGenerations({ ...gan, freshFraction: 1.5 })).toThrow(/freshFraction/);
    expect(() => runGenerations({ ...gan, policies: ['copy' as 'replace'] })).toThrow(/policy/);
  });
});
