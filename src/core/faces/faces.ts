/**
 * Procedural cartoon faces for the image case: no photos of real people, every face drawn from a
 * seeded parameter set. A face is a plain background, shoulders, a face oval in one of six skin
 * tones, hair (several colours and cuts), two eyes, brows and a mouth whose curvature varies, all
 * with a little jitter in position and size.
 *
 * Only the skin tone depends on the group: hair colour, cut, expression and background are drawn
 * independently of it, so the one thing a GAN can get wrong between groups is the tone.
 *
 * Images are size × size × 3, row-major HWC, with pixel values in FACE_PIXEL_RANGE = [−1, 1]
 * (0 → −1, full intensity → 1) everywhere: rendered faces, training sets, generated faces and the
 * tone classifier's input. The forger's output layer is therefore a tanh (FACE_GENERATOR_OUT).
 * [−1, 1] with tanh was chosen over [0, 1] with a sigmoid by measurement: with a sigmoid the MLP
 * GAN's faces swung between mostly light and mostly dark from one checkpoint to the next over the
 * first 700 steps (even at 90/10) and most stayed off-palette; with tanh the 50/50 control sits
 * near 50% from step 500 on (see test/unit/faces-claim.test.ts).
 * toUnit and faceRgba convert for display.
 */
import { stratifiedCounts } from '../data/datasets';
import type { Group, PointSet } from '../data/datasets';
import { Rng } from '../shared/rng';
import { arcFill, arcStroke, below, circle, ellipse, intersect, rasterise, roundedBox, union } from './raster';
import type { Layer, Rgb, Sdf } from './raster';

/** Pixel values lie in [−1, 1]; the generator ends in a tanh to match. */
export const FACE_PIXEL_RANGE = [-1, 1] as const;
export const FACE_GENERATOR_OUT = 'tanh' as const;

/** A pixel value in FACE_PIXEL_RANGE as an intensity in 0..1 (clamped). */
export function toUnit(v: number): number {
  const [lo, hi] = FACE_PIXEL_RANGE;
  return Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
}

