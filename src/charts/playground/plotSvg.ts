/**
 * The main plot as a standalone vector SVG (the export; the live plot is a canvas): the
 * detective's field as cells, the grid, real points filled and generated points hollow, in the
 * same colours and shapes as the canvas.
 */
import type { MainPlotData } from './mainPlot';
import { toPixel } from './mainPlot';
import { FIELD_FAKE, FIELD_REAL, groupColour, groupShape, shapePath } from '../shared/palette';

export function plotSvg(data: MainPlotData, opt: { field: boolean; title: string; size?: number }): string {
  const size = opt.size ?? 600;
  const head = 28;
  const px = (v: number) => toPixel(v, size).toFixed(2);
  const py = (v: number) => (size - toPixel(v, size)).toFixed(2);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size + head}" viewBox="0 ${-head} ${size} ${size + head}" font-family="system-ui, sans-serif">`);
  out.push(`<rect x="0" y="${-head}" width="${size}" height="${size + head}" fill="#ffffff"/>`);
  out.push(`<text x="6" y="-9" font-size="14" fill="#1d1f24">${escapeXml(opt.title)}</text>`);
  out.push(`<rect x="0" y="0" width="${size}" height="${size}" fill="#fbfbf8"/>`);
  const f = data.frame;
  if (opt.field && f) {
    const c = data.fieldCells;
    const w = size / c;
    out.push('<g shape-rendering="crispEdges">');
    for (let j = 0; j < c; j++)
      for (let i = 0; i < c; i++) {
        const p = f.field[j * c + i];
        const v = Number.isFinite(p) ? p : 0.5;
        const strength = Math.sqrt(Math.min(1, Math.abs(v - 0.5) * 2));
        if (strength < 0.02) continue;
        const col = v >= 0.5 ? FIELD_REAL : FIELD_FAKE;
        out.push(`<rect x="${(i * w).toFixed(2)}" y="${((c - 1 - j) * w).toFixed(2)}" width="${(w + 0.05).toFixed(2)}" height="${(w + 0.05).toFixed(2)}" fill="rgb(${col.join(',')})" fill-opacity="${((110 * strength) / 255).toFixed(3)}"/>`);
      }
    out.push('</g>');
  }
  out.push('<g stroke="rgba(0,0,0,0.07)" stroke-width="1">');
  for (let k = -4; k <= 4; k++) {
    const p = toPixel(k / 4, size).toFixed(1);
    out.push(`<line x1="${p}" x2="${p}" y1="0" y2="${size}"/><line y1="${p}" y2="${p}" x1="0" x2="${size}"/>`);
  }
  out.push('</g>');
  const r = 3.1;
  const real = data.real;
  if (real) {
    const groups = real.n ? Math.max(...Array.from(real.g)) + 1 : 0;
    for (let gi = 0; gi < groups; gi++) {
      const d = shapePath(groupShape(gi), r * 0.8);
      out.push(`<g fill="${groupColour(gi)}" fill-opacity="0.42">`);
      for (let i = 0; i < real.n; i++) if (real.g[i] === gi) out.push(`<path transform="translate(${px(real.x[2 * i])},${py(real.x[2 * i + 1])})" d="${d}"/>`);
      out.push('</g>');
    }
  }
  if (f) {
    const n = f.points.length / 2;
    const byGroup = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const gi = data.assigned ? data.assigned[i] : 0;
      if (!byGroup.has(gi)) byGroup.set(gi, []);
      byGroup.get(gi)!.push(i);
    }
    for (const [gi, idx] of byGroup) {
      const d = shapePath(groupShape(gi), r);
      out.push(`<g fill="#ffffff" fill-opacity="0.85" stroke="${groupColour(gi)}" stroke-width="1.3">`);
      for (const i of idx) {
        const x = f.points[2 * i];
        const y = f.points[2 * i + 1];
        if (Number.isFinite(x) && Number.isFinite(y)) out.push(`<path transform="translate(${px(x)},${py(y)})" d="${d}"/>`);
      }
      out.push('</g>');
    }
  }
  out.push('</svg>');
  return out.join('\n');
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
