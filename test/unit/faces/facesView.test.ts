/**
 * The faces view's pure parts (cpu backend): the URL codec, the evaluation (shares, the minimum
 * count, the sentence), the loop (slices, light and full readbacks, stale generations dropped,
 * flat tensor count) and the headless seed run the worker calls.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../../shared/setup';
import { tf } from '../../../src/core/shared/tf';
import { Rng } from '../../../src/core/shared/rng';
import { Trainer } from '../../../src/core/gan/trainer';
import { DARKER, FACE_PIXEL_RANGE, FACE_TONES, LIGHTER, makeFaceSet } from '../../../src/core/faces/faces';
import { faceTrainerSpec } from '../../../src/core/faces/spec';
import { OFF_PALETTE, groupSharesOfImages } from '../../../src/core/faces/toneClassifier';
import type { LoopHost } from '../../../src/core/loop/loop';
import { DEFAULT_FACE_SETTINGS, decodeFaces, encodeFaces, splitLabel } from '../../../src/state/faces/facesSettings';
import { MIN_COUNTED, countTones, evaluateFaces, realSharesOf, sharesOf } from '../../../src/core/faces/evaluate';
import { describeFaces } from '../../../src/state/faces/facesText';
import { FacesLoop } from '../../../src/core/faces/loop';
import type { FacesReadback } from '../../../src/core/faces/loop';
import { runFaceSeed } from '../../../src/workers/faces/facesRun';

beforeAll(useCpu);

describe('faces URL codec', () => {
  it('round-trips settings and writes only non-defaults', () => {
    const s = { darker: 0.03, seed: 7, size: 32 as const, trainFaces: 32, backend: 'wasm' as const };
    const q = encodeFaces(s, { present: '1' });
    expect(q).toBe('darker=0.03&seed=7&size=32&train=32&backend=wasm&present=1');
    expect(decodeFaces(new URLSearchParams(q))).toEqual({ settings: s, notices: [] });
    expect(encodeFaces(DEFAULT_FACE_SETTINGS)).toBe('');
  });

  it('clamps, ignores and explains bad values', () => {
    const d = decodeFaces(new URLSearchParams('darker=0.9&seed=banana&size=20&backend=gpu&zzz=1&play=1&darker=0.2'));
    expect(d.settings).toEqual({ ...DEFAULT_FACE_SETTINGS, darker: 0.5 });
    const text = d.notices.join(' ');
    for (const bit of ['Darker share', 'Seed', 'Image size', 'Compute backend', 'zzz', 'twice']) expect(text).toContain(bit);
    expect(d.notices.length).toBe(6);
    expect(decodeFaces(new URLSearchParams('darker=0.004')).settings.darker).toBe(0.01);
    expect(decodeFaces(new URLSearchParams('seed=2.5')).settings.seed).toBe(3);
  });

  it('labels splits', () => {
    expect(splitLabel(0.1)).toBe('90/10');
    expect(splitLabel(0.03)).toBe('97/3');
    expect(splitLabel(0.5)).toBe('50/50');
    expect(splitLabel(0.125)).toBe('87.5/12.5');
  });
});

describe('faces evaluation', () => {
  it('counts shares among faces with a recognisable tone, and the ratio against the real share', () => {
    // 100 faces: 60 tone 1, 20 tone 5, 20 off-palette
    const tones = Int8Array.from({ length: 100 }, (_, i) => (i < 60 ? 0 : i < 80 ? 4 : OFF_PALETTE));
    const c = countTones(tones);
    expect(c.tones).toEqual([60, 0, 0, 0, 20, 0]);
    const s = sharesOf(c, [0.9, 0.1]);
    expect(s.counted).toBe(80);
    expect(s.groups[LIGHTER]).toBeCloseTo(0.75, 12);
    expect(s.groups[DARKER]).toBeCloseTo(0.25, 12);
    expect(s.groupsOfAll[DARKER]).toBeCloseTo(0.2, 12);
    expect(s.offPalette).toBeCloseTo(0.2, 12);
    expect(s.ratio[DARKER]).toBeCloseTo(2.5, 12);
  });

  it('shows no share while too few faces have a recognisable tone', () => {
    const tones = Int8Array.from({ length: 512 }, (_, i) => (i < MIN_COUNTED - 1 ? 1 : OFF_PALETTE));
    const s = sharesOf(countTones(tones), [0.9, 0.1]);
    expect(s.groups.every((v) => Number.isNaN(v))).toBe(true);
    expect(s.ratio.every((v) => Number.isNaN(v))).toBe(true);
    const e = { counts: countTones(tones), shares: s, accuracy: { overall: 0.9, real: 1, fake: 0.8 } };
    expect(describeFaces(300, e, [0.9, 0.1])).toMatch(/only 47 of 512 generated faces have a recognisable skin tone/);
  });

  it('agrees with the core classifier on real faces and says it in words', () => {
    const set = makeFaceSet({ n: 300, darkerShare: 0.1, size: 16, seed: 4 });
    const real = realSharesOf(set);
    expect(real[DARKER]).toBeCloseTo(0.1, 12);
    const e = evaluateFaces(set.x, set.n, 16, real, [0.9, 0.2], [0.1, 0.4]);
    const core = groupSharesOfImages(set.x, set.n, 16);
    expect(e.shares.groups).toEqual(core.onPalette);
    expect(e.shares.offPalette).toBe(core.offPalette);
    expect(e.counts.tones).toEqual(countTones(set.tone).tones);
    expect(e.accuracy.overall).toBeCloseTo(0.75, 12);
    expect(describeFaces(500, e, real)).toBe('Step 500: darker faces are 10% of the faces the forger makes and 10% of the real ones. The detective is right 75% of the time.');
  });
});

/** A host whose clock advances 1 ms per reading and whose slices run when asked. */
function fakeHost() {
  let t = 0;
  const queue: (() => void)[] = [];
  const host: LoopHost = { now: () => (t += 1), schedule: (cb) => queue.push(cb), cancel: () => {} };
  return { host, slice: () => queue.shift()?.(), advance: (ms: number) => (t += ms) };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

function smallRun(seed: number) {
  const size = 16;
  const data = makeFaceSet({ n: 64, darkerShare: 0.5, size, seed });
  const trainer = new Trainer({ ...faceTrainerSpec({ seed, size }), generator: { hidden: [8], act: 'relu', out: 'tanh' }, detective: { hidden: [8], act: 'leaky' }, batch: 8 }, data);
  const gridNoise = trainer.noiseFrom(new Rng(seed), 4);
  const heldOut = tf.tensor2d(data.x.slice(0, 6 * data.dim), [6, data.dim]);
  return { trainer, gridNoise, heldOut, evalN: 10 };
}

describe('FacesLoop', () => {
  it('trains in slices, reads back grid and evaluation, drops old generations and frees everything', async () => {
    const { host, slice, advance } = fakeHost();
    const got: FacesReadback[] = [];
    const loop = new FacesLoop(host, { readback: (r) => got.push(r), diverged: () => {}, failed: (e) => { throw e; } });
    const base = tf.memory().numTensors;
    const run = smallRun(1);
    loop.setRun(run);
    loop.play();
    slice();
    expect(run.trainer.steps).toBeGreaterThan(1);
    await flush();
    // the first readback of a run is a full one
    expect(got.length).toBe(1);
    const dim = 16 * 16 * 3;
    expect(got[0].grid.length).toBe(4 * dim);
    expect(got[0].evaluation!.samples.length).toBe(10 * dim);
    expect(got[0].evaluation!.pReal.length).toBe(6);
    expect(got[0].evaluation!.pFake.length).toBe(10);
    for (const v of got[0].grid) expect(v >= FACE_PIXEL_RANGE[0] && v <= FACE_PIXEL_RANGE[1]).toBe(true);
    // later readbacks within the evaluation interval are light: grid and losses only
    advance(400);
    slice();
    await flush();
    expect(got.length).toBe(2);
    expect(got[1].evaluation).toBeNull();
    expect(Number.isFinite(got[1].lossD) && Number.isFinite(got[1].lossG)).toBe(true);
    advance(2000);
    slice();
    await flush();
    expect(got[2].evaluation).not.toBeNull();
    const steady = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      advance(400);
      slice();
      await flush();
    }
    expect(tf.memory().numTensors).toBe(steady);
    // a forced readback asked for while one is in flight runs when that one lands
    loop.pause();
    const n0 = got.length;
    loop.readback(true);
    run.trainer.step();
    loop.readback(true);
    await flush();
    await flush();
    expect(got.length).toBe(n0 + 2);
    expect(got[n0 + 1].step).toBe(got[n0].step + 1);
    expect(got[n0 + 1].evaluation).not.toBeNull();
    loop.play();
    // a readback started before a new run is dropped
    loop.readback(true);
    const run2 = smallRun(2);
    loop.setRun(run2);
    const before = got.length;
    await flush();
    expect(got.length).toBe(before);
    loop.pause();
    for (const r of [run, run2]) {
      r.trainer.dispose();
      r.gridNoise.dispose();
      r.heldOut.dispose();
    }
    expect(tf.memory().numTensors).toBe(base);
  });

  it('pauses and reports when the forger diverges', async () => {
    const { host, slice } = fakeHost();
    let diverged = -1;
    const got: FacesReadback[] = [];
    const loop = new FacesLoop(host, { readback: (r) => got.push(r), diverged: (s) => (diverged = s), failed: (e) => { throw e; } });
    const run = smallRun(3);
    loop.setRun(run);
    run.trainer.step();
    // a poisoned forger draws NaN faces
    run.trainer.G.restore(new Float32Array(run.trainer.G.size).fill(NaN));
    loop.play();
    slice();
    await flush();
    expect(diverged).toBeGreaterThan(0);
    expect(loop.running).toBe(false);
    expect(got.at(-1)!.step).toBe(diverged);
    run.trainer.dispose();
    run.gridNoise.dispose();
    run.heldOut.dispose();
  });
});

