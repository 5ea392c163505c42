/**
 * The playground's reactive state: settings, the current run and what the charts show.
 * It turns user intent into core calls; the training itself lives in core/loop.ts.
 */
import { tf } from '../../core/shared/tf';
import { DEFAULT_CONFIG, RUN_KEYS } from '../../core/settings/config';
import type { Config } from '../../core/settings/config';
import { cleanDrawn, makeSource, starterDrawing, trainingSet } from '../../core/data/datasets';
import type { DrawnPoint, Group, PointSet, Source } from '../../core/data/datasets';
import { makeEvalContext } from '../../core/metrics/evaluate';
import type { GroupDensity } from '../../core/metrics/groups';
import type { EvalContext } from '../../core/metrics/evaluate';
import { representation } from '../../core/skew/skew';
import type { Representation } from '../../core/skew/skew';
import { JS_SAMPLES } from '../../core/metrics/metrics';
import { Trainer, specFromConfig } from '../../core/gan/trainer';
import type { TrainerSpec, TrainerState } from '../../core/gan/trainer';
import { Probe } from '../../core/gan/probe';
import { READBACK_INTERVAL_MS, TrainingLoop } from '../../core/loop/loop';
import type { Snapshot } from '../../core/loop/loop';
import type { BackendDecision, BackendName } from '../../core/backend/backend';
import { useBackend } from '../../core/backend/backend';
import { Rng } from '../../core/shared/rng';
import { backendOptions, chooseBackend, frameHost, measureBackends, watchWebglLoss, failureMessage, webglLostNotice } from '../platform/platform';
import { runInWorker, workersAvailable } from '../shared/workerClient';
import { appendRow, summarise } from './history';
import type { HistoryRow } from './history';

export const VISUAL_POINTS = 400;
/**
 * Charts take a history row at most this often while training: redrawing the four SVG charts
 * costs tens of milliseconds, so they move twice a second while the plot redraws thirty times.
 */
export const HISTORY_INTERVAL_MS = 500;
export const FIELD_CELLS = 48;

export interface ViewToggles {
  field: boolean;
  manifold: boolean;
  arrows: boolean;
}

export class Playground {
  config = $state<Config>({ ...DEFAULT_CONFIG });
  drawn = $state.raw<DrawnPoint[]>(starterDrawing());
  /** Which group a drawn click adds to. */
  drawGroup = $state(0);
  show = $state<ViewToggles>({ field: true, manifold: false, arrows: false });
  running = $state(false);
  busy = $state(true);
  snapshot = $state.raw<Snapshot | null>(null);
  history = $state.raw<HistoryRow[]>([]);
  decision = $state.raw<BackendDecision | null>(null);
  notices = $state.raw<string[]>([]);
  error = $state<string | null>(null);
  diverged = $state(false);
  summary = $state('');
  source = $state.raw<Source | null>(null);
  data = $state.raw<PointSet | null>(null);
  density = $state.raw<GroupDensity | null>(null);
  /** The evaluation context of the current run (reference sample, floor, densities). */
  ctx = $state.raw<EvalContext | null>(null);
  /** Representation per group (shares, intervals, coverage), refreshed about once a second. */
  representation = $state.raw<Representation | null>(null);
  private lastRepresentation = -Infinity;
  private lastHistory = -Infinity;

  groups: Group[] = $derived(this.source?.groups ?? []);

  readonly loop: TrainingLoop;
  trainer: Trainer | null = null;
  private probe: Probe | null = null;
  private lastSummary = 0;
  /** Weights at the last readback whose numbers were all finite (for "restore last good state"). */
  private goodState: TrainerState | null = null;
  private lastCapture = -Infinity;
  canRestore = $state(false);
  private buildToken = 0;
  private excluded: BackendName[] = [];
  /** Main-plot draws so far (the bench's frames per second). Not reactive. */
  framesDrawn = 0;
  private firstStepShown = false;
  private unwatch: () => void = () => {};

