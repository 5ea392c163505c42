/**
 * Test-only helper: write face images as a PNG grid (nearest-neighbour upscaling), so people can
 * look at what the generator draws. A minimal encoder (8-bit RGB, no filtering) on node:zlib.
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { toUnit } from '../../src/core/faces/faces';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encode width × height RGB pixels (0..1 floats, row-major) as a PNG. */
export function encodePng(rgb: Float32Array, width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let i = 0; i < width * 3; i++) {
      const v = rgb[y * width * 3 + i];
      raw[y * (width * 3 + 1) + 1 + i] = Math.round(Math.min(1, Math.max(0, v)) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

/**
 * Lay out `count` size×size images (n × size²·3 values in FACE_PIXEL_RANGE) in a grid, scaled
 * by `scale` (nearest neighbour), with 1 px white gaps.
 */
export function faceGridPng(images: ArrayLike<number>, count: number, size: number, cols: number, scale: number): Buffer {
  const rows = Math.ceil(count / cols);
  const cell = size * scale + 2; // 1 px gap on each side
  const w = cols * cell;
  const h = rows * cell;
  const px = new Float32Array(w * h * 3).fill(1);
  for (let k = 0; k < count; k++) {
    const ox = (k % cols) * cell + 1;
    const oy = Math.floor(k / cols) * cell + 1;
    for (let y = 0; y < size * scale; y++) {
      for (let x = 0; x < size * scale; x++) {
        const src = k * size * size * 3 + (Math.floor(y / scale) * size + Math.floor(x / scale)) * 3;
        const dst = ((oy + y) * w + ox + x) * 3;
        px[dst] = toUnit(images[src]);
        px[dst + 1] = toUnit(images[src + 1]);
        px[dst + 2] = toUnit(images[src + 2]);
      }
    }
  }
  return encodePng(px, w, h);
}

export function writeFaceGrid(path: string, images: ArrayLike<number>, count: number, size: number, cols = 8, scale = 4): void {
  writeFileSync(path, faceGridPng(images, count, size, cols, scale));
}