describe('FacesLoop stopAt', () => {
  it('pauses by itself exactly at the step, once, with a full readback', async () => {
    const { host, slice } = fakeHost();
    const got: FacesReadback[] = [];
    const stops: number[] = [];
    const loop = new FacesLoop(host, { readback: (r) => got.push(r), stopped: (s) => stops.push(s), diverged: () => {}, failed: (e) => { throw e; } });
    const run = smallRun(3);
    loop.setRun(run);
    loop.stopAt = 5;
    loop.play();
    for (let i = 0; i < 20 && loop.running; i++) {
      slice();
      await flush();
    }
    await flush();
    expect(loop.running).toBe(false);
    expect(run.trainer.steps).toBe(5);
    expect(stops).toEqual([5]);
    expect(got[got.length - 1].step).toBe(5);
    expect(got[got.length - 1].evaluation).not.toBeNull();
    // playing again goes past it
    loop.play();
    slice();
    expect(run.trainer.steps).toBeGreaterThan(5);
    loop.pause();
    run.trainer.dispose();
    run.gridNoise.dispose();
    run.heldOut.dispose();
  });
});

describe('one seed, headless (what the worker runs)', () => {
  it('trains, samples 512 faces and reports tone counts and shares', () => {
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    const r = runFaceSeed({ darker: 0.1, size: 16, seed: 3, steps: 2 }, (done) => void seen.push(done));
    expect(seen).toEqual([1, 2]);
    expect(r.steps).toBe(2);
    expect(r.counts.n).toBe(512);
    expect(r.counts.tones.reduce((a, b) => a + b, 0) + r.counts.offPalette).toBe(512);
    expect(r.counts.tones.length).toBe(FACE_TONES.length);
    expect(r.realShares[DARKER]).toBeCloseTo(0.1, 12);
    expect(tf.memory().numTensors).toBe(before);
  });
});
