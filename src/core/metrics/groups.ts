/**
 * Group assignment of generated points: each point goes to the group whose real density is
 * highest there; points where the real data is (almost) absent count as "off-data".
 *
 * The real density of each group is held on a grid, once per data set. Where the source knows its
 * density (the two-group and ring data are Gaussian mixtures) the grid holds that exact density
 * at each cell's centre (128 × 128). Otherwise (drawn, curve, square data) it is estimated: a
 * large fresh sample is binned per group (64 × 64) and smoothed with a Gaussian kernel. The
 * smoothing widened a tight group: where a plain forger piled its points on the edge between the
 * majority and the tight tail cluster, the estimate gave the minority twice the share the exact
 * densities give (ratio 1.97 against 0.97). The density of group g at x is the density of g's
 * points (so a group's size counts, as it does in the data).
 * "Off-data" is where every group's density is below that group's own level that leaves out 1% of
 * its real points. The level is per group so that "far from the data" means the same for a small
 * group as for a big one: with one level for the total density, the sparse edges of a 10% group
 * fell below it and a perfect copy scored a minority ratio of about 0.9 (at 3%, about 0.75).
 */
import { DOMAIN } from '../data/datasets';
import type { PointSet, Source } from '../data/datasets';
import { Rng } from '../shared/rng';

export const DENSITY_BINS = 64;
const KERNEL_SIGMA_CELLS = 1.5;
const OFF_DATA_MASS = 0.01;
export const OFF_DATA = -1;

export interface GroupDensity {
  bins: number;
  groups: number;
  /** groups × bins² smoothed densities (counts per cell). */
  density: Float64Array[];
  /** Per group: density below this is off that group's data; below it for every group is off-data. */
  thresholds: number[];
}

function cellOf(px: number, py: number, bins: number): number {
  const scale = bins / (2 * DOMAIN);
  const bx = Math.floor((px + DOMAIN) * scale);
  const by = Math.floor((py + DOMAIN) * scale);
  if (!Number.isFinite(px) || !Number.isFinite(py) || bx < 0 || by < 0 || bx >= bins || by >= bins) return -1;
  return by * bins + bx;
}

function blur(h: Float64Array, bins: number, sigma: number): Float64Array {
  const r = Math.ceil(3 * sigma);
  const k: number[] = [];
  for (let i = -r; i <= r; i++) k.push(Math.exp(-(i * i) / (2 * sigma * sigma)));
  const tmp = new Float64Array(h.length);
  const out = new Float64Array(h.length);
  for (let y = 0; y < bins; y++)
    for (let x = 0; x < bins; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) {
        const xx = x + i;
        if (xx >= 0 && xx < bins) s += k[i + r] * h[y * bins + xx];
      }
      tmp[y * bins + x] = s;
    }
  for (let y = 0; y < bins; y++)
    for (let x = 0; x < bins; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) {
        const yy = y + i;
        if (yy >= 0 && yy < bins) s += k[i + r] * tmp[yy * bins + x];
      }
      out[y * bins + x] = s;
    }
  return out;
}

/** Estimate per-group real densities from a labelled sample. */
export function densityFromSample(real: PointSet, groups: number, bins = DENSITY_BINS): GroupDensity {
  const raw = Array.from({ length: groups }, () => new Float64Array(bins * bins));
  for (let i = 0; i < real.n; i++) {
    const c = cellOf(real.x[2 * i], real.x[2 * i + 1], bins);
    if (c >= 0) raw[real.g[i]][c]++;
  }
  const density = raw.map((h) => blur(h, bins, KERNEL_SIGMA_CELLS));
  return { bins, groups, density, thresholds: levelsOf(density, real, groups, bins) };
}

/** Per group: the level of the group's own density under which only OFF_DATA_MASS of its points lie. */
function levelsOf(density: Float64Array[], real: PointSet, groups: number, bins: number): number[] {
  const levels: number[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < real.n; i++) {
    const c = cellOf(real.x[2 * i], real.x[2 * i + 1], bins);
    if (c >= 0) levels[real.g[i]].push(density[real.g[i]][c]);
  }
  return levels.map((level) => {
    level.sort((a, b) => a - b);
    // a group with no points covers no ground
    return level.length ? level[Math.floor(OFF_DATA_MASS * level.length)] : Infinity;
  });
}

/** Grid of a source's exact group densities: finer than the estimate, since it has no noise. */
export const EXACT_BINS = 128;

/**
 * Per-group densities from a source's exact density, evaluated at each cell's centre, with the
 * same per-group off-data levels as an estimate (taken over a sample's points).
 */
export function densityFromExact(
  density: (g: number, x: number, y: number) => number,
  sample: PointSet,
  groups: number,
  bins = EXACT_BINS,
): GroupDensity {
  const cell = (2 * DOMAIN) / bins;
  const grids = Array.from({ length: groups }, (_, g) => {
    const d = new Float64Array(bins * bins);
    for (let by = 0; by < bins; by++)
      for (let bx = 0; bx < bins; bx++) d[by * bins + bx] = density(g, -DOMAIN + (bx + 0.5) * cell, -DOMAIN + (by + 0.5) * cell);
    return d;
  });
  return { bins, groups, density: grids, thresholds: levelsOf(grids, sample, groups, bins) };
}

/**
 * The group density of a source: exact where the source knows it (two groups, ring), else
 * estimated from a fresh, seeded sample of 8,192 points. The sample sets the off-data levels
 * either way.
 */
export function densityOfSource(source: Source, seed: number): GroupDensity {
  const sample = source.sample(new Rng(seed).fork('group-density'), 8192);
  if (source.density) return densityFromExact(source.density.bind(source), sample, source.groups.length);
  return densityFromSample(sample, source.groups.length);
}

/** Group index of one point, or OFF_DATA. */
export function assignGroup(gd: GroupDensity, px: number, py: number): number {
  const c = cellOf(px, py, gd.bins);
  if (c < 0) return OFF_DATA;
  let best = OFF_DATA;
  let bestD = 0;
  let onData = false;
  for (let g = 0; g < gd.groups; g++) {
    const d = gd.density[g][c];
    if (d > 0 && d >= gd.thresholds[g]) onData = true;
    if (d > bestD) {
      bestD = d;
      best = g;
    }
  }
  return onData ? best : OFF_DATA;
}

export interface Shares {
  /** Share of generated points per group, in group order. */
  groups: number[];
  /** Share of generated points that fall off the real data. */
  offData: number;
}

/** Synthetic share per group of n generated 2-D points. */
export function syntheticShares(gd: GroupDensity, x: ArrayLike<number>, n: number): Shares {
  const c = new Array<number>(gd.groups).fill(0);
  let off = 0;
  for (let i = 0; i < n; i++) {
    const g = assignGroup(gd, x[2 * i], x[2 * i + 1]);
    if (g === OFF_DATA) off++;
    else c[g]++;
  }
  return { groups: c.map((v) => (n ? v / n : 0)), offData: n ? off / n : 0 };
}

/** Group index (or OFF_DATA = -1) of each generated 2-D point. */
export function assignAll(density: GroupDensity, x: ArrayLike<number>, n: number): Int8Array {
  const out = new Int8Array(n);
  for (let i = 0; i < n; i++) out[i] = assignGroup(density, x[2 * i], x[2 * i + 1]);
  return out;
}
