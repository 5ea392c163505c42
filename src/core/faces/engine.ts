/**
 * One live faces run, wherever it trains (the live training worker, or the page's thread): the
 * image GAN on the training faces the page drew, the fixed noise of the drawn grid, the held-out
 * real faces, and the faces loop.
 */
import { tf } from '../shared/tf';
import { Trainer } from '../gan/trainer';
import type { TrainerSpec } from '../gan/trainer';
import { Rng } from '../shared/rng';
import type { FaceSet } from './faces';
import { FacesLoop } from './loop';
import type { FacesLoopEvents, FacesRun } from './loop';
import type { LoopHost } from '../loop/sliceLoop';
import type { LiveEngine } from '../loop/engine';

export interface FacesRequest {
  spec: TrainerSpec;
  data: FaceSet;
  /** Held-out real faces (never trained on) for the detective's accuracy. */
  held: { x: Float32Array; n: number; dim: number };
  seed: number;
  gridFaces: number;
  /** Generated faces per evaluation. */
  evalN: number;
}

export class FacesEngine implements LiveEngine<FacesRequest> {
  readonly loop: FacesLoop;
  private run: FacesRun | null = null;

  constructor(host: LoopHost, events: FacesLoopEvents) {
    this.loop = new FacesLoop(host, events);
  }

  get trainer(): Trainer | null {
    return this.run?.trainer ?? null;
  }

  build(req: FacesRequest): void {
    this.dispose();
    const trainer = new Trainer(req.spec, req.data);
    const gridNoise = trainer.noiseFrom(new Rng(req.seed).fork('faces-grid-noise'), req.gridFaces);
    const heldOut = tf.tensor2d(req.held.x, [req.held.n, req.held.dim]);
    this.run = { trainer, gridNoise, heldOut, evalN: req.evalN };
    this.loop.setRun(this.run);
  }

  dispose(): void {
    const run = this.run;
    this.run = null;
    this.loop.setRun(null);
    if (!run) return;
    run.trainer.dispose();
    run.gridNoise.dispose();
    run.heldOut.dispose();
  }
}
