import { DEFAULT_CONFIG } from '../../src/core/settings/config';
import type { Config } from '../../src/core/settings/config';
import { makeSource, trainingSet } from '../../src/core/data/datasets';
import { Trainer, specFromConfig } from '../../src/core/gan/trainer';

/** A trainer for a playground config (defaults overridden by `over`). */
export function trainerFor(over: Partial<Config> = {}): Trainer {
  const cfg = { ...DEFAULT_CONFIG, ...over };
  const source = makeSource(cfg);
  return new Trainer(specFromConfig(cfg), trainingSet(source, cfg.points, cfg.seed));
}

export function weightsOf(vars: { dataSync(): ArrayLike<number> }[]): number[][] {
  return vars.map((v) => Array.from(v.dataSync()));
}
