/**
 * Real data: 2-D point sources whose points carry a group id.
 * A Source can draw fresh samples (for evaluation and noise floors); the training set is one fixed,
 * seeded sample of it. Group counts are stratified, so a 10% minority is exactly 10% of any sample.
 */
import type { Config, DatasetKind, Placement } from '../settings/config';
import { Rng } from '../shared/rng';

/** The plot domain: every data set lives inside [-DOMAIN, DOMAIN]². */
export const DOMAIN = 1;

export interface Group {
  /** Stable id, used in data-testids and URLs. */
  id: string;
  label: string;
}

export interface PointSet {
  /** Row-major coordinates, n × dim. */
  x: Float32Array;
  /** Group index per point. */
  g: Uint8Array;
  n: number;
  dim: number;
}

export interface Source {
  kind: DatasetKind;
  dim: number;
  groups: Group[];
  /** Share of each group in the real distribution (sums to 1). */
  shares: number[];
  sample(rng: Rng, n: number): PointSet;
  /**
   * The exact density of group g at (x, y), weighted by its share (so the groups' densities sum
   * to the data's density), where the source is a known mixture; absent for drawn and curve data.
   * groups.ts assigns generated points by it instead of estimating it from a sample.
   */
  density?(group: number, x: number, y: number): number;
}

export interface DrawnPoint {
  x: number;
  y: number;
  group: number;
  /** A labelled file's synthetic row (`source = synthetic`): trained on like any point, drawn marked. */
  synthetic?: boolean;
}

/** Most drawn points kept; more are thinned evenly. 5,000: a pasted or uploaded CSV keeps its first 5,000 rows (issue 17). */
export const MAX_DRAWN = 5000;
const DRAWN_JITTER = 0.03;

interface Blob {
  cx: number;
  cy: number;
  sx: number;
  sy: number;
}

const MAJORITY: Blob = { cx: -0.35, cy: -0.15, sx: 0.22, sy: 0.16 };
const MINORITY: Record<Placement, Blob> = {
  separate: { cx: 0.45, cy: 0.42, sx: 0.11, sy: 0.11 },
  overlap: { cx: -0.12, cy: 0.02, sx: 0.13, sy: 0.11 },
  tail: { cx: 0.2, cy: -0.46, sx: 0.07, sy: 0.06 },
};

