/**
 * Procedural faces and the tone classifier: determinism, labels, classifier accuracy on real
 * faces, off-palette detection, the image GAN spec, and flat tensor counts (cpu backend).
 * The bias claim itself (90/10 vs 50/50 training) is in faces-claim.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../../shared/setup';
import { tf } from '../../../src/core/shared/tf';
import { Rng } from '../../../src/core/shared/rng';
import { Trainer } from '../../../src/core/gan/trainer';
import {
  DARKER,
  FACE_GROUPS,
  FACE_PIXEL_RANGE,
  FACE_TONES,
  LIGHTER,
  TONES_OF_GROUP,
  faceRgba,
  faceSource,
  makeFaceSet,
  randomFaceParams,
  renderFace,
  toUnit,
} from '../../../src/core/faces/faces';
import {
  OFF_PALETTE,
  OFF_PALETTE_DISTANCE,
  TONE_LAB,
  classifyTone,
  deltaE,
  groupSharesOfImages,
  skinPatch,
  toneHistogram,
} from '../../../src/core/faces/toneClassifier';
import { faceTrainerSpec } from '../../../src/core/faces/spec';
import { writeFaceGrid } from '../../shared/facesPng';

const equal = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => v === b[i]);
/** A flat size×size image of one colour given as 0..1 intensities, in FACE_PIXEL_RANGE. */
const flat = (size: number, rgb: readonly number[]) =>
  Float32Array.from({ length: size * size * 3 }, (_, i) => FACE_PIXEL_RANGE[0] + (FACE_PIXEL_RANGE[1] - FACE_PIXEL_RANGE[0]) * rgb[i % 3]);

describe('the palette', () => {
  it('has six tones, light to dark, three per group', () => {
    expect(FACE_TONES.map((t) => t.id)).toEqual(['tone-1', 'tone-2', 'tone-3', 'tone-4', 'tone-5', 'tone-6']);
    expect(FACE_GROUPS.map((g) => g.id)).toEqual(['lighter', 'darker']);
    expect(TONES_OF_GROUP[LIGHTER]).toEqual([0, 1, 2]);
    expect(TONES_OF_GROUP[DARKER]).toEqual([3, 4, 5]);
    for (let i = 1; i < TONE_LAB.length; i++) {
      expect(TONE_LAB[i][0]).toBeLessThan(TONE_LAB[i - 1][0]); // lightness falls
      const step = deltaE(TONE_LAB[i], TONE_LAB[i - 1]);
      expect(step).toBeGreaterThan(10); // clearly distinct neighbours
      expect(step).toBeLessThan(OFF_PALETTE_DISTANCE + 5);
    }
  });
});

