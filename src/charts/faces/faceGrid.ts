/**
 * A grid of small face images on a canvas, upscaled with nearest-neighbour sampling so every
 * pixel stays a crisp square, with an optional mark per face for the group its skin tone falls in
 * (the same colour and shape as the group everywhere else; a grey cross for "no clear tone").
 */
import { faceRgba } from '../../core/faces/faces';
import { groupColour, groupShape, traceShape } from '../shared/palette';

export interface FaceGridOptions {
  size: number;
  columns: number;
  /** Side of one face on the canvas in device pixels (a multiple of size gives an exact upscale). */
  cell: number;
  gap: number;
  /** Group index per face (−1: no clear tone) to mark in a corner; null draws no marks. */
  marks: ArrayLike<number> | null;
}

const scratch = new Map<number, HTMLCanvasElement>();

function tile(size: number): HTMLCanvasElement {
  let c = scratch.get(size);
  if (!c) {
    c = document.createElement('canvas');
    c.width = c.height = size;
    scratch.set(size, c);
  }
  return c;
}

/** Canvas size in device pixels for n faces. */
export function gridPixels(n: number, o: Pick<FaceGridOptions, 'columns' | 'cell' | 'gap'>): { width: number; height: number } {
  const rows = Math.ceil(n / o.columns);
  const cell = o.cell;
  return { width: o.columns * cell + (o.columns - 1) * o.gap, height: rows * cell + (rows - 1) * o.gap };
}

export function draw(canvas: HTMLCanvasElement, images: ArrayLike<number> | null, n: number, o: FaceGridOptions): void {
  const { width, height } = gridPixels(n, o);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const cell = o.cell;
  if (!images) {
    ctx.fillStyle = '#eceae4';
    for (let k = 0; k < n; k++) ctx.fillRect((k % o.columns) * (cell + o.gap), Math.floor(k / o.columns) * (cell + o.gap), cell, cell);
    return;
  }
  const t = tile(o.size);
  const tctx = t.getContext('2d')!;
  const img = tctx.createImageData(o.size, o.size);
  ctx.imageSmoothingEnabled = false;
  for (let k = 0; k < n; k++) {
    img.data.set(faceRgba(images, o.size, k));
    tctx.putImageData(img, 0, 0);
    const x = (k % o.columns) * (cell + o.gap);
    const y = Math.floor(k / o.columns) * (cell + o.gap);
    ctx.drawImage(t, 0, 0, o.size, o.size, x, y, cell, cell);
    if (o.marks) mark(ctx, o.marks[k], x, y, cell);
  }
}

function mark(ctx: CanvasRenderingContext2D, group: number, x: number, y: number, cell: number): void {
  const r = Math.max(4, cell * 0.085);
  const cx = x + r + 3;
  const cy = y + r + 3;
  ctx.save();
  ctx.beginPath();
  traceShape(ctx, groupShape(group), cx, cy, r);
  ctx.lineJoin = 'round';
  if (group < 0) {
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 4.5;
    ctx.stroke();
    ctx.strokeStyle = groupColour(group);
    ctx.lineWidth = 2.2;
    ctx.stroke();
  } else {
    ctx.fillStyle = groupColour(group);
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2;
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}
