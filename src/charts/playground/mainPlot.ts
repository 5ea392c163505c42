/**
 * The main 2-D view on one canvas: the detective's decision field as a soft background, the
 * real points (filled, by group in colour and shape), the forger's manifold, the generated
 * points (hollow, in the colour and shape of the group they land in) and gradient arrows.
 */
import { DOMAIN } from '../../core/data/datasets';
import type { PointSet } from '../../core/data/datasets';
import type { ProbeFrame } from '../../core/gan/probe';
import { FIELD_FAKE, FIELD_REAL, groupColour, groupShape, traceShape } from '../shared/palette';

export interface MainPlotData {
  real: PointSet | null;
  frame: ProbeFrame | null;
  /** Group index per generated point (−1 off-data), same order as frame.points. */
  assigned: Int8Array | null;
  /** Coordinates (x, y pairs) of imported rows labelled synthetic, marked with a plus; null for none. */
  marked?: Float32Array | null;
  fieldCells: number;
  manifoldSamples: number;
  /** Held-out real points (never trained on), drawn as ringed dots in their group's colour; null for none. */
  heldout?: PointSet | null;
  /** Copy lines: x1, y1, x2, y2 per line (a suspicious generated point to its nearest training point). */
  copies?: Float32Array | null;
}

export interface MainPlotOptions {
  field: boolean;
  manifold: boolean;
  arrows: boolean;
  /** Projector mode: larger marks. */
  large?: boolean;
}

export function toPixel(v: number, size: number): number {
  return ((v + DOMAIN) / (2 * DOMAIN)) * size;
}

/** Canvas pixel (CSS px) → data coordinates (y up). */
export function toData(px: number, py: number, size: number): [number, number] {
  return [(px / size) * 2 * DOMAIN - DOMAIN, DOMAIN - (py / size) * 2 * DOMAIN];
}

/** The field's small canvas and its pixels, made once per field size and reused every frame. */
let fieldCanvas: HTMLCanvasElement | null = null;
let fieldImage: ImageData | null = null;

function drawField(ctx: CanvasRenderingContext2D, field: Float32Array, cells: number, size: number): void {
  fieldCanvas ??= document.createElement('canvas');
  const fctx = fieldCanvas.getContext('2d')!;
  if (!fieldImage || fieldImage.width !== cells) {
    // resizing a canvas reallocates it: only when the field's size changes
    fieldCanvas.width = cells;
    fieldCanvas.height = cells;
    fieldImage = fctx.createImageData(cells, cells);
  }
  const img = fieldImage;
  for (let j = 0; j < cells; j++)
    for (let i = 0; i < cells; i++) {
      const p = field[j * cells + i];
      const v = Number.isFinite(p) ? p : 0.5;
      // row j counts from the bottom; image rows count from the top
      const o = 4 * ((cells - 1 - j) * cells + i);
      const c = v >= 0.5 ? FIELD_REAL : FIELD_FAKE;
      // a gentle curve so small certainties still tint the background
      const strength = Math.sqrt(Math.min(1, Math.abs(v - 0.5) * 2));
      img.data[o] = c[0];
      img.data[o + 1] = c[1];
      img.data[o + 2] = c[2];
      img.data[o + 3] = Math.round(110 * strength);
    }
  fctx.putImageData(img, 0, 0);
  ctx.save();
  // bilinear ('low') is as smooth as 'high' for a 48-cell field, and several times cheaper in
  // software rendering, where this runs some thirty times a second
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'low';
  ctx.drawImage(fieldCanvas, 0, 0, size, size);
  ctx.restore();
}

function drawGrid(ctx: CanvasRenderingContext2D, size: number): void {
  ctx.save();
  ctx.strokeStyle = 'rgba(0,0,0,0.07)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let k = -4; k <= 4; k++) {
    const p = Math.round(toPixel(k / 4, size)) + 0.5;
    ctx.moveTo(p, 0);
    ctx.lineTo(p, size);
    ctx.moveTo(0, p);
    ctx.lineTo(size, p);
  }
  ctx.stroke();
  ctx.restore();
}

