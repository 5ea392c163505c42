/**
 * A tiny anti-aliased rasteriser for the procedural faces: shapes are signed distance
 * functions in normalised image coordinates (0..1 across, y pointing down), and a layer covers a
 * pixel by clamp(0.5 − d·size, 0, 1), a one-pixel ramp at every edge. Layers are composited in
 * order with "over" blending in sRGB (plain, cheap, and good enough for cartoons at 16–32 px).
 */

export type Rgb = readonly [number, number, number];

/** A signed distance (negative inside) at the point (x, y), in normalised units. */
export type Sdf = (x: number, y: number) => number;

export function circle(cx: number, cy: number, r: number): Sdf {
  return (x, y) => Math.hypot(x - cx, y - cy) - r;
}

/** Ellipse distance to first order: (k − 1) / |∇k| with k the normalised radius. */
export function ellipse(cx: number, cy: number, rx: number, ry: number): Sdf {
  const m = Math.min(rx, ry);
  return (x, y) => {
    const dx = x - cx;
    const dy = y - cy;
    const k = Math.hypot(dx / rx, dy / ry);
    if (k < 1e-6) return -m;
    const gk = Math.hypot(dx / (rx * rx), dy / (ry * ry)) / k;
    return Math.max(-m, (k - 1) / gk);
  };
}

/** Box with half sizes (hx, hy) and corner radius r. */
export function roundedBox(cx: number, cy: number, hx: number, hy: number, r: number): Sdf {
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx + r;
    const qy = Math.abs(y - cy) - hy + r;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
}

/** Everything below (y greater than) the curve y = f(x), with slope f′ for a distance estimate. */
export function below(f: (x: number) => number, df: (x: number) => number): Sdf {
  return (x, y) => (f(x) - y) / Math.sqrt(1 + df(x) ** 2);
}

export function union(...s: Sdf[]): Sdf {
  return (x, y) => s.reduce((d, f) => Math.min(d, f(x, y)), Infinity);
}

export function intersect(...s: Sdf[]): Sdf {
  return (x, y) => s.reduce((d, f) => Math.max(d, f(x, y)), -Infinity);
}

export function subtract(a: Sdf, b: Sdf): Sdf {
  return (x, y) => Math.max(a(x, y), -b(x, y));
}

/**
 * A parabolic arc from (cx − w, cy) to (cx + w, cy) whose middle sits `depth` lower (a smile
 * when depth > 0, y pointing down), stroked with `thickness`, with round caps.
 */
export function arcStroke(cx: number, cy: number, w: number, depth: number, thickness: number): Sdf {
  const h = thickness / 2;
  return (x, y) => {
    const t = (x - cx) / w;
    if (Math.abs(t) <= 1) {
      const f = cy + depth * (1 - t * t);
      const df = (-2 * depth * t) / w;
      return Math.abs(y - f) / Math.sqrt(1 + df * df) - h;
    }
    return Math.hypot(x - (cx + Math.sign(t) * w), y - cy) - h;
  };
}

/** The region between the chord y = cy and the arc of arcStroke (an open smile). */
export function arcFill(cx: number, cy: number, w: number, depth: number): Sdf {
  return (x, y) => {
    const t = (x - cx) / w;
    const f = cy + depth * (1 - Math.min(1, t * t));
    const df = Math.abs(t) <= 1 ? (-2 * depth * t) / w : 0;
    const lo = Math.min(cy, f);
    const hi = Math.max(cy, f);
    return Math.max(lo - y, (y - hi) / Math.sqrt(1 + df * df), Math.abs(x - cx) - w);
  };
}

export interface Layer {
  shape: Sdf;
  colour: Rgb;
  /** Opacity multiplier (default 1). */
  alpha?: number;
  /** True for the plain skin of the face: tracked in the skin-weight map. */
  skin?: boolean;
}

/**
 * Paint layers over a background into out[offset … offset + size²·3) (row-major HWC), colour
 * values mapped from 0..1 to [lo, hi]. If `skinWeight` is given, it receives per pixel how much
 * of the final colour is plain skin.
 */
export function rasterise(
  size: number,
  background: Rgb,
  layers: readonly Layer[],
  out: Float32Array,
  offset = 0,
  skinWeight?: Float32Array,
  [lo, hi]: readonly [number, number] = [0, 1],
): void {
  const span = hi - lo;
  for (let py = 0; py < size; py++) {
    const y = (py + 0.5) / size;
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      let r = background[0];
      let g = background[1];
      let b = background[2];
      let skin = 0;
      for (const layer of layers) {
        const d = layer.shape(x, y);
        const cover = Math.min(1, Math.max(0, 0.5 - d * size)) * (layer.alpha ?? 1);
        if (cover <= 0) continue;
        r += (layer.colour[0] - r) * cover;
        g += (layer.colour[1] - g) * cover;
        b += (layer.colour[2] - b) * cover;
        skin = layer.skin ? skin + (1 - skin) * cover : skin * (1 - cover);
      }
      const o = offset + (py * size + px) * 3;
      out[o] = lo + span * r;
      out[o + 1] = lo + span * g;
      out[o + 2] = lo + span * b;
      if (skinWeight) skinWeight[py * size + px] = skin;
    }
  }
}
