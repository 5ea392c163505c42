import { DEFAULT_CONFIG } from '../../src/core/config';
import type { Config } from '../../src/core/config';
import { makeSource, trainingSet } from '../../src/core/datasets';
import { evaluate, makeEvalContext } from '../../src/core/evaluate';
import { Trainer, specFromConfig } from '../../src/core/gan/trainer';
import { Rng } from '../../src/core/rng';

export interface PresetResult {
  seed: number;
  accReal: number;
  accFake: number;
  jsOverFloor: number;
  accuracy: number;
  minorityShare: number;
}

/** Train a config for `steps` steps and evaluate it as the app does (2,048 samples a side). */
export function runPreset(over: Partial<Config>, steps: number): PresetResult {
  const cfg = { ...DEFAULT_CONFIG, ...over };
  const source = makeSource(cfg);
  const trainer = new Trainer(specFromConfig(cfg), trainingSet(source, cfg.points, cfg.seed));
  for (let i = 0; i < steps; i++) trainer.step();
  const e = evaluate(trainer, makeEvalContext(source, cfg.seed), new Rng(cfg.seed).fork('final-evaluation'));
  trainer.dispose();
  return { seed: cfg.seed, accReal: e.accuracy.real, accFake: e.accuracy.fake, jsOverFloor: e.js / e.floor, accuracy: e.accuracy.overall, minorityShare: e.shares.groups[1] ?? NaN };
}
