/**
 * Measurement script for the faces GAN, skipped unless FACES_EXPLORE=1. Trains on the wasm
 * backend and prints, every EVERY steps, the darker share of 512 generated faces (on-palette and
 * of all), the off-palette share and the speed; PNG=1 also writes an 8×8 grid of generated faces
 * to /tmp at the last step. Example:
 *   FACES_EXPLORE=1 SHARES=0.1,0.5 SEEDS=1,2,3 STEPS=1000 EVERY=100 npx vitest run --project unit \
 *     test/unit/faces-explore.test.ts --disableConsoleIntercept
 */
import { it } from 'vitest';
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../../src/core/tf';
import { Rng } from '../../src/core/rng';
import { Trainer } from '../../src/core/gan/trainer';
import { DARKER, makeFaceSet } from '../../src/core/faces/faces';
import { faceTrainerSpec } from '../../src/core/faces/spec';
import { groupSharesOfImages } from '../../src/core/faces/toneClassifier';
import { patchWasmMatMul } from '../../src/core/wasmMatMul';
import { writeFaceGrid } from './facesPng';

const env = process.env;
const list = (v: string | undefined, d: string) => (v ?? d).split(',').map(Number);

it.runIf(env.FACES_EXPLORE)('explore the faces GAN', async () => {
  await tf.setBackend(env.BACKEND ?? 'wasm');
  await tf.ready();
  if (tf.getBackend() === 'wasm' && !env.NO_PATCH) patchWasmMatMul();
  const size = Number(env.SIZE ?? 16);
  const steps = Number(env.STEPS ?? 500);
  const every = Number(env.EVERY ?? 100);
  const over = JSON.parse(env.SPEC ?? '{}');
  for (const share of list(env.SHARES, '0.1,0.5')) {
    for (const seed of list(env.SEEDS, '1')) {
      const data = makeFaceSet({ n: 2000, darkerShare: share, size, seed });
      const tr = new Trainer({ ...faceTrainerSpec({ seed, size }), ...over }, data);
      let line = `share ${share} seed ${seed}`;
      let ms = 0;
      for (let s = 1; s <= steps; s++) {
        const t0 = performance.now();
        tr.step();
        ms += performance.now() - t0;
        if (s % every) continue;
        const imgs = tr.sample(new Rng(seed).fork('faces-claim-eval'), 512);
        const x = await imgs.data();
        imgs.dispose();
        const sh = groupSharesOfImages(x, 512, size);
        line += `\n  ${s}: darker ${sh.onPalette[DARKER].toFixed(3)} on-palette, ${sh.groups[DARKER].toFixed(3)} of all, off ${sh.offPalette.toFixed(3)}`;
        if (s === steps && env.PNG) writeFaceGrid(`/tmp/faces-gen-${size}-${share}-seed${seed}-step${s}.png`, x, 64, size);
      }
      console.log(`${line}\n  ${(ms / steps).toFixed(1)} ms/step (${tf.getBackend()}), tensors ${tf.memory().numTensors}`);
      tr.dispose();
    }
  }
});
