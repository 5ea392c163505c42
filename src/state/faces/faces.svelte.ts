/**
 * The faces view's reactive state: settings, the current run (procedural faces, the image GAN,
 * the loop) and what the grids, histogram and charts show. Training itself is in facesLoop.ts;
 * the numbers come from facesEval.ts, and the run's life cycle (backend, recovery, pause/step,
 * notices) from state/shared/liveRun.svelte.ts.
 */
import type { TrainerState } from '../../core/gan/trainer';
import type { BackendName } from '../../core/backend/backend';
import { DARKER, FACE_GROUPS, faceSource, makeFaceSet } from '../../core/faces/faces';
import { faceTrainerSpec } from '../../core/faces/spec';
import { Rng } from '../../core/shared/rng';
import { LiveView } from '../shared/liveView.svelte';
import type { TrainerView } from '../shared/liveView.svelte';
import { LiveRun } from '../shared/liveRun.svelte';
import type { LiveHandle, LivePlan } from '../shared/liveRun.svelte';
import { liveSide } from '../shared/liveSide';
import type { LiveSide, SideLoop } from '../shared/liveSide';
import { pageThreadNotice } from '../shared/liveThread';
import { FACE_READBACK_MS } from '../../core/faces/loop';
import type { FacesReadback } from '../../core/faces/loop';
import { countTones, evaluateFaces, realSharesOf, tonesOf } from '../../core/faces/evaluate';
import { describeFaces, grouped } from './facesText';
import { t } from '../../i18n';
import type { FaceEvaluation, ToneCounts } from '../../core/faces/evaluate';
import { appendRow, realGridIndices } from '../../core/faces/history';
import type { FacesRow } from '../../core/faces/history';
import { DEFAULT_FACE_SETTINGS } from './facesSettings';
import type { FaceSettings } from './facesSettings';
import { TRAINING_FACES } from '../../core/settings/faces';
import type { FaceSet } from '../../core/faces/faces';
import { FACES_MEMORISATION_PRESET, faceTrainAndHoldout } from '../../core/privacy/faces';
import { memorisation } from '../../core/privacy/memorisation';
import type { Memorisation } from '../../core/privacy/memorisation';

export { TRAINING_FACES };
/** Where the claim is measured (test/unit/faces-claim.test.ts) and where Train stops by default. */
export const PAUSE_STEP = 500;
export const HELD_OUT_FACES = 256;
export const GRID_FACES = 64;
/**
 * Training sets up to this size are measured for memorisation at every evaluation: against 32
 * training and 32 held-out faces, 256 generated faces at 16 px take ~12 M multiply-adds (a few
 * ms); against 2,000 + 2,000 they would take ~1.6 G, a stall of seconds, so the full set is not.
 */
export const MEMORISATION_MAX_FACES = 64;
/** The small set's long run pauses here (the claim's steps). */
export const SMALL_SET_PAUSE_STEP = FACES_MEMORISATION_PRESET.steps;

/** Memorisation of the faces generated at one evaluation (core/privacy/faces.ts's metrics). */
export interface FaceMemorisationView {
  step: number;
  /** The measured generated faces (the first `n` of the evaluation sample), HWC in [−1, 1]. */
  samples: Float32Array;
  n: number;
  metrics: Memorisation;
  /** Wall-clock ms the measurement took on the page. */
  ms: number;
}

export const evalFacesFor = (size: number) => (size >= 32 ? 256 : 512);
export type { FacesRow };

/** One faces run as the page holds it: the image GAN's trainer (or the worker's proxy) and its number. */
interface FacesLabRun extends LiveHandle<TrainerState> {
  trainer: TrainerView;
  id: number;
}

export class FacesLab extends LiveView<FacesLabRun, SideLoop> {
  settings = $state<FaceSettings>({ ...DEFAULT_FACE_SETTINGS });
  /** What the view is waiting for while busy. */
  status = $state(t().faces.run.ready);
  step = $state(0);
  stepsPerSecond = $state(0);
  /** Pause by itself at PAUSE_STEP (once; Train again goes on). */
  pauseAtClaim = $state(true);
  /** Set when training paused itself at PAUSE_STEP. */
  stoppedAt = $state<number | null>(null);
  lossD = $state(NaN);
  lossG = $state(NaN);
  evaluation = $state.raw<FaceEvaluation | null>(null);
  /** Generated grid (fixed noise) and the tone of each of its faces. */
  grid = $state.raw<Float32Array | null>(null);
  gridTones = $state.raw<Int8Array | null>(null);
  /** Real grid: training faces in the training set's proportions. */
  realGrid = $state.raw<Float32Array | null>(null);
  realGridTones = $state.raw<Int8Array | null>(null);
  realCounts = $state.raw<ToneCounts | null>(null);
  realShares = $state.raw<number[]>([0.9, 0.1]);
  history = $state.raw<FacesRow[]>([]);
  /**
   * What the sentence under the grids says (every evaluation) and its throttled copy for screen
   * readers, kept as numbers so both are worded in the language shown.
   */
  private said = $state.raw<Parameters<typeof describeFaces> | null>(null);
  private spoken = $state.raw<Parameters<typeof describeFaces> | null>(null);
  /** Size of the run currently shown (settings.size may be ahead of it while building). */
  size = $state(16);
  /** The training faces of the run shown, and their held-out twin when memorisation is measured. */
  trainSet = $state.raw<FaceSet | null>(null);
  holdoutSet: FaceSet | null = null;
  memo = $state.raw<FaceMemorisationView | null>(null);
  /** Where Train pauses by itself: PAUSE_STEP, or the small set's longer run. */
  pauseStep = $state(PAUSE_STEP);

