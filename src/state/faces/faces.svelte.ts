/**
 * The faces view's reactive state: settings, the current run (procedural faces, the image GAN,
 * the loop) and what the grids, histogram and charts show. Training itself is in facesLoop.ts;
 * the numbers come from facesEval.ts.
 */
import { tf } from '../../core/shared/tf';
import { Trainer } from '../../core/gan/trainer';
import type { TrainerState } from '../../core/gan/trainer';
import type { BackendDecision, BackendName } from '../../core/backend/backend';
import { DARKER, FACE_GROUPS, faceSource, makeFaceSet } from '../../core/faces/faces';
import type { FaceSet } from '../../core/faces/faces';
import { faceTrainerSpec } from '../../core/faces/spec';
import { Rng } from '../../core/shared/rng';
import { useBackend } from '../../core/backend/backend';
import type { TrainerSpec } from '../../core/gan/trainer';
import { backendOptions, chooseBackend, frameHost, measureBackends, watchWebglLoss, failureMessage, webglLostNotice } from '../platform/platform';
import { FACE_READBACK_MS, FacesLoop } from '../../core/faces/loop';
import type { FacesReadback } from '../../core/faces/loop';
import { countTones, evaluateFaces, realSharesOf, tonesOf } from '../../core/faces/evaluate';
import { describeFaces } from './facesText';
import type { FaceEvaluation, ToneCounts } from '../../core/faces/evaluate';
import { appendRow, realGridIndices } from '../../core/faces/history';
import type { FacesRow } from '../../core/faces/history';
import { DEFAULT_FACE_SETTINGS } from './facesSettings';
import type { FaceSettings } from './facesSettings';

export const TRAINING_FACES = 2000;
/** Where the claim is measured (test/unit/faces-claim.test.ts) and where Train stops by default. */
export const PAUSE_STEP = 500;
export const HELD_OUT_FACES = 256;
export const GRID_FACES = 64;
export const evalFacesFor = (size: number) => (size >= 32 ? 256 : 512);
export type { FacesRow };

export class FacesLab {
  settings = $state<FaceSettings>({ ...DEFAULT_FACE_SETTINGS });
  running = $state(false);
  busy = $state(true);
  /** What the view is waiting for while busy. */
  status = $state('Getting ready…');
  error = $state<string | null>(null);
  diverged = $state(false);
  notices = $state.raw<string[]>([]);
  decision = $state.raw<BackendDecision | null>(null);
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
  /** The sentence under the grids (every evaluation) and its throttled copy for screen readers. */
  sentence = $state('');
  summary = $state('');
  /** Size of the run currently shown (settings.size may be ahead of it while building). */
  size = $state(16);

  readonly loop: FacesLoop;
  trainer: Trainer | null = null;
  /** Step of the last full evaluation (the grid may be newer). */
  evaluatedStep = $state(0);
  /** The last generated evaluation sample (tests recompute the shares from it). */
  lastSamples: Float32Array | null = null;
  private run: { gridNoise: tf.Tensor2D; heldOut: tf.Tensor2D } | null = null;
  private buildToken = 0;
  private excluded: BackendName[] = [];
  private lastSummary = -Infinity;
  private goodState: TrainerState | null = null;
  private lastCapture = -Infinity;
  private unwatch: () => void = () => {};

  constructor() {
    this.loop = new FacesLoop(frameHost, {
      readback: (r) => this.onReadback(r),
      diverged: (step) => {
        this.running = false;
        this.diverged = true;
        this.error = `Training blew up at step ${step.toLocaleString('en-US')}: a loss or a pixel stopped being a number. Press Reset to start again.`;
      },
      failed: (e) => void this.onFailure(e),
      stopped: (step) => {
        this.running = false;
        this.stoppedAt = step;
      },
    });
    this.loop.stopAt = PAUSE_STEP;
    const motion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)');
    const applyMotion = () => (this.loop.readbackInterval = motion?.matches ? 1000 : FACE_READBACK_MS);
    applyMotion();
    motion?.addEventListener?.('change', applyMotion);
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
  async rebuild(): Promise<void> {
    const token = ++this.buildToken;
    const wasRunning = this.running;
    this.loop.setRun(null);
    this.running = false;
    this.busy = true;
    this.error = null;
    this.diverged = false;
    this.goodState = null;
    this.lastCapture = -Infinity;
    this.disposeRun();
    const s = $state.snapshot(this.settings) as FaceSettings;
    this.status = `Drawing ${TRAINING_FACES.toLocaleString('en-US')} training faces…`;
    // let the page paint the status before the drawing blocks the thread for a moment
    await new Promise((r) => setTimeout(r, 0));
    if (token !== this.buildToken) return;
    const data = makeFaceSet({ n: TRAINING_FACES, darkerShare: s.darker, size: s.size, seed: s.seed });
    const held = faceSource(s.darker, s.size).sample(new Rng(s.seed).fork('faces-held-out'), HELD_OUT_FACES);
    const realShares = realSharesOf(data);
    const spec = faceTrainerSpec({ seed: s.seed, size: s.size });
    this.status = s.backend === 'auto' ? 'Starting the compute backend…' : `Starting ${s.backend}…`;
    let decision: BackendDecision;
    try {
      decision = await this.pickBackend(s, spec, data);
    } catch (e) {
      if (token === this.buildToken) {
        this.error = e instanceof Error ? e.message : String(e);
        this.busy = false;
      }
      return;
    }
    if (token !== this.buildToken) return;
    const trainer = new Trainer(spec, data);
    const gridNoise = trainer.noiseFrom(new Rng(s.seed).fork('faces-grid-noise'), GRID_FACES);
    const heldOut = tf.tensor2d(held.x, [held.n, held.dim]);
    this.trainer = trainer;
    this.run = { gridNoise, heldOut };
    this.size = s.size;
    this.decision = decision;
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
    this.evaluatedStep = trainer.steps;
    this.history = [];
    this.stoppedAt = null;
    this.sentence = '';
    this.summary = '';
    this.step = trainer.steps;
    this.stepsPerSecond = 0;
    this.lastSummary = -Infinity;
    this.unwatch();
    this.unwatch = decision.backend === 'webgl' ? watchWebglLoss(() => void this.leaveWebgl()) : () => {};
    this.loop.setRun({ trainer, gridNoise, heldOut, evalN: evalFacesFor(s.size) });
    this.busy = false;
    this.status = '';
    this.loop.readback(true);
    if (wasRunning) this.play();
    if (decision.provisional) void this.settleBackend(token, spec, data, this.autoExclude());
  }

