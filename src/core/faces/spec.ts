/**
 * The image GAN: the same Trainer as the 2-D playground, with the data dimension set to the
 * number of pixel values (size² · 3). Defaults are the prototype that settled feasibility: an MLP
 * forger 16 → 128 → 256 → size²·3 (ReLU) ending in a tanh (pixels in [−1, 1]), an MLP detective
 * size²·3 → 256 → 128 → 1 (leaky ReLU), non-saturating loss, Adam 2e-4 with β1 = 0.5, batch 64,
 * the plain recipe (no R1, constant rate).
 */
import type { Activation } from '../settings/config';
import type { TrainerSpec } from '../gan/trainer';
import { FACE_GENERATOR_OUT } from './faces';

export interface FaceSpecOptions {
  seed: number;
  /** Image side in pixels (16 or 32). */
  size: number;
  noiseDim?: number;
  gHidden?: number[];
  gAct?: Activation;
  dHidden?: number[];
  dAct?: Activation;
  lr?: number;
  batch?: number;
  recipe?: TrainerSpec['recipe'];
}

export function faceTrainerSpec(opts: FaceSpecOptions): TrainerSpec {
  const lr = opts.lr ?? 2e-4;
  return {
    seed: opts.seed,
    dim: opts.size * opts.size * 3,
    noiseDim: opts.noiseDim ?? 16,
    noise: 'gaussian',
    generator: { hidden: opts.gHidden ?? [128, 256], act: opts.gAct ?? 'relu', out: FACE_GENERATOR_OUT },
    detective: { hidden: opts.dHidden ?? [256, 128], act: opts.dAct ?? 'leaky' },
    loss: 'nonsat',
    optimizer: 'adam',
    lrG: lr,
    lrD: lr,
    beta1: 0.5,
    dSteps: 1,
    batch: opts.batch ?? 64,
    recipe: opts.recipe ?? 'plain',
    r1Gamma: 0,
    r1Every: 1,
  };
}