  /** The run's life cycle: backend, recovery, divergence, play/pause/step, notices. */
  readonly live: LiveRun<FacesLabRun, SideLoop>;
  readonly loop: SideLoop;
  /** Where the run trains: the live training worker, or the page's thread where there is none. */
  readonly side: LiveSide<'faces'>;
  /** Step of the last full evaluation (the grid may be newer). */
  evaluatedStep = $state(0);
  /** The last generated evaluation sample (tests recompute the shares from it). */
  lastSamples: Float32Array | null = null;
  private lastSummary = -Infinity;

  constructor() {
    super();
    const side = (this.side = liveSide('faces'));
    this.live = new LiveRun<FacesLabRun, SideLoop>(
      {
        loop: (events) =>
          side.attach({
            ...events,
            readback: (r) => this.onReadback(r),
            stopped: (step) => {
              this.live.loopPaused();
              this.stoppedAt = step;
            },
          }),
        plan: (stale) => this.plan(stale),
        dispose: (run) => side.free(run.id),
        words: {
          diverged: (step) => t().faces.run.diverged(grouped(step)),
        },
        keepView: () => (saved) => (this.step = saved),
      },
      // copies of the weights only for carrying on after a lost WebGL context (a divergence says Reset)
      { readbackMs: { normal: FACE_READBACK_MS, reduced: 1000 }, saveEveryMs: 3000, saveOnlyOnWebgl: true, platform: side.platform },
    );
    this.loop = this.live.loop;
    if (side.thread.where === 'page') this.live.notify(pageThreadNotice(side.thread.why));
    this.loop.stopAt = PAUSE_STEP;
  }

  /** Apply settings; a new run starts when the data, seed, size or backend changed. */
  async apply(next: Partial<FaceSettings>): Promise<void> {
    const old = $state.snapshot(this.settings) as FaceSettings;
    const merged = { ...old, ...next };
    this.settings = merged;
    const changed = (Object.keys(merged) as (keyof FaceSettings)[]).some((k) => merged[k] !== old[k]);
    if (changed || !this.trainer) await this.rebuild();
  }

  /** Start over from step 0 with the current settings. */
  rebuild(): Promise<void> {
    return this.live.rebuild();
  }

  /**
   * The training faces and spec from the current settings. `auto` starts at once on wasm while
   * WebGL and wasm are measured on this model; plain JavaScript (~0.5 steps/s here) only when
   * neither starts.
   */
  private async plan(stale: () => boolean): Promise<LivePlan<FacesLabRun> | null> {
    const s = $state.snapshot(this.settings) as FaceSettings;
    const n = s.trainFaces;
    const small = n <= MEMORISATION_MAX_FACES;
    this.status = t().faces.run.drawing(grouped(n));
    // let the page paint the status before the drawing blocks the thread for a moment
    await new Promise((r) => setTimeout(r, 0));
    if (stale()) return null;
    // the small set and its held-out twin exactly as the memorisation claim draws them
    const pair = small ? faceTrainAndHoldout({ n, darkerShare: s.darker, size: s.size, seed: s.seed }) : null;
    const data = pair ? pair.train : makeFaceSet({ n, darkerShare: s.darker, size: s.size, seed: s.seed });
    const held = faceSource(s.darker, s.size).sample(new Rng(s.seed).fork('faces-held-out'), HELD_OUT_FACES);
    const realShares = realSharesOf(data);
    const P = FACES_MEMORISATION_PRESET;
    const spec = faceTrainerSpec(small ? { seed: s.seed, size: s.size, gHidden: [...P.gHidden], dHidden: [...P.dHidden] } : { seed: s.seed, size: s.size });
    this.status = s.backend === 'auto' ? t().faces.run.startingAuto : t().faces.run.starting(s.backend);
    return {
      backend: { choice: s.backend, spec, data, avoid: ['cpu' as BackendName] },
      build: async () => {
        const { trainer, id } = await this.side.build({ spec, data, held: { x: held.x, n: held.n, dim: held.dim }, seed: s.seed, gridFaces: GRID_FACES, evalN: evalFacesFor(s.size) });
        this.size = s.size;
        this.realShares = realShares;
        this.realCounts = countTones(data.tone);
        const idx = realGridIndices(data, GRID_FACES, realShares);
        const realGrid = new Float32Array(idx.length * data.dim);
        idx.forEach((j, k) => realGrid.set(data.x.subarray(j * data.dim, (j + 1) * data.dim), k * data.dim));
        this.realGrid = realGrid;
        this.realGridTones = Int8Array.from(idx, (j) => data.tone[j]);
        this.grid = null;
        this.gridTones = null;
        this.evaluation = null;
        this.lastSamples = null;
        this.trainSet = data;
        this.holdoutSet = pair?.holdout ?? null;
        this.memo = null;
        this.pauseStep = small ? SMALL_SET_PAUSE_STEP : PAUSE_STEP;
        if (this.pauseAtClaim) this.loop.stopAt = this.pauseStep;
        this.evaluatedStep = 0;
        this.history = [];
        this.stoppedAt = null;
        this.said = null;
        this.spoken = null;
        this.step = 0;
        this.stepsPerSecond = 0;
        this.lastSummary = -Infinity;
        this.status = '';
        return { trainer, id, save: () => this.side.save(), restore: (state) => this.side.restore(state) };
      },
    };
  }

