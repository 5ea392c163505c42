/**
 * Okabe–Ito colours (safe for the common colour-vision deficiencies), always paired with a
 * shape, so groups are told apart without colour too.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  black: '#000000',
} as const;

export const GROUP_COLOURS = [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.green, OKABE_ITO.purple, OKABE_ITO.orange, OKABE_ITO.sky, '#7a6a00', '#444444'];
export type Shape = 'circle' | 'triangle' | 'square' | 'diamond' | 'cross' | 'star' | 'wye' | 'hexagon';
export const GROUP_SHAPES: Shape[] = ['circle', 'triangle', 'square', 'diamond', 'cross', 'star', 'wye', 'hexagon'];
export const OFF_DATA_COLOUR = '#6b6b6b';

export const groupColour = (i: number) => (i < 0 ? OFF_DATA_COLOUR : GROUP_COLOURS[i % GROUP_COLOURS.length]);
export const groupShape = (i: number): Shape => (i < 0 ? 'cross' : GROUP_SHAPES[i % GROUP_SHAPES.length]);

/** Decision field: where the detective says "real" and where it says "fake". */
export const FIELD_REAL: [number, number, number] = [0, 158, 115];
export const FIELD_FAKE: [number, number, number] = [204, 121, 167];

/** Trace a shape of radius r centred at (x, y) on a canvas path. */
export function traceShape(ctx: CanvasRenderingContext2D | Path2D, shape: Shape, x: number, y: number, r: number): void {
  switch (shape) {
    case 'circle':
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
      break;
    case 'square': {
      const s = r * 0.88;
      ctx.rect(x - s, y - s, 2 * s, 2 * s);
      break;
    }
    case 'triangle': {
      const h = r * 1.25;
      ctx.moveTo(x, y - h);
      ctx.lineTo(x + h * 0.866, y + h * 0.5);
      ctx.lineTo(x - h * 0.866, y + h * 0.5);
      ctx.closePath();
      break;
    }
    case 'diamond': {
      const d = r * 1.25;
      ctx.moveTo(x, y - d);
      ctx.lineTo(x + d, y);
      ctx.lineTo(x, y + d);
      ctx.lineTo(x - d, y);
      ctx.closePath();
      break;
    }
    case 'cross': {
      const c = r;
      ctx.moveTo(x - c, y - c);
      ctx.lineTo(x + c, y + c);
      ctx.moveTo(x + c, y - c);
      ctx.lineTo(x - c, y + c);
      break;
    }
    case 'star':
    case 'hexagon':
    case 'wye': {
      const n = shape === 'hexagon' ? 6 : shape === 'star' ? 10 : 6;
      for (let k = 0; k < n; k++) {
        const a = -Math.PI / 2 + (k * 2 * Math.PI) / n;
        const rr = shape === 'star' && k % 2 ? r * 0.5 : shape === 'wye' && k % 2 ? r * 0.45 : r * 1.1;
        const px = x + rr * Math.cos(a);
        const py = y + rr * Math.sin(a);
        if (k === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      }
      ctx.closePath();
      break;
    }
  }
}

/** The same shapes as SVG path data (legends). */
export function shapePath(shape: Shape, r: number): string {
  const p = new Path2DRecorder();
  traceShape(p as unknown as Path2D, shape, 0, 0, r);
  return p.d;
}

class Path2DRecorder {
  d = '';
  moveTo(x: number, y: number) {
    this.d += `M${x.toFixed(2)},${y.toFixed(2)}`;
  }
  lineTo(x: number, y: number) {
    this.d += `L${x.toFixed(2)},${y.toFixed(2)}`;
  }
  closePath() {
    this.d += 'Z';
  }
  rect(x: number, y: number, w: number, h: number) {
    this.d += `M${x},${y}h${w}v${h}h${-w}Z`;
  }
  arc(cx: number, cy: number, r: number) {
    this.d += `M${cx + r},${cy}A${r},${r} 0 1,1 ${cx - r},${cy}A${r},${r} 0 1,1 ${cx + r},${cy}`;
  }
}