  constructor() {
    this.loop = new TrainingLoop(frameHost, {
      snapshot: (s) => this.onSnapshot(s),
      diverged: (step) => {
        this.running = false;
        this.diverged = true;
        this.canRestore = this.goodState !== null;
        this.error = `Training blew up at step ${step.toLocaleString('en-US')}: a loss or a generated point stopped being a number. This usually means a learning rate is too high. ${this.goodState ? `Restore the last good state (step ${this.goodState.steps.toLocaleString('en-US')}) and lower a learning rate, or reset.` : 'Lower a learning rate and reset.'}`;
      },
      failed: (e) => void this.onFailure(e),
    });
    // reduced motion: the plot and charts change twice a second instead of eight times
    const motion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)');
    const applyMotion = () => (this.loop.readbackInterval = motion?.matches ? 500 : READBACK_INTERVAL_MS);
    applyMotion();
    motion?.addEventListener?.('change', applyMotion);
  }

  get step(): number {
    return this.snapshot?.step ?? 0;
  }

  /** Apply settings (from the URL or a lesson); rebuilds the run when anything that matters changed. */
  async apply(next: Partial<Config>): Promise<void> {
    const old = this.config;
    const merged = { ...old, ...next };
    const changedRun = RUN_KEYS.some((k) => merged[k] !== old[k]);
    const changedBackend = merged.backend !== old.backend;
    this.config = merged;
    this.loop.speed = merged.speed;
    if (changedRun || changedBackend || !this.trainer) await this.rebuild();
  }

  setDrawn(points: DrawnPoint[]): void {
    this.drawn = cleanDrawn(points);
    if (this.config.data === 'drawn') void this.rebuild();
  }

  /** Start a new run from step 0 with the current settings. */
  async rebuild(): Promise<void> {
    const token = ++this.buildToken;
    const wasRunning = this.running;
    this.loop.pause();
    this.running = false;
    this.busy = true;
    this.error = null;
    this.diverged = false;
    this.goodState = null;
    this.canRestore = false;
    this.lastCapture = -Infinity;
    this.disposeRun();
    const cfg = $state.snapshot(this.config) as Config;
    let source: Source;
    try {
      source = makeSource(cfg, this.drawn);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.busy = false;
      return;
    }
    const data = trainingSet(source, cfg.data === 'drawn' ? Math.max(cfg.points, this.drawn.length) : cfg.points, cfg.seed);
    const spec = specFromConfig(cfg);
    let decision: BackendDecision;
    try {
      decision = await chooseBackend(cfg.backend, spec, data, this.excluded, { quickStart: true });
    } catch (e) {
      if (token === this.buildToken) {
        this.error = e instanceof Error ? e.message : String(e);
        this.busy = false;
      }
      return;
    }
    if (token !== this.buildToken) return;
    const ctx = makeEvalContext(source, cfg.seed);
    const trainer = new Trainer(spec, data);
    const visual = new Rng(cfg.seed).fork('visual-noise').fill(new Float32Array(VISUAL_POINTS * spec.noiseDim), spec.noise);
    this.trainer = trainer;
    this.probe = this.makeProbe(visual);
    this.source = source;
    this.data = data;
    this.density = ctx.density;
    this.ctx = ctx;
    this.representation = null;
    this.lastRepresentation = -Infinity;
    this.lastHistory = -Infinity;
    this.decision = decision;
    this.history = [];
    this.snapshot = null;
    this.unwatch();
    this.unwatch = decision.backend === 'webgl' ? watchWebglLoss(() => void this.onContextLost()) : () => {};
    this.loop.setRun(trainer, ctx, this.probe);
    this.loop.speed = cfg.speed;
    this.busy = false;
    this.loop.readback(true);
    if (wasRunning) this.play();
    if (decision.provisional) void this.settleBackend(token, spec, data);
  }

  /**
   * The automatic backend started provisionally (wasm or cpu): measure every backend on this
   * model in a worker while training goes on, then move the run to the fastest. Tensors follow
   * to the new backend on their next use, so the run continues where it was.
   */
  private async settleBackend(token: number, spec: TrainerSpec, data: PointSet): Promise<void> {
    let d: BackendDecision;
    try {
      d = await measureBackends(spec, data, this.excluded);
    } catch {
      if (token === this.buildToken && this.decision) this.decision = { ...this.decision, provisional: false, reason: `${this.decision.backend}: the other backends could not be measured here` };
      return;
    }
    if (token !== this.buildToken) return;
    if (d.backend !== this.decision?.backend) {
      if (!(await useBackend(d.backend, backendOptions)) || token !== this.buildToken) return;
      this.unwatch();
      this.unwatch = d.backend === 'webgl' ? watchWebglLoss(() => void this.onContextLost()) : () => {};
    }
    this.decision = d;
    performance.mark('forgelab:backend-decided', { detail: { backend: d.backend } });
  }

  private visualNoise: Float32Array | null = null;

  private makeProbe(visual?: Float32Array): Probe | null {
    if (!this.trainer) return null;
    if (visual) this.visualNoise = visual;
    return new Probe(
      this.trainer,
      {
        points: VISUAL_POINTS,
        field: FIELD_CELLS,
        manifoldLines: this.show.manifold ? 9 : 0,
        manifoldSamples: 41,
        arrows: this.show.arrows,
      },
      this.visualNoise!,
    );
  }

  /** Toggle a view layer; the probe is rebuilt so no work is done for hidden layers. */
  setToggle(key: keyof ViewToggles, on: boolean): void {
    this.show = { ...this.show, [key]: on };
    if ((key === 'manifold' || key === 'arrows') && this.trainer) {
      const old = this.probe;
      this.probe = this.makeProbe();
      this.loop.setProbe(this.probe);
      // the old probe may still be in a readback; free it after that settles
      setTimeout(() => old?.dispose(), 1000);
      if (!this.running) this.loop.readback(true);
    }
  }

  play(): void {
    if (this.busy || !this.trainer || this.diverged) return;
    this.running = true;
    this.loop.play();
  }

  pause(): void {
    const was = this.running || this.loop.running;
    this.running = false;
    this.loop.pause();
    // one last full readback, so the plot, the numbers, the charts and the representation table
    // all show the step training stopped at
    if (was) this.loop.readback(true);
  }

  toggle(): void {
    if (this.running) this.pause();
    else this.play();
  }

  stepOnce(kind: 'both' | 'detective' | 'forger' = 'both'): void {
    if (this.busy || this.diverged) return;
    this.pause();
    this.loop.stepOnce(kind);
  }

  /** Run n steps at once without drawing in between (lessons, tests). */
  fastForward(n: number): void {
    if (this.busy || this.diverged) return;
    this.loop.runSteps(n);
  }

  async reset(): Promise<void> {
    await this.rebuild();
  }

  setSpeed(speed: number): void {
    this.config.speed = speed;
    this.loop.speed = speed;
  }

  /** Go back to the weights of the last healthy readback after a divergence. */
  restoreGood(): void {
    if (!this.trainer || !this.goodState) return;
    this.trainer.restoreState(this.goodState);
    this.diverged = false;
    this.canRestore = false;
    this.error = null;
    this.notices = [...this.notices, `Restored the weights of step ${this.goodState.steps.toLocaleString('en-US')}. Lower a learning rate before you train again, or it may blow up the same way.`];
    this.history = this.history.filter((r) => r.step <= this.goodState!.steps);
    this.loop.readback(true);
  }

  private onSnapshot(s: Snapshot): void {
    if (!this.diverged && Number.isFinite(s.lossD + s.lossG) && performance.now() - this.lastCapture > 2000 && this.trainer) {
      // keep a healthy copy every two seconds or so; the read is asynchronous
      this.lastCapture = performance.now();
      const t = this.trainer;
      void t.captureState().then((state) => {
        if (t === this.trainer && !this.diverged && Trainer.isFinite(state)) this.goodState = state;
      });
    }
    this.snapshot = s;
    const t = performance.now();
    // the plot redraws on every readback; the charts and the table follow the evaluations
    if (!s.evaluated) return;
    if (!this.running || t - this.lastHistory >= HISTORY_INTERVAL_MS) {
      this.lastHistory = t;
      this.history = appendRow(this.history, s);
    }
    if (this.ctx && (!this.running || t - this.lastRepresentation > 1000)) {
      this.lastRepresentation = t;
      this.refreshRepresentation(s.evaluation.generated);
    }
    const now = performance.now();
    if (now - this.lastSummary > 5000 || !this.running) {
      this.lastSummary = now;
      this.summary = summarise(s, this.groups.map((g) => g.label));
    }
  }

  private repBusy = false;
  private repNext: { generated: Float32Array; token: number } | null = null;

  /**
   * The representation table for generated points. Its bootstrap and coverage are O(n²) work
   * (hundreds of milliseconds on a slow machine), so it runs in a worker, on the playground's
   * own channel; the newest request waits while one is running.
   */
  private refreshRepresentation(generated: Float32Array): void {
    const token = this.buildToken;
    const seed = this.config.seed;
    const local = () => {
      if (token === this.buildToken && this.ctx) this.representation = representation(this.ctx, generated, JS_SAMPLES, { seed });
    };
    if (!workersAvailable) return local();
    if (this.repBusy) {
      this.repNext = { generated, token };
      return;
    }
    this.repBusy = true;
    const { data, minority, place } = this.config;
    runInWorker<Representation>('skew.representation', [{ data, minority, place, seed }, this.drawn, generated, JS_SAMPLES, { seed }], { backend: 'none', channel: 'live' })
      .then(({ result }) => {
        if (token === this.buildToken) this.representation = result;
      })
      .catch(local)
      .finally(() => {
        this.repBusy = false;
        const next = this.repNext;
        this.repNext = null;
        if (next && next.token === this.buildToken) this.refreshRepresentation(next.generated);
      });
  }

  private async onFailure(e: unknown): Promise<void> {
    this.running = false;
    if (this.decision?.backend === 'webgl') {
      await this.leaveWebgl();
      return;
    }
    this.error = failureMessage(e);
  }

  private async onContextLost(): Promise<void> {
    if (this.decision?.backend !== 'webgl') return;
    await this.leaveWebgl();
  }

  /**
   * WebGL is gone (context lost or failing): carry on without it from the last healthy copy of
   * the weights, which lives in ordinary memory.
   */
  private async leaveWebgl(): Promise<void> {
    const wasRunning = this.running || this.loop.running;
    const lostAt = this.step;
    const state = this.goodState;
    const history = this.history;
    this.loop.pause();
    this.running = false;
    this.excluded = [...new Set([...this.excluded, 'webgl' as BackendName])];
    await this.rebuild();
    if (!this.trainer) return;
    if (state) {
      this.trainer.restoreState(state);
      this.history = history.filter((r) => r.step <= state.steps);
      this.loop.readback(true);
    }
    this.notices = [...this.notices, webglLostNotice(lostAt, state?.steps ?? null, this.decision?.backend ?? null)];
    if (wasRunning) this.play();
  }

  /**
   * The main plot drew a frame of `step`. The first drawn frame after training started is
   * marked for the bench (performance mark "forgelab:first-step", ms since page load).
   */
  noteDrawn(step: number): void {
    this.framesDrawn++;
    if (step > 0 && !this.firstStepShown) {
      this.firstStepShown = true;
      performance.mark('forgelab:first-step', { detail: { backend: this.decision?.backend } });
    }
  }

  dismissNotice(i: number): void {
    this.notices = this.notices.filter((_, k) => k !== i);
  }

  private disposeRun(): void {
    this.trainer?.dispose();
    this.probe?.dispose();
    this.trainer = null;
    this.probe = null;
  }

  destroy(): void {
    this.unwatch();
    this.loop.pause();
    this.disposeRun();
  }

  /** For tests and the bench: live tensor count. */
  tensorCount(): number {
    return tf.memory().numTensors;
  }
}