  setPauseAtClaim(on: boolean): void {
    this.pauseAtClaim = on;
    this.loop.stopAt = on ? this.pauseStep : null;
  }

  play(): void {
    if (this.live.play()) this.stoppedAt = null;
  }

  /** Stop training and show the state it stopped at (the last readback may be a few steps old). */
  pause(): void {
    this.live.pause();
  }

  toggle(): void {
    if (this.running) this.pause();
    else this.play();
  }

  stepOnce(): void {
    this.live.stepOnce();
  }

  /** n steps at once without drawing in between (tests, lessons). */
  fastForward(n: number): void {
    this.live.fastForward(n);
  }

  async reset(): Promise<void> {
    await this.rebuild();
  }

  private onReadback(r: FacesReadback): void {
    const size = this.size;
    const dim = size * size * 3;
    this.gridTones = tonesOf(r.grid, r.grid.length / dim, size);
    this.grid = r.grid;
    this.step = r.step;
    // keep the last measured speed while paused
    if (this.running || r.stepsPerSecond > 0) this.stepsPerSecond = r.stepsPerSecond;
    this.lossD = r.lossD;
    this.lossG = r.lossG;
    const now = performance.now();
    if (r.evaluation) {
      const { samples, pReal, pFake } = r.evaluation;
      const e = evaluateFaces(samples, samples.length / dim, size, this.realShares, pReal, pFake);
      this.lastSamples = samples;
      this.evaluation = e;
      this.evaluatedStep = r.step;
      this.history = appendRow(this.history, r.step, e);
      this.measureMemorisation(r.step, samples, dim);
      this.said = [r.step, e, this.realShares, this.stoppedAt === r.step];
      if (now - this.lastSummary > 5000 || !this.running) {
        this.lastSummary = now;
        this.spoken = this.said;
      }
    }
    // a copy of the weights in ordinary memory, to carry on if the WebGL context is lost
    this.live.noteReadback(r.step, Number.isFinite(r.lossD + r.lossG));
  }

  /** Closer-to-train and nearest training faces of the evaluation sample (small sets only). */
  private measureMemorisation(step: number, samples: Float32Array, dim: number): void {
    const train = this.trainSet;
    const holdout = this.holdoutSet;
    if (!train || !holdout || train.dim !== dim) return;
    const n = Math.min(FACES_MEMORISATION_PRESET.samples, samples.length / dim);
    const x = samples.subarray(0, n * dim);
    const t0 = performance.now();
    const metrics = memorisation({ x, n, dim }, train, holdout);
    this.memo = { step, samples: x, n, metrics, ms: performance.now() - t0 };
  }

  /** Force a WebGL context loss where the run trains (the fault tests). */
  loseWebglContext(): Promise<boolean> {
    return this.side.loseContext();
  }

  destroy(): void {
    super.destroy();
    this.side.close();
  }

  /** The sentence under the grids, e.g. "Step 500: darker faces are 0% of …". */
  get sentence(): string {
    return this.said ? describeFaces(...this.said) : '';
  }

  /** Its copy for screen readers, updated at most every 5 s while training. */
  get summary(): string {
    return this.spoken ? describeFaces(...this.spoken) : '';
  }

  get darkerShare(): number {
    return this.evaluation?.shares.groups[DARKER] ?? NaN;
  }

  get groups() {
    return FACE_GROUPS;
  }
}
