/**
 * The playground's reactive state: settings, the current run and what the charts show.
 * It turns user intent into core calls; the training itself lives in core/loop.ts, and the run's
 * life cycle (backend, recovery, pause/step, notices) in state/shared/liveRun.svelte.ts.
 */
import { DEFAULT_CONFIG, RUN_KEYS } from '../../core/settings/config';
import type { Config } from '../../core/settings/config';
import { cleanDrawn, starterDrawing } from '../../core/data/datasets';
import type { DrawnPoint, Group, PointSet, Source } from '../../core/data/datasets';
import type { GroupDensity } from '../../core/metrics/groups';
import type { EvalContext } from '../../core/metrics/evaluate';
import { representation } from '../../core/skew/skew';
import type { Representation } from '../../core/skew/skew';
import { JS_SAMPLES } from '../../core/metrics/metrics';
import type { TrainerState } from '../../core/gan/trainer';
import { READBACK_INTERVAL_MS } from '../../core/loop/loop';
import type { Snapshot } from '../../core/loop/loop';
import { planPlaygroundRun, probeLayout } from '../../core/loop/playgroundEngine';
import { LiveView } from '../shared/liveView.svelte';
import type { TrainerView } from '../shared/liveView.svelte';
import { LiveRun } from '../shared/liveRun.svelte';
import type { LiveHandle, LivePlan, StepKind } from '../shared/liveRun.svelte';
import { pageThreadNotice } from '../shared/liveThread';
import { runInWorker, workersAvailable } from '../shared/workerClient';
import { liveSide } from '../shared/liveSide';
import type { LiveSide, SideLoop } from '../shared/liveSide';
import { makeEvalContext } from '../../core/metrics/evaluate';
import { appendRow, summarise } from './history';
import type { LiveMemorisation } from '../../core/privacy/live';
import { appendMemorisation, privacyBudget, summariseMemorisation } from './privacy';
import type { MemorisationRow, PrivacyBudget } from './privacy';
import type { HistoryRow } from './history';
import { fmt, t } from '../../i18n';

export { FIELD_CELLS, VISUAL_POINTS } from '../../core/loop/playgroundEngine';
/**
 * Charts take a history row at most this often while training: redrawing the four SVG charts
 * costs tens of milliseconds, so they move twice a second while the plot redraws thirty times.
 */
export const HISTORY_INTERVAL_MS = 500;

export interface ViewToggles {
  field: boolean;
  manifold: boolean;
  arrows: boolean;
  /** The held-out real points (never trained on) on the main plot. */
  heldout: boolean;
  /** Lines from the most suspicious generated points to the training points they sit on. */
  copies: boolean;
}

/** One playground run as the page holds it: its trainer (or the worker's proxy of it) and its number. */
interface PlaygroundRun extends LiveHandle<TrainerState> {
  trainer: TrainerView;
  id: number;
}

export class Playground extends LiveView<PlaygroundRun, SideLoop> {
  config = $state<Config>({ ...DEFAULT_CONFIG });
  drawn = $state.raw<DrawnPoint[]>(starterDrawing());
  /** Which group a drawn click adds to. */
  drawGroup = $state(0);
  show = $state<ViewToggles>({ field: true, manifold: false, arrows: false, heldout: false, copies: false });
  snapshot = $state.raw<Snapshot | null>(null);
  history = $state.raw<HistoryRow[]>([]);
  /** The readback the screen reader's summary last described (throttled); its words follow the language. */
  private summarised = $state.raw<Snapshot | null>(null);
  source = $state.raw<Source | null>(null);
  data = $state.raw<PointSet | null>(null);
  /** The training set's held-out twin (core/privacy/holdout.ts), null when the run has none (n > 2,000). */
  holdout = $state.raw<PointSet | null>(null);
  /** Memorisation over steps (the privacy panel's chart). */
  memHistory = $state.raw<MemorisationRow[]>([]);
  /** The memorisation the privacy summary describes, with the detective updates behind its budget. */
  private memorised = $state.raw<{ m: LiveMemorisation; updates: number } | null>(null);
  density = $state.raw<GroupDensity | null>(null);
  /** The evaluation context of the current run (reference sample, floor, densities). */
  ctx = $state.raw<EvalContext | null>(null);
  /** Representation per group (shares, intervals, coverage), refreshed about once a second. */
  representation = $state.raw<Representation | null>(null);
  private lastRepresentation = -Infinity;
  private lastHistory = -Infinity;