describe('face generator', () => {
  it('is deterministic: same seed, same pixels and labels; another seed differs', () => {
    const a = makeFaceSet({ n: 200, darkerShare: 0.3, size: 16, seed: 7 });
    const b = makeFaceSet({ n: 200, darkerShare: 0.3, size: 16, seed: 7 });
    const c = makeFaceSet({ n: 200, darkerShare: 0.3, size: 16, seed: 8 });
    expect(equal(a.x, b.x)).toBe(true);
    expect(equal(a.g, b.g) && equal(a.tone, b.tone)).toBe(true);
    expect(equal(a.x, c.x)).toBe(false);
    expect(equal(a.tone, c.tone)).toBe(false);
    const p = randomFaceParams(new Rng(3), DARKER);
    expect(equal(renderFace(p, 32), renderFace(p, 32))).toBe(true);
  });

  it.each([16, 32])('draws %i px images: size²·3 values in the pixel range, row-major HWC', (size) => {
    const set = makeFaceSet({ n: 50, darkerShare: 0.5, size, seed: 1 });
    expect(set.dim).toBe(size * size * 3);
    expect(set.x.length).toBe(50 * size * size * 3);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of set.x) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    expect(lo).toBeGreaterThanOrEqual(FACE_PIXEL_RANGE[0]);
    expect(hi).toBeLessThanOrEqual(FACE_PIXEL_RANGE[1]);
    // the centre pixel of the skin patch is the face's skin, close to its tone
    const k = skinPatch(size)[0];
    const rgb = [0, 1, 2].map((c) => toUnit(set.x[k * 3 + c]));
    expect(Math.max(...rgb.map((v, c) => Math.abs(v - FACE_TONES[set.tone[0]].rgb[c])))).toBeLessThan(0.06);
  });

  it('keeps exact group counts, tones within their group, and evenly split tones', () => {
    for (const [n, share, darker] of [
      [2000, 0.1, 200],
      [1000, 0.01, 10],
      [999, 0.5, 499], // a tie rounds towards the first group, as in datasets.ts
      [500, 0.25, 125],
    ] as const) {
      const set = makeFaceSet({ n, darkerShare: share, size: 16, seed: 2 });
      const counts = [0, 0];
      const perTone = FACE_TONES.map(() => 0);
      for (let i = 0; i < n; i++) {
        counts[set.g[i]]++;
        perTone[set.tone[i]]++;
        expect(FACE_TONES[set.tone[i]].group).toBe(set.g[i]);
      }
      expect(counts[DARKER]).toBe(darker);
      expect(counts[LIGHTER]).toBe(n - darker);
      for (const gi of [LIGHTER, DARKER]) {
        const c = TONES_OF_GROUP[gi].map((t) => perTone[t]);
        expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('converts to RGBA bytes for display', () => {
    const img = flat(2, [0, 0.5, 1]);
    expect(Array.from(faceRgba(img, 2).slice(0, 8))).toEqual([0, 128, 255, 255, 0, 128, 255, 255]);
    expect(toUnit(FACE_PIXEL_RANGE[0])).toBe(0);
    expect(toUnit(FACE_PIXEL_RANGE[1])).toBe(1);
  });

  it('clamps the darker share to 1–50%', () => {
    expect(faceSource(0, 16).shares).toEqual([0.99, 0.01]);
    expect(faceSource(0.8, 16).shares).toEqual([0.5, 0.5]);
  });

  it.runIf(process.env.FACES_PNG)('writes 8×8 grids of real faces to /tmp (FACES_PNG=1)', () => {
    for (const size of [16, 32]) {
      const set = makeFaceSet({ n: 64, darkerShare: 0.5, size, seed: 1 });
      writeFaceGrid(`/tmp/faces-real-${size}.png`, set.x, 64, size, 8, 4);
    }
  });
});

describe('tone classifier', () => {
  it.each([
    [16, 2000],
    [32, 1000],
  ])('gets the group (and tone) of real %i px faces right', (size, n) => {
    const set = makeFaceSet({ n, darkerShare: 0.5, size, seed: 11 });
    let group = 0;
    let tone = 0;
    let worst = 0;
    for (let k = 0; k < n; k++) {
      const r = classifyTone(set.x, size, k);
      if (r.group === set.g[k]) group++;
      if (r.tone === set.tone[k]) tone++;
      worst = Math.max(worst, r.distance);
    }
    // measured: 100% group and tone on both sizes; worst ΔE 4.7 (16 px) / 2.3 (32 px), mean ~1
    expect(group / n).toBeGreaterThanOrEqual(0.98);
    expect(group / n).toBe(1);
    expect(tone / n).toBe(1);
    expect(worst).toBeLessThan(OFF_PALETTE_DISTANCE);
  });

  it('uses a patch of plain skin in the middle of the face', () => {
    for (const size of [16, 32]) {
      const patch = skinPatch(size);
      expect(patch.length).toBeGreaterThanOrEqual(size === 16 ? 20 : 80);
      for (const k of patch) {
        const [x, y] = [(k % size) / size, Math.floor(k / size) / size];
        expect(Math.abs(x + 0.5 / size - 0.5)).toBeLessThan(0.25);
        expect(y).toBeGreaterThan(0.4);
        expect(y).toBeLessThan(0.85);
      }
    }
  });

  it('calls green, grey, blue and background-only images off-palette', () => {
    const size = 16;
    const fill = (rgb: readonly number[]) => flat(size, rgb);
    for (const rgb of [
      [0, 1, 0],
      [0.5, 0.5, 0.5],
      [0.2, 0.3, 0.9],
      [0.68, 0.82, 0.93],
      [0, 0, 0],
      [1, 1, 1],
    ]) {
      const r = classifyTone(fill(rgb), size);
      expect(r.tone).toBe(OFF_PALETTE);
      expect(r.group).toBe(OFF_PALETTE);
      expect(r.distance).toBeGreaterThan(OFF_PALETTE_DISTANCE);
    }
    // a flat image in a palette tone is that tone
    FACE_TONES.forEach((t, i) => expect(classifyTone(fill(t.rgb), size).tone).toBe(i));
  });

  it('counts tones and group shares of a batch', () => {
    const size = 16;
    const set = makeFaceSet({ n: 600, darkerShare: 0.2, size, seed: 5 });
    const h = toneHistogram(set.x, set.n, size);
    expect(h.tones).toEqual([160, 160, 160, 40, 40, 40]);
    expect(h.offPalette).toBe(0);
    const s = groupSharesOfImages(set.x, set.n, size);
    expect(s.groups[DARKER]).toBeCloseTo(0.2, 10);
    expect(s.onPalette[LIGHTER]).toBeCloseTo(0.8, 10);
    expect(s.offPalette).toBe(0);
    // append 200 green images: off-palette share 0.25, on-palette shares unchanged
    const mixed = new Float32Array((600 + 200) * set.dim);
    mixed.set(set.x);
    const green = flat(size, [0, 1, 0]);
    for (let j = 0; j < 200; j++) mixed.set(green, (600 + j) * set.dim);
    const m = groupSharesOfImages(mixed, 800, size);
    expect(m.offPalette).toBeCloseTo(0.25, 10);
    expect(m.groups[DARKER]).toBeCloseTo(0.15, 10);
    expect(m.onPalette[DARKER]).toBeCloseTo(0.2, 10);
  });
});

describe('image GAN spec', () => {
  beforeAll(useCpu);

  it('is the prototype: 16 → 128 → 256 → size²·3 tanh forger, size²·3 → 256 → 128 → 1 detective', () => {
    const spec = faceTrainerSpec({ seed: 1, size: 16 });
    expect(spec).toMatchObject({
      dim: 768,
      noiseDim: 16,
      generator: { hidden: [128, 256], out: 'tanh' },
      detective: { hidden: [256, 128], act: 'leaky' },
      loss: 'nonsat',
      optimizer: 'adam',
      lrG: 2e-4,
      lrD: 2e-4,
      beta1: 0.5,
      batch: 64,
      recipe: 'plain',
      r1Gamma: 0,
      dSteps: 1,
    });
    expect(faceTrainerSpec({ seed: 1, size: 32 }).dim).toBe(3072);
  });

  it('trains with the shared Trainer, outputs pixels in range, and leaks no tensors', () => {
    const size = 16;
    const data = makeFaceSet({ n: 256, darkerShare: 0.1, size, seed: 1 });
    const tr = new Trainer(faceTrainerSpec({ seed: 1, size, batch: 16 }), data);
    tr.step(); // creates the optimisers' state
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) tr.step();
    const imgs = tr.sample(new Rng(1), 8);
    const px = imgs.dataSync();
    imgs.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(px.length).toBe(8 * data.dim);
    expect(Math.min(...px)).toBeGreaterThanOrEqual(FACE_PIXEL_RANGE[0]);
    expect(Math.max(...px)).toBeLessThanOrEqual(FACE_PIXEL_RANGE[1]);
    tr.dispose();
  });
});
