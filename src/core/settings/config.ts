/**
 * Every setting of a run: default, range, URL key, label and a one-line explanation.
 * This is the single source for the controls, for URL clamping and for lesson validation; the
 * other views declare their tables in the same format (table.ts) next to this one.
 */
import { clampNumber } from './table';
import type { EnumRow, NumberRow, SettingsTable } from './table';

export type Activation = 'relu' | 'leaky' | 'tanh';
export type LossKind = 'minimax' | 'nonsat' | 'lsgan';
export type OptimizerKind = 'adam' | 'sgd';
export type NoiseKind = 'gaussian' | 'uniform';
export type Recipe = 'stabilised' | 'plain';
export type DatasetKind = 'groups' | 'ring' | 'curve' | 'square' | 'drawn';
export type Placement = 'separate' | 'overlap' | 'tail';
export type BackendChoice = 'auto' | 'webgl' | 'wasm' | 'cpu';

export interface Config {
  seed: number;
  data: DatasetKind;
  minority: number;
  place: Placement;
  points: number;
  recipe: Recipe;
  loss: LossKind;
  optimizer: OptimizerKind;
  lrG: number;
  lrD: number;
  dSteps: number;
  batch: number;
  noiseDim: number;
  noise: NoiseKind;
  gLayers: number;
  gNeurons: number;
  gAct: Activation;
  dLayers: number;
  dNeurons: number;
  dAct: Activation;
  backend: BackendChoice;
  speed: number;
  /** DP-SGD on the detective: '0' off, '1' on (core/gan/dp.ts). */
  dp: '0' | '1';
  /** DP-SGD clipping norm C. */
  clip: number;
  /** DP-SGD noise multiplier σ. */
  sigma: number;
  /** δ of the privacy budget; 0 means 1/n. */
  delta: number;
}

export type SettingSection = 'data' | 'training' | 'forger' | 'detective' | 'privacy' | 'run';

/** The playground's rows in the shared table format (core/settings/table.ts). */
export type NumberSetting<K extends keyof Config = keyof Config> = NumberRow<K, SettingSection>;
export type EnumSetting<K extends keyof Config = keyof Config> = EnumRow<K, SettingSection>;
export type Setting = NumberSetting | EnumSetting;

const activations = [
  { value: 'relu', label: 'ReLU' },
  { value: 'leaky', label: 'leaky ReLU' },
  { value: 'tanh', label: 'tanh' },
];

