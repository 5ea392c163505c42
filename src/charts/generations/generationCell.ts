/**
 * One small multiple of the generations strip: a generation's points over the real data, on a
 * canvas. Real points are small, faint and filled; generated points are hollow, coloured and
 * shaped by the group the real density gives them (off-data points are grey crosses), so the
 * minority is told apart by shape as well as colour.
 */
import { groupColour, groupShape, traceShape } from '../shared/palette';

export interface CellData {
  /** Real points, x and y interleaved, and their groups. */
  real: ArrayLike<number>;
  realGroups: ArrayLike<number>;
  /** Generated points and their groups (255 = off the real data). */
  sample: ArrayLike<number>;
  sampleGroups: ArrayLike<number>;
}

export interface CellOptions {
  /** CSS pixels along a side. */
  size: number;
  /** The plot's domain along both axes. Default [−1.2, 1.2]. */
  domain?: [number, number];
}

const OFF = 255;

export function draw(canvas: HTMLCanvasElement, data: CellData, opt: CellOptions): void {
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  const size = Math.max(40, Math.round(opt.size));
  canvas.width = Math.round(size * dpr);
  canvas.height = Math.round(size * dpr);
  canvas.style.width = `${size}px`;
  canvas.style.height = `${size}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size, size);
  const [lo, hi] = opt.domain ?? [-1.2, 1.2];
  const px = (v: number) => ((v - lo) / (hi - lo)) * size;
  const py = (v: number) => size - ((v - lo) / (hi - lo)) * size;
  const r = Math.max(1.6, size / 90);

  ctx.globalAlpha = 0.22;
  for (let i = 0; i < data.realGroups.length; i++) {
    ctx.fillStyle = groupColour(data.realGroups[i]);
    ctx.beginPath();
    ctx.arc(px(data.real[2 * i]), py(data.real[2 * i + 1]), r * 0.8, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.globalAlpha = 0.9;
  ctx.lineWidth = 1;
  // majority first, so the rarer groups' marks sit on top
  const order = Array.from({ length: data.sampleGroups.length }, (_, i) => i).sort((a, b) => rank(data.sampleGroups[a]) - rank(data.sampleGroups[b]));
  for (const i of order) {
    const g = data.sampleGroups[i] === OFF ? -1 : data.sampleGroups[i];
    ctx.strokeStyle = groupColour(g);
    ctx.beginPath();
    traceShape(ctx, groupShape(g), px(data.sample[2 * i]), py(data.sample[2 * i + 1]), g === 0 ? r : r * 1.25);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.strokeStyle = '#c9ccd3';
  ctx.strokeRect(0.5, 0.5, size - 1, size - 1);
}

const rank = (g: number) => (g === OFF ? 1 : g === 0 ? 0 : 2);
