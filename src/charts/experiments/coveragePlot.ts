/**
 * "What the fix misses": the held-out real minority, each point filled (blue circle) when a
 * synthetic point lies in its 5-nearest-neighbour ball and marked with a vermillion cross when
 * none does, over one arm's synthetic minority points (hollow grey rings), and both spreads as
 * dashed ±1 SD boxes. Canvas (a few thousand points); the caller gives the shared domain so the
 * panels of both arms compare directly.
 */
import { OKABE_ITO } from '../shared/palette';

export interface CoveragePlotData {
  heldOut: ArrayLike<number>;
  nHeldOut: number;
  covered: ArrayLike<number>;
  synthetic: ArrayLike<number>;
  nSynthetic: number;
  realMean: readonly number[];
  realStd: readonly number[];
  synMean: readonly number[];
  synStd: readonly number[];
}

export type Domain = [number, number, number, number];

export const COVERED_COLOUR = OKABE_ITO.blue;
export const MISSED_COLOUR = OKABE_ITO.vermillion;
export const SYNTHETIC_COLOUR = '#3d3d3d';
export const SYN_SPREAD_COLOUR = OKABE_ITO.purple;

function extent(x: ArrayLike<number>, n: number, axis: number, q: number): [number, number] {
  const v = Float64Array.from({ length: n }, (_, i) => x[2 * i + axis]).sort();
  if (!n) return [Infinity, -Infinity];
  return [v[Math.floor(q * (n - 1))], v[Math.ceil((1 - q) * (n - 1))]];
}

/** A square domain around the held-out points and the bulk (98%) of every arm's points. */
export function sharedDomain(heldOut: ArrayLike<number>, nHeldOut: number, arms: { x: ArrayLike<number>; n: number }[]): Domain {
  const lo = [Infinity, Infinity];
  const hi = [-Infinity, -Infinity];
  for (const [x, n, q] of [[heldOut, nHeldOut, 0], ...arms.map((a) => [a.x, a.n, 0.01] as const)] as [ArrayLike<number>, number, number][]) {
    for (let axis = 0; axis < 2; axis++) {
      const [a, b] = extent(x, n, axis, q);
      lo[axis] = Math.min(lo[axis], a);
      hi[axis] = Math.max(hi[axis], b);
    }
  }
  if (!Number.isFinite(lo[0]) || !Number.isFinite(lo[1])) return [-1, 1, -1, 1];
  const half = Math.max(hi[0] - lo[0], hi[1] - lo[1], 0.05) * 0.56;
  const cx = (lo[0] + hi[0]) / 2;
  const cy = (lo[1] + hi[1]) / 2;
  return [cx - half, cx + half, cy - half, cy + half];
}

/** Draw on a square canvas of CSS width `size`; returns how many synthetic points fell outside the view. */
export function draw(canvas: HTMLCanvasElement, data: CoveragePlotData, domain: Domain, size: number): number {
  const dpr = globalThis.devicePixelRatio || 1;
  canvas.width = Math.round(size * dpr);
  canvas.height = Math.round(size * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return 0;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, size, size);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size, size);
  const [x0, x1, y0, y1] = domain;
  const px = (v: number) => ((v - x0) / (x1 - x0)) * size;
  const py = (v: number) => size - ((v - y0) / (y1 - y0)) * size;
  const r = Math.max(2, size / 150);

  // synthetic points: hollow rings, underneath
  let outside = 0;
  ctx.globalAlpha = 0.4;
  ctx.strokeStyle = SYNTHETIC_COLOUR;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let i = 0; i < data.nSynthetic; i++) {
    const vx = data.synthetic[2 * i];
    const vy = data.synthetic[2 * i + 1];
    if (vx < x0 || vx > x1 || vy < y0 || vy > y1) {
      outside++;
      continue;
    }
    const x = px(vx);
    const y = py(vy);
    ctx.moveTo(x + r * 0.9, y);
    ctx.arc(x, y, r * 0.9, 0, Math.PI * 2);
  }
  ctx.stroke();

  // covered real points (filled) over the synthetic rings
  ctx.fillStyle = COVERED_COLOUR;
  ctx.globalAlpha = 0.75;
  ctx.beginPath();
  for (let i = 0; i < data.nHeldOut; i++) {
    if (!data.covered[i]) continue;
    const x = px(data.heldOut[2 * i]);
    const y = py(data.heldOut[2 * i + 1]);
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
  }
  ctx.fill();

  // missed real points: crosses on top
  ctx.globalAlpha = 1;
  ctx.strokeStyle = MISSED_COLOUR;
  ctx.lineWidth = 2;
  ctx.beginPath();
  const c = r * 1.3;
  for (let i = 0; i < data.nHeldOut; i++) {
    if (data.covered[i]) continue;
    const x = px(data.heldOut[2 * i]);
    const y = py(data.heldOut[2 * i + 1]);
    ctx.moveTo(x - c, y - c);
    ctx.lineTo(x + c, y + c);
    ctx.moveTo(x + c, y - c);
    ctx.lineTo(x - c, y + c);
  }
  ctx.stroke();

  // spreads: mean ± 1 SD boxes
  const box = (mean: readonly number[], std: readonly number[], colour: string, dash: number[]) => {
    if (![...mean, ...std].every(Number.isFinite)) return; // fewer than two points: no spread to draw
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2;
    ctx.setLineDash(dash);
    const ax = px(mean[0] - std[0]);
    const bx = px(mean[0] + std[0]);
    const ay = py(mean[1] + std[1]);
    const by = py(mean[1] - std[1]);
    ctx.strokeRect(ax, ay, bx - ax, by - ay);
  };
  box(data.realMean, data.realStd, '#111', [6, 4]);
  box(data.synMean, data.synStd, SYN_SPREAD_COLOUR, [2, 3]);
  ctx.setLineDash([]);
  ctx.strokeStyle = '#d9dbe0';
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, 0.5, size - 1, size - 1);
  return outside;
}
