/**
 * One live playground run, wherever it trains (the live training worker, or the page's thread
 * where there is no worker): the run planned from the settings, its trainer, the probe of what the
 * plot draws, the evaluation context and the training loop. The page plans the same run with
 * `planPlaygroundRun` to draw its data; the same settings and seed give the same points in both.
 */
import type { Config } from '../settings/config';
import { makeSource, trainingSet } from '../data/datasets';
import type { DrawnPoint, PointSet, Source } from '../data/datasets';
import { trainAndHoldout } from '../privacy/holdout';
import { memorisationApplies } from '../privacy/live';
import { makeEvalContext } from '../metrics/evaluate';
import { Trainer, specFromConfig } from '../gan/trainer';
import type { TrainerSpec } from '../gan/trainer';
import { Probe } from '../gan/probe';
import type { ProbeLayout } from '../gan/probe';
import { Rng } from '../shared/rng';
import { TrainingLoop } from './loop';
import type { LoopEvents, LoopHost } from './loop';
import type { LiveEngine } from './engine';

/** Generated points drawn each frame (fixed noise), and the decision field's cells per side. */
export const VISUAL_POINTS = 400;
export const FIELD_CELLS = 48;
export const MANIFOLD_SAMPLES = 41;

/** The probe layout for the layers a view shows. */
export function probeLayout(show: { manifold: boolean; arrows: boolean }): ProbeLayout {
  return { points: VISUAL_POINTS, field: FIELD_CELLS, manifoldLines: show.manifold ? 9 : 0, manifoldSamples: MANIFOLD_SAMPLES, arrows: show.arrows };
}

export interface PlannedRun {
  source: Source;
  data: PointSet;
  spec: TrainerSpec;
  /** The training set's held-out twin (as many fresh real points), null when the run has none. */
  holdout: PointSet | null;
}

/** The data and spec of a run from its settings (and drawn points). */
export function planPlaygroundRun(cfg: Config, drawn: readonly DrawnPoint[]): PlannedRun {
  const source = makeSource(cfg, drawn);
  const data = trainingSet(source, cfg.data === 'drawn' ? Math.max(cfg.points, drawn.length) : cfg.points, cfg.seed);
  const spec = specFromConfig(cfg);
  const holdout = cfg.data !== 'drawn' && memorisationApplies(data.n) ? trainAndHoldout(source, data.n, cfg.seed).holdout : null;
  return { source, data, spec, holdout };
}

export interface PlaygroundRequest {
  config: Config;
  drawn: DrawnPoint[];
  layout: ProbeLayout;
}

interface Built {
  trainer: Trainer;
  probe: Probe;
  visual: Float32Array;
}

export class PlaygroundEngine implements LiveEngine<PlaygroundRequest> {
  readonly loop: TrainingLoop;
  private current: Built | null = null;

  constructor(
    host: LoopHost,
    events: LoopEvents,
    /** Free an old probe later: it may still be in a readback. */
    private readonly later: (fn: () => void) => void,
  ) {
    this.loop = new TrainingLoop(host, events);
  }

  get trainer(): Trainer | null {
    return this.current?.trainer ?? null;
  }

  /** Build the run (freeing the last one) and install it in the loop. */
  build(req: PlaygroundRequest): void {
    this.dispose();
    const { source, data, spec, holdout } = planPlaygroundRun(req.config, req.drawn);
    const ctx = makeEvalContext(source, req.config.seed);
    const trainer = new Trainer(spec, data);
    const visual = new Rng(req.config.seed).fork('visual-noise').fill(new Float32Array(VISUAL_POINTS * spec.noiseDim), spec.noise);
    const probe = new Probe(trainer, req.layout, visual);
    this.current = { trainer, probe, visual };
    this.loop.setRun(trainer, ctx, probe, holdout ? { train: data, holdout } : null);
    this.loop.speed = req.config.speed;
  }

  /** Draw other layers (the probe is rebuilt, so no work is done for hidden ones). */
  setLayout(layout: ProbeLayout): void {
    const run = this.current;
    if (!run) return;
    const old = run.probe;
    run.probe = new Probe(run.trainer, layout, run.visual);
    this.loop.setProbe(run.probe);
    this.later(() => old.dispose());
  }

  dispose(): void {
    const run = this.current;
    this.current = null;
    if (!run) return;
    this.loop.pause();
    run.trainer.dispose();
    run.probe.dispose();
  }
}
