/**
 * 2-D only: what the playground draws. The detective's decision field on a grid, the forger's
 * manifold (where a grid of noise values lands), and gradient arrows (the direction the forger's
 * loss pushes each generated point). Packed into one tensor for a single asynchronous readback.
 */
import { tf } from '../shared/tf';
import { DOMAIN } from '../data/datasets';
import { forgerLoss } from './losses';
import type { Trainer } from './trainer';

export interface ProbeLayout {
  /** Visual points (fixed noise) drawn each frame. */
  points: number;
  /** Decision field resolution (cells per side). */
  field: number;
  /** Manifold: noise grid lines × samples per line (0 lines when off). */
  manifoldLines: number;
  manifoldSamples: number;
  arrows: boolean;
}

export interface ProbeFrame {
  /** points × 2 generated positions for the fixed visual noise. */
  points: Float32Array;
  /** points × 2 gradient directions (−∂loss/∂x), or null. */
  arrows: Float32Array | null;
  /** field² detective probabilities, row-major from the bottom-left (y = −DOMAIN). */
  field: Float32Array;
  /** lines × samples × 2 manifold coordinates, or null. */
  manifold: Float32Array | null;
}

/** Cell centres of the decision-field grid, row-major from the bottom-left. */
export function fieldGrid(cells: number): Float32Array {
  const g = new Float32Array(cells * cells * 2);
  for (let j = 0; j < cells; j++)
    for (let i = 0; i < cells; i++) {
      g[2 * (j * cells + i)] = -DOMAIN + ((i + 0.5) / cells) * 2 * DOMAIN;
      g[2 * (j * cells + i) + 1] = -DOMAIN + ((j + 0.5) / cells) * 2 * DOMAIN;
    }
  return g;
}

/**
 * Noise values along grid lines of the first two noise dimensions (other dimensions 0). For a
 * 1-D noise there is a single line. Lines span ±2 (Gaussian) or ±1 (uniform).
 */
export function manifoldNoise(noiseDim: number, noise: 'gaussian' | 'uniform', lines: number, samples: number): { z: Float32Array; count: number } {
  const r = noise === 'gaussian' ? 2 : 1;
  const rows: number[][] = [];
  const axis = (k: number, n: number) => -r + (2 * r * k) / (n - 1);
  if (noiseDim === 1) {
    for (let s = 0; s < samples; s++) rows.push([axis(s, samples)]);
  } else {
    for (const dir of [0, 1]) {
      for (let l = 0; l < lines; l++)
        for (let s = 0; s < samples; s++) {
          const z = new Array(noiseDim).fill(0);
          z[dir] = axis(s, samples);
          z[1 - dir] = axis(l, lines);
          rows.push(z);
        }
    }
  }
  return { z: Float32Array.from(rows.flat()), count: rows.length };
}

export class Probe {
  readonly layout: ProbeLayout;
  private readonly noise: tf.Tensor2D;
  private readonly grid: tf.Tensor2D;
  private readonly manifoldZ: tf.Tensor2D | null;
  readonly manifoldCount: number;

  constructor(trainer: Trainer, layout: ProbeLayout, visualNoise: Float32Array) {
    this.layout = layout;
    const nz = trainer.spec.noiseDim;
    this.noise = tf.tensor2d(visualNoise, [layout.points, nz]);
    this.grid = tf.tensor2d(fieldGrid(layout.field), [layout.field * layout.field, 2]);
    if (layout.manifoldLines > 0) {
      const m = manifoldNoise(nz, trainer.spec.noise, layout.manifoldLines, layout.manifoldSamples);
      this.manifoldZ = tf.tensor2d(m.z, [m.count, nz]);
      this.manifoldCount = m.count;
    } else {
      this.manifoldZ = null;
      this.manifoldCount = 0;
    }
  }

  /** One flat tensor: [points | arrows? | field | manifold?]. */
  tensor(trainer: Trainer): tf.Tensor1D {
    return tf.tidy(() => {
      const parts: tf.Tensor[] = [];
      const pts = trainer.generate(this.noise);
      parts.push(pts);
      if (this.layout.arrows) {
        const loss = trainer.spec.loss;
        const g = tf.grad((x: tf.Tensor) => forgerLoss(loss, trainer.D.apply(x as tf.Tensor2D)))(pts);
        parts.push(tf.neg(g));
      }
      parts.push(trainer.judge(this.grid));
      if (this.manifoldZ) parts.push(trainer.generate(this.manifoldZ));
      return tf.concat(parts.map((p) => tf.reshape(p, [-1]))) as tf.Tensor1D;
    });
  }

  /** Size of the flat tensor. */
  get length(): number {
    const { points, field, arrows } = this.layout;
    return points * 2 * (arrows ? 2 : 1) + field * field + this.manifoldCount * 2;
  }

  unpack(flat: Float32Array, offset = 0): ProbeFrame {
    const { points, field, arrows } = this.layout;
    let o = offset;
    const take = (n: number) => {
      const a = flat.slice(o, o + n);
      o += n;
      return a;
    };
    const pts = take(points * 2);
    const arr = arrows ? take(points * 2) : null;
    const fld = take(field * field);
    const man = this.manifoldCount ? take(this.manifoldCount * 2) : null;
    return { points: pts, arrows: arr, field: fld, manifold: man };
  }

  dispose(): void {
    this.noise.dispose();
    this.grid.dispose();
    this.manifoldZ?.dispose();
  }
}