/** Real points: filled, translucent, grouped so each group is one path. */
function drawReal(ctx: CanvasRenderingContext2D, real: PointSet, size: number, r: number): void {
  const px = (v: number) => toPixel(v, size);
  const py = (v: number) => size - toPixel(v, size);
  const groups = Math.max(...Array.from(real.g)) + 1;
  for (let gi = 0; gi < groups; gi++) {
    ctx.beginPath();
    for (let i = 0; i < real.n; i++) {
      if (real.g[i] !== gi) continue;
      traceShape(ctx, groupShape(gi), px(real.x[2 * i]), py(real.x[2 * i + 1]), r * 0.8);
    }
    ctx.fillStyle = groupColour(gi);
    ctx.globalAlpha = 0.42;
    ctx.fill();
    ctx.globalAlpha = 1;
  }
}

/** Imported rows labelled synthetic: a dark plus over each, so a labelled file stays told apart. */
function drawMarked(ctx: CanvasRenderingContext2D, xy: Float32Array, size: number, r: number): void {
  ctx.beginPath();
  for (let i = 0; i < xy.length; i += 2) {
    const x = toPixel(xy[i], size);
    const y = size - toPixel(xy[i + 1], size);
    ctx.moveTo(x - r, y);
    ctx.lineTo(x + r, y);
    ctx.moveTo(x, y - r);
    ctx.lineTo(x, y + r);
  }
  ctx.strokeStyle = 'rgba(30,30,30,0.8)';
  ctx.lineWidth = 1.1;
  ctx.stroke();
}

/**
 * The grid and the real points change only with the data or the size, so they are drawn once
 * into an offscreen layer and copied onto each frame in one operation: thousands of shapes per
 * frame were the costliest part of a redraw in software rendering.
 */
let staticLayer: { canvas: HTMLCanvasElement; key: string; real: PointSet | null; marked: Float32Array | null } | null = null;
function staticLayerFor(real: PointSet | null, marked: Float32Array | null, size: number, dpr: number, r: number): HTMLCanvasElement {
  const key = `${size}|${dpr}|${r}`;
  if (staticLayer && staticLayer.key === key && staticLayer.real === real && staticLayer.marked === marked) return staticLayer.canvas;
  const canvas = staticLayer?.canvas ?? document.createElement('canvas');
  canvas.width = Math.round(size * dpr);
  canvas.height = Math.round(size * dpr);
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, size, size);
  drawGrid(ctx, size);
  if (real) drawReal(ctx, real, size, r);
  if (marked) drawMarked(ctx, marked, size, r);
  staticLayer = { canvas, key, real, marked };
  return canvas;
}

