/**
 * The bench view's settings table (`#/bench?backend=wasm&recipe=plain&steps=2000&hcap=60`).
 * The seed list (`seeds=1-3` or `seeds=1,4,9`) is not a single setting and is read beside it.
 */
import { settingFor } from './config';
import type { BackendChoice, Recipe } from './config';
import type { EnumRow, NumberRow, SettingsTable } from './table';

export interface BenchSettings {
  backend: BackendChoice;
  recipe: Recipe;
  steps: number;
  headlessCapSeconds: number;
  maxSteps: number;
  capSeconds: number;
  checkEvery: number;
  referenceMs: number;
}

const int = <K extends keyof BenchSettings & string>(key: K, url: string, min: number, max: number, label: string, help: string): NumberRow<K, 'run'> =>
  ({ key, url, kind: 'int', section: 'run', min, max, step: 1, label, help });

export const BENCH_TABLE: SettingsTable<BenchSettings, 'run'> = {
  rows: [
    { ...(settingFor('backend') as EnumRow<'backend'>), section: 'run' },
    { ...(settingFor('recipe') as EnumRow<'recipe'>), section: 'run' },
    int('steps', 'steps', 0, 200000, 'Headless steps', 'Training steps of the headless run, which is also the tensor-leak check.'),
    int('headlessCapSeconds', 'hcap', 1, 3600, 'Headless time cap (s)', 'Stop the headless run after this many seconds even if its steps are not done.'),
    int('maxSteps', 'max', 100, 100000, 'Steps to converge, at most', 'Give up on a seed after this many steps.'),
    int('capSeconds', 'cap', 1, 3600, 'Seconds to converge, at most', 'Give up on a seed after this many seconds.'),
    int('checkEvery', 'every', 10, 10000, 'Check every (steps)', 'Convergence is checked every this many steps.'),
    int('referenceMs', 'refms', 100, 60000, 'Reference time (ms)', 'How long the hand-written reference trains for its speed.'),
  ],
  defaults: Object.freeze({ backend: 'auto', recipe: 'stabilised', steps: 20000, headlessCapSeconds: 120, maxSteps: 6000, capSeconds: 40, checkEvery: 100, referenceMs: 2000 }),
};

/** The seeds of a bench link that names none. */
export const BENCH_SEEDS: readonly number[] = [1, 2, 3, 4, 5];

/** Only the seeds listed in a bench link that are whole and 1–999,999, at most 50. */
export function benchSeeds(text: string): number[] {
  const m = /^(\d+)-(\d+)$/.exec(text.trim());
  const list = m ? Array.from({ length: Math.min(50, Math.max(0, Number(m[2]) - Number(m[1]) + 1)) }, (_, i) => Number(m[1]) + i) : text.split(',').map(Number);
  return list.filter((s) => Number.isInteger(s) && s >= 1 && s <= 999999).slice(0, 50);
}