  /** What `auto` leaves out: plain JavaScript, unless nothing else starts (~0.5 steps/s here). */
  private autoExclude(): BackendName[] {
    return [...new Set([...this.excluded, 'cpu' as BackendName])];
  }

  /**
   * auto: start at once on wasm (provisional) while WebGL and wasm are measured on this model in
   * a worker (settleBackend); then the fastest. Plain JavaScript only when neither starts.
   */
  private async pickBackend(s: FaceSettings, spec: TrainerSpec, data: FaceSet): Promise<BackendDecision> {
    if (s.backend !== 'auto') return chooseBackend(s.backend, spec, data, this.excluded);
    try {
      return await chooseBackend('auto', spec, data, this.autoExclude(), { quickStart: true });
    } catch {
      return chooseBackend('auto', spec, data, this.excluded);
    }
  }

  /** Move a provisional run to the measured fastest backend; tensors follow on their next use. */
  private async settleBackend(token: number, spec: TrainerSpec, data: FaceSet, exclude: BackendName[]): Promise<void> {
    let d: BackendDecision;
    try {
      d = await measureBackends(spec, data, exclude);
    } catch {
      if (token === this.buildToken && this.decision) this.decision = { ...this.decision, provisional: false, reason: `${this.decision.backend}: the other backends could not be measured here` };
      return;
    }
    if (token !== this.buildToken) return;
    if (d.backend !== this.decision?.backend) {
      if (!(await useBackend(d.backend, backendOptions)) || token !== this.buildToken) return;
      this.unwatch();
      this.unwatch = d.backend === 'webgl' ? watchWebglLoss(() => void this.leaveWebgl()) : () => {};
    }
    this.decision = d;
  }

  setPauseAtClaim(on: boolean): void {
    this.pauseAtClaim = on;
    this.loop.stopAt = on ? PAUSE_STEP : null;
  }

  play(): void {
    if (this.busy || !this.trainer || this.diverged) return;
    this.stoppedAt = null;
    this.running = true;
    this.loop.play();
  }

  /** Stop training and show the state it stopped at (the last readback may be a few steps old). */
  pause(): void {
    const was = this.loop.running;
    this.running = false;
    this.loop.pause();
    if (was) this.loop.readback(true);
  }

  toggle(): void {
    if (this.running) this.pause();
    else this.play();
  }

  stepOnce(): void {
    if (this.busy || this.diverged) return;
    this.pause();
    this.loop.stepOnce();
  }

  /** n steps at once without drawing in between (tests, lessons). */
  fastForward(n: number): void {
    if (this.busy || this.diverged) return;
    this.loop.runSteps(n);
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
      this.sentence = describeFaces(r.step, e, this.realShares, this.stoppedAt === r.step);
      if (now - this.lastSummary > 5000 || !this.running) {
        this.lastSummary = now;
        this.summary = this.sentence;
      }
    }
    if (this.decision?.backend === 'webgl' && this.trainer && now - this.lastCapture > 3000 && !this.diverged) {
      // a copy of the weights in ordinary memory, to carry on if the WebGL context is lost
      this.lastCapture = now;
      const t = this.trainer;
      void t.captureState().then((st) => {
        if (t === this.trainer && Trainer.isFinite(st)) this.goodState = st;
      });
    }
  }

  private async onFailure(e: unknown): Promise<void> {
    this.running = false;
    if (this.decision?.backend === 'webgl') {
      await this.leaveWebgl();
      return;
    }
    this.error = failureMessage(e);
  }

  /** WebGL failed or lost its context: carry on without it from the last copy of the weights. */
  private async leaveWebgl(): Promise<void> {
    if (this.decision?.backend !== 'webgl') return;
    const wasRunning = this.running || this.loop.running;
    const lostAt = this.step;
    const state = this.goodState;
    this.loop.pause();
    this.running = false;
    this.excluded = [...new Set([...this.excluded, 'webgl' as BackendName])];
    await this.rebuild();
    if (!this.trainer) return;
    if (state) {
      this.trainer.restoreState(state);
      this.step = state.steps;
      this.loop.readback(true);
    }
    this.notices = [...this.notices, webglLostNotice(lostAt, state?.steps ?? null, this.decision?.backend ?? null)];
    if (wasRunning) this.play();
  }

  dismissNotice(i: number): void {
    this.notices = this.notices.filter((_, k) => k !== i);
  }

  private disposeRun(): void {
    this.trainer?.dispose();
    this.run?.gridNoise.dispose();
    this.run?.heldOut.dispose();
    this.trainer = null;
    this.run = null;
  }

  destroy(): void {
    this.buildToken++;
    this.unwatch();
    this.loop.setRun(null);
    this.disposeRun();
  }

  /** For tests: live tensor count. */
  tensorCount(): number {
    return tf.memory().numTensors;
  }

  get darkerShare(): number {
    return this.evaluation?.shares.groups[DARKER] ?? NaN;
  }

  get groups() {
    return FACE_GROUPS;
  }
}