  groups: Group[] = $derived(this.source?.groups ?? []);

  /** The run's life cycle: backend, recovery, divergence, play/pause/step, notices. */
  readonly live: LiveRun<PlaygroundRun, SideLoop>;
  readonly loop: SideLoop;
  /** Where the run trains: the live training worker, or the page's thread where there is none. */
  readonly side: LiveSide<'playground'>;
  private lastSummary = 0;
  /** Main-plot draws so far (the bench's frames per second). Not reactive. */
  framesDrawn = 0;
  private firstStepShown = false;

  constructor() {
    super();
    const side = (this.side = liveSide('playground'));
    this.live = new LiveRun<PlaygroundRun, SideLoop>(
      {
        loop: (events) => side.attach({ ...events, readback: (s) => this.onSnapshot(s), stopped: () => this.live.loopPaused() }),
        plan: () => this.plan(),
        dispose: (run) => side.free(run.id),
        words: {
          diverged: (step, saved) => {
            const say = t().playground.run;
            return `${say.diverged(fmt.int(step))} ${saved !== null ? say.restoreOrReset(fmt.int(saved)) : say.lowerAndReset}`;
          },
          restored: (saved) => t().playground.run.restored(fmt.int(saved)),
        },
        keepView: () => {
          const history = this.history;
          const mem = this.memHistory;
          return (saved) => {
            this.history = history.filter((r) => r.step <= saved);
            this.memHistory = mem.filter((r) => r.step <= saved);
          };
        },
        settled: (d) => performance.mark('forgelab:backend-decided', { detail: { backend: d.backend } }),
      },
      // reduced motion: the plot and charts change twice a second instead of about thirty times
      { readbackMs: { normal: READBACK_INTERVAL_MS, reduced: 500 }, saveEveryMs: 2000, offerRestore: true, platform: side.platform },
    );
    this.loop = this.live.loop;
    if (side.thread.where === 'page') this.live.notify(pageThreadNotice(side.thread.why));
  }

  get step(): number {
    return this.snapshot?.step ?? 0;
  }

  /** The latest memorisation measurement of this run, or null. */
  get memorisation(): LiveMemorisation | null {
    return this.snapshot?.memorisation ?? null;
  }

  /** Copy lines for the plot: each suspicious generated point (x, y) to its nearest training point (x, y). */
  get copyLines(): Float32Array | null {
    const m = this.memorisation;
    const data = this.data;
    if (!m || !data) return null;
    const out = new Float32Array(4 * m.value.suspicious.length);
    m.value.suspicious.forEach((s, k) => {
      out.set([m.generated[2 * s.generated], m.generated[2 * s.generated + 1], data.x[2 * s.train], data.x[2 * s.train + 1]], 4 * k);
    });
    return out;
  }

  /** The sentence a screen reader hears about the run, in the current language. */
  get summary(): string {
    return this.summarised ? summarise(this.summarised, this.groups.map((g) => g.label)) : '';
  }

  /** The privacy panel's live text summary, in the current language. */
  get privacySummary(): string {
    const s = this.memorised;
    return s ? summariseMemorisation(s.m, privacyBudget(this.config, this.data?.n ?? this.config.points, s.updates)) : '';
  }

