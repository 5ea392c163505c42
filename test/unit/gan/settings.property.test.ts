/**
 * Any combination of settings the controls allow builds a run and trains without throwing: the
 * losses and generated points are numbers or, at extreme learning rates, a NaN the loop reports
 * as divergence — never an exception — and every tensor is freed again. Drawn data may hold
 * points outside the domain, non-finite ones and far too many.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useCpu } from '../../shared/setup';
import { tf } from '../../../src/core/shared/tf';
import { DEFAULT_CONFIG, SETTINGS } from '../../../src/core/settings/config';
import type { Config, Setting } from '../../../src/core/settings/config';
import { cleanDrawn, makeSource, trainingSet } from '../../../src/core/data/datasets';
import type { DrawnPoint } from '../../../src/core/data/datasets';
import { Trainer, specFromConfig } from '../../../src/core/gan/trainer';
import { evaluate, makeEvalContext } from '../../../src/core/metrics/evaluate';
import { Rng } from '../../../src/core/shared/rng';

beforeAll(useCpu);

/** A value the control for `s` can produce. */
function arbitraryOf(s: Setting): fc.Arbitrary<unknown> {
  if (s.kind === 'enum') return fc.constantFrom(...s.options.map((o) => o.value));
  if (s.kind === 'int') return fc.integer({ min: s.min, max: s.max });
  if (s.kind === 'log') return fc.double({ min: Math.log10(s.min), max: Math.log10(s.max), noNaN: true }).map((e) => 10 ** e);
  return fc.double({ min: s.min, max: s.max, noNaN: true });
}

// cheap enough to train on the cpu backend: cap the sizes that only cost time
const trained = SETTINGS.filter((s) => s.key !== 'backend' && s.key !== 'speed');
const configs = fc.record(Object.fromEntries(trained.map((s) => [s.key, arbitraryOf(s)]))).map(
  (c) => ({ ...DEFAULT_CONFIG, ...c, points: Math.min(c.points as number, 600), batch: Math.min(c.batch as number, 128) }) as Config,
);
const wild = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 1e300, -0));
const drawn = fc.array(fc.record({ x: wild, y: wild, group: fc.integer({ min: -3, max: 5 }) }), { minLength: 1, maxLength: 60 });

describe('settings (property-based)', () => {
  it('every combination the controls allow trains a few steps without throwing or leaking', () => {
    fc.assert(
      fc.property(configs, drawn, (cfg, points: DrawnPoint[]) => {
        const usable = cleanDrawn(points);
        if (cfg.data === 'drawn' && usable.length === 0) {
          // nothing drawn that can be used: the source says so in words
          expect(() => makeSource(cfg, points)).toThrow(/Draw at least one point/);
          return;
        }
        const before = tf.memory().numTensors;
        const source = makeSource(cfg, points);
        const trainer = new Trainer(specFromConfig(cfg), trainingSet(source, cfg.points, cfg.seed));
        try {
          for (let i = 0; i < 3; i++) trainer.step();
          expect(trainer.steps).toBe(3);
          const e = evaluate(trainer, makeEvalContext(source, cfg.seed), new Rng(cfg.seed));
          expect(e.accuracy.overall).toBeGreaterThanOrEqual(0);
          expect(e.accuracy.overall).toBeLessThanOrEqual(1);
          expect(e.shares.groups.length).toBe(source.groups.length);
        } finally {
          trainer.dispose();
        }
        expect(tf.memory().numTensors).toBe(before);
      }),
      { numRuns: 40 },
    );
  });

  it('drawn points: non-finite ones are dropped, the rest land in the domain, at most MAX_DRAWN', () => {
    fc.assert(
      fc.property(drawn, (points: DrawnPoint[]) => {
        const out = cleanDrawn(points);
        expect(out.length).toBe(points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).length);
        for (const p of out) {
          expect(Math.abs(p.x)).toBeLessThanOrEqual(1);
          expect(Math.abs(p.y)).toBeLessThanOrEqual(1);
          expect([0, 1]).toContain(p.group);
        }
      }),
      { numRuns: 300 },
    );
  });
});