/** Split n into per-group counts that match the shares exactly up to rounding. */
export function stratifiedCounts(n: number, shares: number[]): number[] {
  const counts = shares.map((s) => Math.floor(s * n));
  let rest = n - counts.reduce((a, b) => a + b, 0);
  const order = shares
    .map((s, i) => ({ i, frac: s * n - Math.floor(s * n) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) counts[order[k].i]++;
  return counts;
}

function clampToDomain(v: number): number {
  return Math.max(-DOMAIN, Math.min(DOMAIN, v));
}

/** Build a sampler from one per-group point generator. */
function groupedSource(
  kind: DatasetKind,
  groups: Group[],
  shares: number[],
  draw: (rng: Rng, group: number) => [number, number],
): Source {
  return {
    kind,
    dim: 2,
    groups,
    shares,
    sample(rng: Rng, n: number): PointSet {
      const counts = stratifiedCounts(n, shares);
      const x = new Float32Array(n * 2);
      const g = new Uint8Array(n);
      // Interleave the groups with a seeded shuffle so any prefix is a fair sample.
      const order: number[] = [];
      counts.forEach((c, gi) => {
        for (let k = 0; k < c; k++) order.push(gi);
      });
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (let i = 0; i < n; i++) {
        const [px, py] = draw(rng, order[i]);
        x[2 * i] = clampToDomain(px);
        x[2 * i + 1] = clampToDomain(py);
        g[i] = order[i];
      }
      return { x, g, n, dim: 2 };
    },
  };
}

function gaussianIn(rng: Rng, b: Blob): [number, number] {
  return [b.cx + b.sx * rng.normal(), b.cy + b.sy * rng.normal()];
}

/** Density of an axis-aligned Gaussian blob at (x, y). */
function gaussianDensity(b: Blob, x: number, y: number): number {
  const u = (x - b.cx) / b.sx;
  const v = (y - b.cy) / b.sy;
  return Math.exp(-0.5 * (u * u + v * v)) / (2 * Math.PI * b.sx * b.sy);
}

/** A source whose groups are Gaussian blobs: sampled from them, with their exact density. */
function blobSource(kind: DatasetKind, groups: Group[], shares: number[], blobs: Blob[]): Source {
  return {
    ...groupedSource(kind, groups, shares, (rng, gi) => gaussianIn(rng, blobs[gi])),
    density: (g, x, y) => shares[g] * gaussianDensity(blobs[g], x, y),
  };
}

export function twoGroups(minority: number, place: Placement): Source {
  const m = Math.min(0.5, Math.max(0.01, minority));
  return blobSource(
    'groups',
    [
      { id: 'majority', label: 'Majority' },
      { id: 'minority', label: 'Minority' },
    ],
    [1 - m, m],
    [MAJORITY, MINORITY[place]],
  );
}

const RING_RADIUS = 0.7;
const RING_SPREAD = 0.05;

export function ringOfEight(): Source {
  const groups = Array.from({ length: 8 }, (_, i) => ({ id: `mode-${i + 1}`, label: `Mode ${i + 1}` }));
  const blobs = groups.map((_, i) => {
    const a = (i / 8) * 2 * Math.PI;
    return { cx: RING_RADIUS * Math.cos(a), cy: RING_RADIUS * Math.sin(a), sx: RING_SPREAD, sy: RING_SPREAD };
  });
  return blobSource('ring', groups, groups.map(() => 1 / 8), blobs);
}

export function curve(): Source {
  return groupedSource('curve', [{ id: 'all', label: 'All points' }], [1], (rng) => {
    const t = rng.uniform(-0.85, 0.85);
    return [t + 0.02 * rng.normal(), 0.45 * Math.sin(2.6 * t) + 0.04 * rng.normal()];
  });
}

export function uniformSquare(): Source {
  return groupedSource('square', [{ id: 'all', label: 'All points' }], [1], (rng) => [
    rng.uniform(-0.6, 0.6),
    rng.uniform(-0.6, 0.6),
  ]);
}

export const DRAWN_GROUPS: Group[] = [
  { id: 'group-a', label: 'Group A' },
  { id: 'group-b', label: 'Group B' },
];

/** Keep drawn points usable: finite, inside the domain, group 0 or 1, at most MAX_DRAWN. */
export function cleanDrawn(points: readonly DrawnPoint[]): DrawnPoint[] {
  const ok = points
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .map((p) => ({ x: clampToDomain(p.x), y: clampToDomain(p.y), group: p.group === 1 ? 1 : 0, ...(p.synthetic === true ? { synthetic: true } : {}) }));
  if (ok.length <= MAX_DRAWN) return ok;
  const stride = ok.length / MAX_DRAWN;
  return Array.from({ length: MAX_DRAWN }, (_, i) => ok[Math.floor(i * stride)]);
}

/** Drawn points as a distribution: each sample is a drawn point plus a little jitter. */
export function drawnSource(points: readonly DrawnPoint[]): Source {
  const pts = cleanDrawn(points);
  const byGroup = [pts.filter((p) => p.group === 0), pts.filter((p) => p.group === 1)];
  const present = byGroup.map((b) => b.length > 0);
  if (!present[0] && !present[1]) throw new Error('Draw at least one point first.');
  const total = pts.length;
  const groups = DRAWN_GROUPS.filter((_, i) => present[i]);
  const members = byGroup.filter((_, i) => present[i]);
  const shares = members.map((b) => b.length / total);
  return groupedSource('drawn', groups, shares, (rng, gi) => {
    const p = members[gi][rng.int(members[gi].length)];
    return [p.x + DRAWN_JITTER * rng.normal(), p.y + DRAWN_JITTER * rng.normal()];
  });
}

export function makeSource(cfg: Pick<Config, 'data' | 'minority' | 'place'>, drawn: readonly DrawnPoint[] = []): Source {
  switch (cfg.data) {
    case 'groups':
      return twoGroups(cfg.minority, cfg.place);
    case 'ring':
      return ringOfEight();
    case 'curve':
      return curve();
    case 'square':
      return uniformSquare();
    case 'drawn':
      return drawnSource(drawn);
  }
}

/** A few drawn points to start from, so "Draw your own" never begins empty. */
export function starterDrawing(): DrawnPoint[] {
  const rng = new Rng(4242);
  const pts: DrawnPoint[] = [];
  for (let i = 0; i < 60; i++) pts.push({ x: -0.5 + 0.12 * rng.normal(), y: 0.3 + 0.12 * rng.normal(), group: 0 });
  for (let i = 0; i < 15; i++) pts.push({ x: 0.5 + 0.06 * rng.normal(), y: -0.4 + 0.06 * rng.normal(), group: 1 });
  return pts;
}

/** The fixed training set of a run: a seeded sample of `points` from the source. */
export function trainingSet(source: Source, points: number, seed: number): PointSet {
  return source.sample(new Rng(seed).fork('training-set'), points);
}