  /** The privacy budget spent so far (ε at δ), or why none can be stated. */
  get budget(): PrivacyBudget {
    return privacyBudget(this.config, this.data?.n ?? this.config.points, this.snapshot?.detectiveUpdates ?? 0);
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

  /** Coordinates of the drawn points a labelled file marked synthetic (drawn data only), or null. */
  get importedSynthetic(): Float32Array | null {
    if (this.config.data !== 'drawn') return null;
    const marked = this.drawn.filter((p) => p.synthetic);
    return marked.length ? Float32Array.from(marked.flatMap((p) => [p.x, p.y])) : null;
  }

  setDrawn(points: DrawnPoint[]): void {
    this.drawn = cleanDrawn(points);
    if (this.config.data === 'drawn') void this.rebuild();
  }

  /** Start a new run from step 0 with the current settings. */
  rebuild(): Promise<void> {
    return this.live.rebuild();
  }

  /** The data and spec of a run from the current settings; the run is built once the backend is in use. */
  private plan(): LivePlan<PlaygroundRun> {
    const cfg = $state.snapshot(this.config) as Config;
    const drawn = this.drawn.map((p) => ({ ...p }));
    const planned = planPlaygroundRun(cfg, drawn);
    const { source, data, spec, holdout } = planned;
    return {
      backend: { choice: cfg.backend, spec, data },
      build: async () => {
        const { trainer, id } = await this.side.build({ config: cfg, drawn, layout: probeLayout(this.show) });
        const ctx = makeEvalContext(source, cfg.seed);
        const run: PlaygroundRun = { trainer, id, save: () => this.side.save(), restore: (s) => this.side.restore(s) };
        this.source = source;
        this.data = data;
        this.holdout = holdout;
        this.memHistory = [];
        this.memorised = null;
        this.density = ctx.density;
        this.ctx = ctx;
        this.representation = null;
        this.lastRepresentation = -Infinity;
        this.lastHistory = -Infinity;
        this.history = [];
        this.snapshot = null;
        this.loop.speed = cfg.speed;
        return run;
      },
    };
  }

  /** Toggle a view layer; the probe is rebuilt so no work is done for hidden layers. */
  setToggle(key: keyof ViewToggles, on: boolean): void {
    this.show = { ...this.show, [key]: on };
    if ((key === 'manifold' || key === 'arrows') && this.live.run) {
      this.side.setLayout(probeLayout(this.show));
      if (!this.running) this.live.refresh();
    }
  }

  /** Force a WebGL context loss where the run trains (the fault tests). */
  loseWebglContext(): Promise<boolean> {
    return this.side.loseContext();
  }

  destroy(): void {
    super.destroy();
    this.side.close();
  }

  play(): void {
    this.live.play();
  }

  pause(): void {
    this.live.pause();
  }

  toggle(): void {
    this.live.toggle();
  }

  stepOnce(kind: StepKind = 'both'): void {
    this.live.stepOnce(kind);
  }

  /** Run n steps at once without drawing in between (lessons, tests). */
  fastForward(n: number): void {
    this.live.fastForward(n);
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
    this.live.restoreGood();
  }

  private onSnapshot(s: Snapshot): void {
    // keep a healthy copy every two seconds or so (for "restore last good state" and a lost WebGL context)
    this.live.noteReadback(s.step, Number.isFinite(s.lossD + s.lossG));
    this.snapshot = s;
    const t = performance.now();
    // the plot redraws on every readback; the charts and the table follow the evaluations
    if (s.memorised && s.memorisation) {
      this.memHistory = appendMemorisation(this.memHistory, s.memorisation);
      this.memorised = { m: s.memorisation, updates: s.detectiveUpdates };
    }
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
      this.summarised = s;
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
    const token = this.live.generation;
    const seed = this.config.seed;
    const local = () => {
      if (token === this.live.generation && this.ctx) this.representation = representation(this.ctx, generated, JS_SAMPLES, { seed });
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
        if (token === this.live.generation) this.representation = result;
      })
      .catch(local)
      .finally(() => {
        this.repBusy = false;
        const next = this.repNext;
        this.repNext = null;
        if (next && next.token === this.live.generation) this.refreshRepresentation(next.generated);
      });
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

  /**
   * For the browser tests (through the 'playground' hook): the points the shown memorisation was
   * measured on and the budget's inputs, as plain arrays.
   */
  privacyForTests(): { step: number; generated: number[]; train: { x: number[]; g: number[]; n: number }; holdout: { x: number[]; g: number[]; n: number } | null; detectiveUpdates: number; batch: number; sigma: number; delta: number; dp: string } | null {
    const m = this.memorisation;
    const data = this.data;
    if (!data) return null;
    const plain = (p: PointSet) => ({ x: Array.from(p.x), g: Array.from(p.g), n: p.n });
    return {
      step: m?.step ?? -1,
      generated: m ? Array.from(m.generated) : [],
      train: plain(data),
      holdout: this.holdout ? plain(this.holdout) : null,
      detectiveUpdates: this.snapshot?.detectiveUpdates ?? 0,
      batch: this.config.batch,
      sigma: this.config.sigma,
      delta: this.config.delta,
      dp: this.config.dp,
    };
  }

}