/** Draw a frame. `size` (CSS px) saves a layout read when the caller already knows it. */
export function draw(canvas: HTMLCanvasElement, data: MainPlotData, opt: MainPlotOptions & { size?: number }): void {
  const size = opt.size || canvas.clientWidth || 400;
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  if (canvas.width !== Math.round(size * dpr)) {
    canvas.width = Math.round(size * dpr);
    canvas.height = Math.round(size * dpr);
  }
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  // an opaque fill covers the last frame: no clearRect needed
  ctx.fillStyle = '#fbfbf8';
  ctx.fillRect(0, 0, size, size);
  const f = data.frame;
  if (opt.field && f) drawField(ctx, f.field, data.fieldCells, size);
  const px = (v: number) => toPixel(v, size);
  const py = (v: number) => size - toPixel(v, size);
  const r = (opt.large ? 4.2 : 3.1) * Math.max(0.8, Math.min(1.4, size / 480));
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(staticLayerFor(data.real, data.marked ?? null, size, dpr, r), 0, 0);
  ctx.restore();
  if (data.heldout) drawHeldout(ctx, data.heldout, px, py, r);
  if (!f) {
    if (data.copies) drawCopies(ctx, data.copies, px, py, r);
    return;
  }

  if (opt.manifold && f.manifold) {
    const n = f.manifold.length / 2;
    const per = data.manifoldSamples;
    ctx.save();
    ctx.strokeStyle = 'rgba(40,40,40,0.55)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let s = 0; s < n; s++) {
      const x = px(f.manifold[2 * s]);
      const y = py(f.manifold[2 * s + 1]);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (s % per === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
    ctx.restore();
  }

  // generated points: hollow, coloured and shaped by the group they land in
  const pts = f.points;
  const n = pts.length / 2;
  const byGroup = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const gi = data.assigned ? data.assigned[i] : 0;
    if (!byGroup.has(gi)) byGroup.set(gi, []);
    byGroup.get(gi)!.push(i);
  }
  ctx.lineWidth = opt.large ? 2 : 1.5;
  for (const [gi, idx] of byGroup) {
    ctx.beginPath();
    for (const i of idx) {
      const x = px(pts[2 * i]);
      const y = py(pts[2 * i + 1]);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      traceShape(ctx, groupShape(gi), Math.max(-5, Math.min(size + 5, x)), Math.max(-5, Math.min(size + 5, y)), r);
    }
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.fill();
    ctx.strokeStyle = gi < 0 ? '#555' : '#111';
    ctx.globalAlpha = 0.9;
    ctx.stroke();
    ctx.strokeStyle = groupColour(gi);
    ctx.lineWidth = opt.large ? 1.4 : 1;
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.lineWidth = opt.large ? 2 : 1.5;
  }

  if (data.copies) drawCopies(ctx, data.copies, px, py, r);

  if (opt.arrows && f.arrows) {
    let maxLen = 1e-12;
    for (let i = 0; i < n; i++) maxLen = Math.max(maxLen, Math.hypot(f.arrows[2 * i], f.arrows[2 * i + 1]));
    const scale = (size * 0.05) / maxLen;
    ctx.save();
    ctx.strokeStyle = 'rgba(20,20,20,0.75)';
    ctx.lineWidth = 1.1;
    ctx.beginPath();
    for (let i = 0; i < n; i += 2) {
      const x = px(pts[2 * i]);
      const y = py(pts[2 * i + 1]);
      const dx = f.arrows[2 * i] * scale;
      const dy = -f.arrows[2 * i + 1] * scale;
      if (!Number.isFinite(x + y + dx + dy) || Math.hypot(dx, dy) < 1.5) continue;
      const ex = x + dx;
      const ey = y + dy;
      ctx.moveTo(x, y);
      ctx.lineTo(ex, ey);
      const a = Math.atan2(dy, dx);
      ctx.moveTo(ex, ey);
      ctx.lineTo(ex - 4 * Math.cos(a - 0.5), ey - 4 * Math.sin(a - 0.5));
      ctx.moveTo(ex, ey);
      ctx.lineTo(ex - 4 * Math.cos(a + 0.5), ey - 4 * Math.sin(a + 0.5));
    }
    ctx.stroke();
    ctx.restore();
  }
}

/** Held-out real points: a ring with a centre dot, in the group's colour (neither filled like training points nor hollow like fakes). */
function drawHeldout(ctx: CanvasRenderingContext2D, h: PointSet, px: (v: number) => number, py: (v: number) => number, r: number): void {
  ctx.save();
  ctx.lineWidth = 1.3;
  const groups = new Set<number>();
  for (let i = 0; i < h.n; i++) groups.add(h.g[i]);
  for (const gi of groups) {
    ctx.beginPath();
    const dots = new Path2D();
    for (let i = 0; i < h.n; i++) {
      if (h.g[i] !== gi) continue;
      const x = px(h.x[2 * i]);
      const y = py(h.x[2 * i + 1]);
      ctx.moveTo(x + r * 1.15, y);
      ctx.arc(x, y, r * 1.15, 0, Math.PI * 2);
      dots.moveTo(x + r * 0.35, y);
      dots.arc(x, y, r * 0.35, 0, Math.PI * 2);
    }
    ctx.strokeStyle = groupColour(gi);
    ctx.globalAlpha = 0.9;
    ctx.stroke();
    ctx.fillStyle = groupColour(gi);
    ctx.fill(dots);
  }
  ctx.restore();
}

/** Copy lines: dark lines with a ring round the copied training point. */
function drawCopies(ctx: CanvasRenderingContext2D, c: Float32Array, px: (v: number) => number, py: (v: number) => number, r: number): void {
  ctx.save();
  ctx.beginPath();
  for (let i = 0; i + 3 < c.length; i += 4) {
    const x1 = px(c[i]);
    const y1 = py(c[i + 1]);
    const x2 = px(c[i + 2]);
    const y2 = py(c[i + 3]);
    if (!Number.isFinite(x1 + y1 + x2 + y2)) continue;
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.moveTo(x2 + 2 * r, y2);
    ctx.arc(x2, y2, 2 * r, 0, Math.PI * 2);
  }
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 3.5;
  ctx.stroke();
  ctx.strokeStyle = '#111111';
  ctx.lineWidth = 1.6;
  ctx.stroke();
  ctx.restore();
}
