/**
 * A sheet of generated faces as RGBA bytes, marked as synthetic: every tile has a border in
 * MARK_RGB and the sheet ends in a band with a label in a 3 × 5 pixel font (e.g. "SYNTHETIC",
 * passed in by the caller: the words belong to state). The browser encodes it with
 * canvas.toBlob; the tests with test/shared/facesPng.ts. The card travels beside it.
 */
import { faceRgba } from '../faces/faces';

/** The marker colour (magenta: no face tone or hair colour comes close). */
export const MARK_RGB = [255, 0, 255] as const;
const BAND_RGB = [0, 0, 0] as const;
const SCALE = 2;

/** 3 × 5 glyphs, rows top to bottom, bits left to right. */
const GLYPHS: Record<string, number[]> = {
  A: [0b010, 0b101, 0b111, 0b101, 0b101],
  C: [0b011, 0b100, 0b100, 0b100, 0b011],
  D: [0b110, 0b101, 0b101, 0b101, 0b110],
  E: [0b111, 0b100, 0b110, 0b100, 0b111],
  G: [0b011, 0b100, 0b101, 0b101, 0b011],
  H: [0b101, 0b101, 0b111, 0b101, 0b101],
  I: [0b111, 0b010, 0b010, 0b010, 0b111],
  N: [0b110, 0b101, 0b101, 0b101, 0b101],
  R: [0b110, 0b101, 0b110, 0b101, 0b101],
  S: [0b011, 0b100, 0b010, 0b001, 0b110],
  T: [0b111, 0b010, 0b010, 0b010, 0b010],
  Y: [0b101, 0b101, 0b010, 0b010, 0b010],
  ' ': [0, 0, 0, 0, 0],
};
export const LABEL_GLYPHS = Object.keys(GLYPHS).join('');

export interface RgbaSheet {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  /** Height of the label band at the bottom. */
  band: number;
}

/** n faces (size² · 3 values each, in [−1, 1]) in `cols` columns, each tile framed in MARK_RGB, plus the label band. */
export function faceSheet(images: ArrayLike<number>, n: number, size: number, cols: number, label: string): RgbaSheet {
  for (const ch of label) if (!(ch in GLYPHS)) throw new Error(`the label font has no "${ch}" (it has ${LABEL_GLYPHS})`);
  const tile = size + 2;
  const rows = Math.max(1, Math.ceil(n / cols));
  const labelWidth = (label.length * 4 - 1) * SCALE + 4;
  const width = Math.max(cols * tile, labelWidth);
  const band = 5 * SCALE + 4;
  const height = rows * tile + band;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const put = (x: number, y: number, c: ArrayLike<number>) => {
    const o = (y * width + x) * 4;
    rgba[o] = c[0];
    rgba[o + 1] = c[1];
    rgba[o + 2] = c[2];
    rgba[o + 3] = 255;
  };
  for (let k = 0; k < n; k++) {
    const ox = (k % cols) * tile;
    const oy = Math.floor(k / cols) * tile;
    for (let i = 0; i < tile; i++) {
      put(ox + i, oy, MARK_RGB);
      put(ox + i, oy + tile - 1, MARK_RGB);
      put(ox, oy + i, MARK_RGB);
      put(ox + tile - 1, oy + i, MARK_RGB);
    }
    const face = faceRgba(images, size, k);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) put(ox + 1 + x, oy + 1 + y, face.subarray((y * size + x) * 4, (y * size + x) * 4 + 3));
  }
  const top = rows * tile;
  for (let y = top; y < height; y++) for (let x = 0; x < width; x++) put(x, y, BAND_RGB);
  [...label].forEach((ch, j) =>
    GLYPHS[ch].forEach((bits, r) => {
      for (let c = 0; c < 3; c++)
        if (bits & (4 >> c))
          for (let dy = 0; dy < SCALE; dy++) for (let dx = 0; dx < SCALE; dx++) put(2 + (j * 4 + c) * SCALE + dx, top + 2 + r * SCALE + dy, MARK_RGB);
    }),
  );
  return { width, height, rgba, band };
}