export const SETTINGS: readonly Setting[] = [
  { key: 'data', url: 'data', kind: 'enum', section: 'data', label: 'Real data',
    help: 'The points the forger must learn to imitate.',
    options: [
      { value: 'groups', label: 'Two groups' },
      { value: 'ring', label: 'Ring of 8' },
      { value: 'curve', label: 'Curve' },
      { value: 'square', label: 'Uniform square' },
      { value: 'drawn', label: 'Draw your own' },
    ] },
  { key: 'minority', url: 'minority', kind: 'float', section: 'data', min: 0.01, max: 0.5, step: 0.01,
    format: 'percent', label: 'Minority share',
    help: 'How much of the real data belongs to the smaller group.' },
  { key: 'place', url: 'place', kind: 'enum', section: 'data', label: 'Minority sits',
    help: 'Where the smaller group lies relative to the larger one.',
    options: [
      { value: 'separate', label: 'in its own cluster' },
      { value: 'overlap', label: 'overlapping the majority' },
      { value: 'tail', label: 'in the majority’s tail' },
    ] },
  { key: 'points', url: 'n', kind: 'int', section: 'data', min: 16, max: 5000, step: 16,
    label: 'Training points', help: 'How many real points the detective gets to see.' },
  { key: 'recipe', url: 'recipe', kind: 'enum', section: 'training', label: 'Training recipe',
    help: 'Stabilised adds a gradient penalty to the detective and slows learning over time; plain does neither.',
    options: [
      { value: 'stabilised', label: 'Stabilised (R1 + decay)' },
      { value: 'plain', label: 'Plain' },
    ] },
  { key: 'loss', url: 'loss', kind: 'enum', section: 'training', label: 'Loss',
    help: 'How each player scores a round.',
    options: [
      { value: 'nonsat', label: 'Non-saturating' },
      { value: 'minimax', label: 'Minimax (original)' },
      { value: 'lsgan', label: 'Least squares' },
    ] },
  { key: 'optimizer', url: 'opt', kind: 'enum', section: 'training', label: 'Optimizer',
    help: 'The rule that turns a gradient into a weight change.',
    options: [
      { value: 'adam', label: 'Adam' },
      { value: 'sgd', label: 'Plain SGD' },
    ] },
  { key: 'lrG', url: 'lrg', kind: 'log', section: 'forger', min: 1e-5, max: 1e-1, format: 'exp',
    label: 'Forger learning rate', help: 'How big a step the forger takes after each round.' },
  { key: 'lrD', url: 'lrd', kind: 'log', section: 'detective', min: 1e-5, max: 1e-1, format: 'exp',
    label: 'Detective learning rate', help: 'How big a step the detective takes after each round.' },
  { key: 'dSteps', url: 'k', kind: 'int', section: 'training', min: 1, max: 10, step: 1,
    label: 'Detective steps per forger step', help: 'How many times the detective trains before the forger answers.' },
  { key: 'batch', url: 'batch', kind: 'int', section: 'training', min: 8, max: 512, step: 8,
    label: 'Batch size', help: 'Real and fake points looked at in each training step.' },
  { key: 'noiseDim', url: 'nz', kind: 'int', section: 'forger', min: 1, max: 4, step: 1,
    label: 'Noise inputs', help: 'How many random numbers the forger starts each point from.' },
  { key: 'noise', url: 'noise', kind: 'enum', section: 'forger', label: 'Noise shape',
    help: 'The distribution of the forger’s random starting numbers.',
    options: [
      { value: 'gaussian', label: 'Gaussian' },
      { value: 'uniform', label: 'Uniform' },
    ] },
  { key: 'gLayers', url: 'gl', kind: 'int', section: 'forger', min: 0, max: 4, step: 1,
    label: 'Forger hidden layers', help: 'Depth of the forger network; 0 means a straight line map.' },
  { key: 'gNeurons', url: 'gn', kind: 'int', section: 'forger', min: 2, max: 64, step: 1,
    label: 'Forger neurons per layer', help: 'Width of each hidden layer of the forger.' },
  { key: 'gAct', url: 'ga', kind: 'enum', section: 'forger', label: 'Forger activation',
    help: 'The bend each forger neuron applies.', options: activations },
  { key: 'dLayers', url: 'dl', kind: 'int', section: 'detective', min: 0, max: 4, step: 1,
    label: 'Detective hidden layers', help: 'Depth of the detective network; 0 means a straight line boundary.' },
  { key: 'dNeurons', url: 'dn', kind: 'int', section: 'detective', min: 2, max: 64, step: 1,
    label: 'Detective neurons per layer', help: 'Width of each hidden layer of the detective.' },
  { key: 'dAct', url: 'da', kind: 'enum', section: 'detective', label: 'Detective activation',
    help: 'The bend each detective neuron applies.', options: activations },
  { key: 'dp', url: 'dp', kind: 'enum', section: 'privacy', label: 'Private training (DP-SGD)',
    help: 'Trains the detective, the only player that reads real data, with clipped and noised updates.',
    options: [
      { value: '0', label: 'Off' },
      { value: '1', label: 'On' },
    ] },
  { key: 'clip', url: 'clip', kind: 'log', section: 'privacy', min: 0.01, max: 10, format: 'plain',
    label: 'Clip norm C',
    help: 'The most any one real point can push the detective in a step: each point’s update is shrunk to at most this size.' },
  { key: 'sigma', url: 'sigma', kind: 'float', section: 'privacy', min: 0, max: 10, step: 0.05, format: 'plain',
    label: 'Noise multiplier σ',
    help: 'How much random noise hides each step’s sum, as a multiple of C; 0 means no noise and no privacy promise.' },
  { key: 'delta', url: 'delta', kind: 'float', section: 'privacy', min: 0, max: 0.1, step: 1e-6, format: 'exp', zeroLabel: '1/n',
    label: 'δ of the budget',
    help: 'The small chance the privacy promise is allowed to fail; 0 means 1/n (one over the training points).' },
  { key: 'seed', url: 'seed', kind: 'int', section: 'run', min: 1, max: 999999, step: 1,
    label: 'Seed', help: 'The same seed replays the same run exactly.' },
  { key: 'backend', url: 'backend', kind: 'enum', section: 'run', label: 'Compute backend',
    help: 'Where the arithmetic runs; automatic measures and picks the fastest.',
    options: [
      { value: 'auto', label: 'Automatic' },
      { value: 'webgl', label: 'WebGL (GPU)' },
      { value: 'wasm', label: 'WebAssembly' },
      { value: 'cpu', label: 'Plain JavaScript' },
    ] },
  { key: 'speed', url: 'speed', kind: 'log', section: 'run', min: 0.1, max: 4, format: 'plain',
    label: 'Speed', help: 'Share of each frame spent training; lower it to watch slowly.' },
];

