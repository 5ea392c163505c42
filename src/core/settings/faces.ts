/** The faces view's settings table (`#/faces?darker=0.1&seed=3&size=16&backend=wasm`). */
import type { BackendChoice } from './config';
import type { SettingsTable } from './table';
import { FACE_SIZES, MAX_DARKER_SHARE, MIN_DARKER_SHARE } from '../faces/faces';
import type { FaceSize } from '../faces/faces';
import { FACES_MEMORISATION_PRESET } from '../privacy/faces';

/** The faces view's usual training set, and the small one that shows memorisation. */
export const TRAINING_FACES = 2000;
export const SMALL_TRAINING_FACES = FACES_MEMORISATION_PRESET.n;

export interface FaceSettings {
  /** Share of darker-toned faces in the training set, 0.01–0.5. */
  darker: number;
  seed: number;
  size: FaceSize;
  /** Training faces: the usual 2,000, or the memorisation preset's 32 (issue 14, item 7). */
  trainFaces: number;
  backend: BackendChoice;
}

export type FaceSection = 'data' | 'run';

export const FACES_TABLE: SettingsTable<FaceSettings, FaceSection> = {
  rows: [
    { key: 'darker', url: 'darker', kind: 'float', section: 'data', min: MIN_DARKER_SHARE, max: MAX_DARKER_SHARE, step: 0.01,
      format: 'percent', label: 'Darker share', help: 'How much of the training set has a darker skin tone.' },
    { key: 'seed', url: 'seed', kind: 'int', section: 'run', min: 1, max: 999999, step: 1,
      label: 'Seed', help: 'The same seed replays the same run exactly.' },
    { key: 'size', url: 'size', kind: 'choice', section: 'run', label: 'Image size',
      help: '32 px faces are sharper, and training takes about four times as long per step.',
      options: FACE_SIZES.map((s) => ({ value: s, label: `${s} × ${s} pixels` })) },
    { key: 'trainFaces', url: 'train', kind: 'choice', section: 'data', label: 'Training faces',
      help: 'A small training set (32 faces, a longer run) shows memorisation: generated faces that sit closer to training faces than to fresh ones.',
      options: [
        { value: TRAINING_FACES, label: `${TRAINING_FACES.toLocaleString('en-US')} faces` },
        { value: SMALL_TRAINING_FACES, label: `${SMALL_TRAINING_FACES} faces (memorisation)` },
      ] },
    { key: 'backend', url: 'backend', kind: 'enum', section: 'run', label: 'Compute backend',
      help: 'Where the arithmetic runs; automatic measures WebGL and WebAssembly on this model and picks the faster.',
      options: [
        { value: 'auto', label: 'Automatic (fastest here)' },
        { value: 'webgl', label: 'WebGL (GPU)' },
        { value: 'wasm', label: 'WebAssembly' },
        { value: 'cpu', label: 'Plain JavaScript (slow)' },
      ] },
  ],
  defaults: Object.freeze({ darker: 0.1, seed: 1, size: 16, trainFaces: TRAINING_FACES, backend: 'auto' }),
};