/** Image k of a batch (values in FACE_PIXEL_RANGE) as RGBA bytes for a canvas ImageData. */
export function faceRgba(images: ArrayLike<number>, size: number, k = 0): Uint8ClampedArray {
  const out = new Uint8ClampedArray(size * size * 4);
  const base = k * size * size * 3;
  for (let i = 0; i < size * size; i++) {
    for (let c = 0; c < 3; c++) out[i * 4 + c] = Math.round(255 * toUnit(images[base + i * 3 + c]));
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** Image sizes offered: 16 px (fast) and 32 px. */
export const FACE_SIZES = [16, 32] as const;
export type FaceSize = (typeof FACE_SIZES)[number];

export interface FaceTone {
  id: string;
  label: string;
  /** sRGB, 0..1. */
  rgb: Rgb;
  /** Index into FACE_GROUPS. */
  group: number;
}

const hex = (h: string): Rgb => [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as unknown as Rgb;

export const FACE_GROUPS: Group[] = [
  { id: 'lighter', label: 'Lighter tones' },
  { id: 'darker', label: 'Darker tones' },
];
export const LIGHTER = 0;
export const DARKER = 1;

/** Six skin tones, light to dark; the first three form the lighter group, the last three the darker. */
export const FACE_TONES: readonly FaceTone[] = [
  { id: 'tone-1', label: 'Tone 1 (lightest)', rgb: hex('f9dcc8'), group: LIGHTER },
  { id: 'tone-2', label: 'Tone 2', rgb: hex('eebf9c'), group: LIGHTER },
  { id: 'tone-3', label: 'Tone 3', rgb: hex('d79f76'), group: LIGHTER },
  { id: 'tone-4', label: 'Tone 4', rgb: hex('ad744b'), group: DARKER },
  { id: 'tone-5', label: 'Tone 5', rgb: hex('855435'), group: DARKER },
  { id: 'tone-6', label: 'Tone 6 (deepest)', rgb: hex('5b3a26'), group: DARKER },
];

/** Tone indices of each group. */
export const TONES_OF_GROUP: readonly number[][] = FACE_GROUPS.map((_, gi) =>
  FACE_TONES.flatMap((t, i) => (t.group === gi ? [i] : [])),
);

export type HairCut = 'short' | 'long' | 'bob' | 'curly' | 'bun' | 'buzz';
export const HAIR_CUTS: readonly HairCut[] = ['short', 'long', 'bob', 'curly', 'bun', 'buzz'];

export const HAIR_COLOURS: readonly Rgb[] = [
  hex('1e1a18'), // black
  hex('3d2716'), // dark brown
  hex('6e4423'), // brown
  hex('a0452a'), // auburn
  hex('e2c07a'), // blond
  hex('b4b4ba'), // grey
  hex('3f5fb0'), // blue (cartoon)
  hex('c05a96'), // pink (cartoon)
];

/** Backgrounds and shirts avoid skin-like hues, so the only skin in a picture is the face. */
const BACKGROUNDS: readonly Rgb[] = ['acd2ec', 'b2e0c6', 'cdc2ec', 'dfe3ea', '8fb4cc', '7fc2c0', 'a6b2e8', 'c9dba4'].map(hex);
const SHIRTS: readonly Rgb[] = ['2f6db5', '2e8b57', '7a4fa3', 'd9b02b', '38474f', 'e05d5d', 'f2f2f2', '1f9e9e'].map(hex);
const EYE_WHITE: Rgb = hex('fbfbf8');
const PUPIL: Rgb = hex('241a16');
const MOUTH: Rgb = hex('b8323f');

export interface FaceParams {
  /** Index into FACE_TONES. */
  tone: number;
  /** Brightness factor of the skin, close to 1 (small natural variation). */
  shade: number;
  background: Rgb;
  shirt: Rgb;
  hair: Rgb;
  cut: HairCut;
  /** Hairline tilt (side parting), −1..1. */
  part: number;
  /** Face oval: centre and radii in normalised image units. */
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  /** Eye centres at ±eyeSpacing·rx from the middle and eyeHeight·ry above the centre. */
  eyeSpacing: number;
  eyeHeight: number;
  eyeSize: number;
  /** Pupil offset, −1..1 (looking left … right). */
  gaze: number;
  /** Mouth half width as a fraction of rx. */
  mouthWidth: number;
  /** Depth of the mouth's middle below its corners, as a fraction of ry (< 0 a frown). */
  mouthCurve: number;
  mouthOpen: boolean;
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[rng.int(list.length)];
const jitter = (rng: Rng, c: Rgb, amount: number): Rgb =>
  c.map((v) => Math.min(1, Math.max(0, v + rng.uniform(-amount, amount)))) as unknown as Rgb;

/** A random face of a group (its tone drawn uniformly from the group's tones unless given). */
export function randomFaceParams(rng: Rng, group: number, tone?: number): FaceParams {
  const tones = TONES_OF_GROUP[group];
  if (!tones) throw new Error(`no face group ${group}`);
  const t = tone ?? pick(rng, tones);
  if (FACE_TONES[t]?.group !== group) throw new Error(`tone ${t} is not in group ${group}`);
  const scale = rng.uniform(0.94, 1.06);
  const curve = rng.uniform(-0.05, 0.16);
  return {
    tone: t,
    shade: rng.uniform(0.97, 1.03),
    background: jitter(rng, pick(rng, BACKGROUNDS), 0.03),
    shirt: jitter(rng, pick(rng, SHIRTS), 0.03),
    hair: jitter(rng, pick(rng, HAIR_COLOURS), 0.03),
    cut: pick(rng, HAIR_CUTS),
    part: rng.uniform(-1, 1),
    cx: 0.5 + rng.uniform(-0.03, 0.03),
    cy: 0.54 + rng.uniform(-0.025, 0.025),
    rx: 0.275 * scale * rng.uniform(0.96, 1.04),
    ry: 0.325 * scale * rng.uniform(0.96, 1.04),
    eyeSpacing: rng.uniform(0.36, 0.44),
    eyeHeight: rng.uniform(0.04, 0.14),
    eyeSize: rng.uniform(0.9, 1.15),
    gaze: rng.uniform(-1, 1),
    mouthWidth: rng.uniform(0.3, 0.45),
    mouthCurve: curve,
    mouthOpen: curve > 0.1 && rng.next() < 0.6,
  };
}

/** The skin colour of a face: its palette tone times its shade. */
export function skinOf(p: Pick<FaceParams, 'tone' | 'shade'>): Rgb {
  return FACE_TONES[p.tone].rgb.map((v) => Math.min(1, v * p.shade)) as unknown as Rgb;
}

const darken = (c: Rgb, f: number): Rgb => c.map((v) => v * f) as unknown as Rgb;

/** Hair behind the head (long cuts) and in front of it (the cap above the hairline). */
function hairShapes(p: FaceParams): { back: Sdf | null; front: Sdf } {
  const { cx, cy, rx, ry, part } = p;
  const outer = ellipse(cx, cy - 0.015, rx * 1.08, ry * 1.06);
  // Hairline y = cy − top·ry + sides·ry·u² + tilt·u, with u the offset across the face in rx.
  const hairline = (top: number, sides: number, tilt = 0.04 * part): Sdf =>
    below(
      (x) => cy - top * ry + sides * ry * ((x - cx) / rx) ** 2 + tilt * ((x - cx) / rx),
      (x) => (2 * sides * ry * (x - cx)) / (rx * rx) + tilt / rx,
    );
  const cap = (top: number, sides: number, tilt?: number): Sdf => intersect(outer, (x, y) => -hairline(top, sides, tilt)(x, y));
  switch (p.cut) {
    case 'short':
      return { back: null, front: cap(0.45, 0.5) };
    case 'long':
      return { back: roundedBox(cx, cy + 0.1, rx * 1.18, ry * 1.08, rx * 0.9), front: cap(0.42, 0.6) };
    case 'bob':
      return { back: roundedBox(cx, cy - 0.02, rx * 1.2, ry * 0.82, rx * 0.8), front: cap(0.3, 0.12, 0.015 * part) };
    case 'curly': {
      const r = rx * 1.32;
      const oy = cy - 0.07;
      const bumpy: Sdf = (x, y) => Math.hypot(x - cx, y - oy) - r - 0.012 * Math.cos(9 * Math.atan2(y - oy, x - cx));
      return { back: bumpy, front: cap(0.5, 0.55, 0) };
    }
    case 'bun':
      return { back: circle(cx + 0.03 * part, cy - ry * 1.12, rx * 0.38), front: cap(0.5, 0.45) };
    case 'buzz':
      return { back: null, front: intersect(ellipse(cx, cy - 0.005, rx * 1.03, ry * 1.02), (x, y) => -hairline(0.6, 0.45)(x, y)) };
  }
}

/** The layers of a face, back to front. */
export function faceLayers(p: FaceParams): Layer[] {
  const { cx, cy, rx, ry } = p;
  const skin = skinOf(p);
  const hair = hairShapes(p);
  const layers: Layer[] = [{ shape: ellipse(cx, cy + ry * 1.38, rx * 1.65, ry * 0.62), colour: p.shirt }];
  if (hair.back) layers.push({ shape: hair.back, colour: p.hair });
  layers.push(
    { shape: roundedBox(cx, cy + ry * 1.05, rx * 0.32, ry * 0.45, rx * 0.1), colour: darken(skin, 0.86) },
    { shape: union(ellipse(cx - rx, cy + 0.01, rx * 0.17, ry * 0.2), ellipse(cx + rx, cy + 0.01, rx * 0.17, ry * 0.2)), colour: darken(skin, 0.92) },
    { shape: ellipse(cx, cy, rx, ry), colour: skin, skin: true },
    { shape: hair.front, colour: p.hair },
  );
  const ey = cy - p.eyeHeight * ry;
  const ew = 0.05 * p.eyeSize;
  const eh = 0.042 * p.eyeSize;
  for (const side of [-1, 1]) {
    const ex = cx + side * p.eyeSpacing * rx;
    layers.push(
      { shape: ellipse(ex, ey, ew, eh), colour: EYE_WHITE },
      { shape: circle(ex + p.gaze * ew * 0.3, ey + eh * 0.1, eh * 0.78), colour: PUPIL },
      { shape: arcStroke(ex, ey - eh * 1.75, ew * 1.1, -eh * 0.45, 0.018), colour: darken(p.hair, 0.75), alpha: 0.9 },
    );
  }
  const my = cy + ry * 0.52;
  const mw = p.mouthWidth * rx;
  const depth = p.mouthCurve * ry;
  if (p.mouthOpen) layers.push({ shape: arcFill(cx, my, mw, depth), colour: darken(MOUTH, 0.6) });
  layers.push({ shape: arcStroke(cx, my, mw, depth, 0.028), colour: MOUTH });
  return layers;
}

/** One face as size × size × 3 pixels in FACE_PIXEL_RANGE, row-major HWC. */
export function renderFace(params: FaceParams, size: number, skinWeight?: Float32Array): Float32Array {
  const out = new Float32Array(size * size * 3);
  rasterise(size, params.background, faceLayers(params), out, 0, skinWeight, FACE_PIXEL_RANGE);
  return out;
}

export type FaceSet = PointSet & {
  /** Tone index (into FACE_TONES) per image. */
  tone: Uint8Array;
  size: number;
};

/** A sampler of faces, like datasets.ts's Source but for images. */
export interface FaceSource {
  size: number;
  dim: number;
  groups: Group[];
  /** Share of each group (lighter, darker); sums to 1. */
  shares: number[];
  sample(rng: Rng, n: number): FaceSet;
}

export const MIN_DARKER_SHARE = 0.01;
export const MAX_DARKER_SHARE = 0.5;

export function faceSource(darkerShare: number, size: number): FaceSource {
  if (!Number.isInteger(size) || size < 8) throw new Error(`face size ${size} is too small`);
  const d = Math.min(MAX_DARKER_SHARE, Math.max(MIN_DARKER_SHARE, darkerShare));
  const shares = [1 - d, d];
  const dim = size * size * 3;
  return {
    size,
    dim,
    groups: FACE_GROUPS,
    shares,
    sample(rng: Rng, n: number): FaceSet {
      // Exact group counts, and within each group the three tones as evenly as rounding allows.
      const order: { g: number; t: number }[] = [];
      stratifiedCounts(n, shares).forEach((c, gi) => {
        const tones = TONES_OF_GROUP[gi];
        stratifiedCounts(c, tones.map(() => 1 / tones.length)).forEach((k, j) => {
          for (let i = 0; i < k; i++) order.push({ g: gi, t: tones[j] });
        });
      });
      // Seeded shuffle so any prefix is a fair sample.
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      const x = new Float32Array(n * dim);
      const g = new Uint8Array(n);
      const tone = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const p = randomFaceParams(rng, order[i].g, order[i].t);
        rasterise(size, p.background, faceLayers(p), x, i * dim, undefined, FACE_PIXEL_RANGE);
        g[i] = order[i].g;
        tone[i] = order[i].t;
      }
      return { x, g, n, dim, tone, size };
    },
  };
}

/** The fixed training set of faces: n images, exact group counts, reproducible from the seed. */
export function makeFaceSet(opts: { n: number; darkerShare: number; size: number; seed: number }): FaceSet {
  return faceSource(opts.darkerShare, opts.size).sample(new Rng(opts.seed).fork('face-set'), opts.n);
}