export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze({
  seed: 1,
  data: 'groups',
  minority: 0.2,
  place: 'tail',
  points: 2000,
  recipe: 'stabilised',
  loss: 'nonsat',
  optimizer: 'adam',
  lrG: 1.5e-3,
  lrD: 1.5e-3,
  dSteps: 1,
  batch: 64,
  noiseDim: 4,
  noise: 'gaussian',
  gLayers: 3,
  gNeurons: 32,
  gAct: 'relu',
  dLayers: 2,
  dNeurons: 32,
  dAct: 'leaky',
  backend: 'auto',
  speed: 1,
  dp: '0',
  clip: 1,
  sigma: 1,
  delta: 0,
});

export function settingFor(key: keyof Config): Setting {
  const s = SETTINGS.find((x) => x.key === key);
  if (!s) throw new Error(`no setting ${String(key)}`);
  return s;
}

/** The playground's settings table: what its controls show and its link carries. */
export const PLAYGROUND_TABLE: SettingsTable<Config, SettingSection> = { rows: SETTINGS, defaults: DEFAULT_CONFIG };

/** Clamp a number into a setting's range (integers rounded, others to 4 significant digits); NaN gives null. */
export const clampSetting = (s: NumberSetting, v: number): number | null => clampNumber(s, v);

/** Settings that change the model or data: changing them starts a new run. `speed` and `backend` do not. */
export const RUN_KEYS: readonly (keyof Config)[] = SETTINGS.map((s) => s.key).filter(
  (k) => k !== 'speed' && k !== 'backend',
);

/** Which settings make sense for a data set (the minority controls only for two groups). */
export function settingApplies(key: keyof Config, cfg: Config): boolean {
  if (key === 'minority' || key === 'place') return cfg.data === 'groups';
  if (key === 'gNeurons' || key === 'gAct') return cfg.gLayers > 0;
  if (key === 'dNeurons' || key === 'dAct') return cfg.dLayers > 0;
  if (key === 'clip' || key === 'sigma' || key === 'delta') return cfg.dp === '1';
  return true;
}

/** δ of a run's privacy budget: the setting, or 1/n when it is 0. */
export function deltaOf(cfg: Pick<Config, 'delta'>, n: number): number {
  return cfg.delta > 0 ? cfg.delta : 1 / n;
}

/** Learning-rate multiplier at a step: the stabilised recipe decays linearly to 1/10 over 3,000 steps. */
export const DECAY_STEPS = 3000;
export const DECAY_FLOOR = 0.1;
export const R1_GAMMA = 10;
export function lrScale(recipe: Recipe, step: number): number {
  if (recipe === 'plain') return 1;
  const t = Math.min(1, step / DECAY_STEPS);
  return 1 - (1 - DECAY_FLOOR) * t;
}
