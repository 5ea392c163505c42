/**
 * A lesson's live lab: the playground's own run (state/playground) with the lesson's preset, the
 * views its current lab block asks for, and the fresh judge computed from the same generated
 * points whenever training stops (it takes a few hundred milliseconds, too long for every frame).
 */
import { DEFAULT_CONFIG } from '../../core/settings/config';
import type { Config } from '../../core/settings/config';
import { freshJudge } from '../../core/metrics/freshJudge';
import type { FreshJudgeResult } from '../../core/metrics/freshJudge';
import { JS_SAMPLES } from '../../core/metrics/metrics';
import { Playground } from '../playground/playground.svelte';
import { decodeConfig, encodeConfig } from '../shared/url';
import { LESSON_KEYS } from './lessonFile';
import type { LabBlock, LabView, Lesson } from './lessonFile';
import { labMetrics } from './labMetrics';
import type { LabMetrics } from './labMetrics';

export class LessonLab {
  readonly pg = new Playground();
  views = $state<LabView[]>([]);
  label = $state('');
  /** Index of the lab block in use (-1: the front matter's preset). */
  current = $state(-1);
  judge = $state.raw<{ step: number; result: FreshJudgeResult } | null>(null);

  constructor(readonly lesson: Lesson) {
    this.views = [...lesson.startLab.views];
    this.label = lesson.startLab.label;
  }

  /** The settings of a lab block (its preset over the defaults) with the link's overrides. */
  configFor(lab: LabBlock, params: URLSearchParams = new URLSearchParams()): { config: Config; notices: string[] } {
    const base = decodeConfig(new URLSearchParams(lab.preset), DEFAULT_CONFIG, []).config;
    const d = decodeConfig(params, base, [...LESSON_KEYS]);
    return { config: d.config, notices: d.notices };
  }

  labAt(index: number): LabBlock {
    return index >= 0 && index < this.lesson.labs.length ? this.lesson.labs[index] : this.lesson.startLab;
  }

  /** Load a lab block (a "set up the lab" step): a new run from step 0 with its settings. */
  async load(index: number, params?: URLSearchParams): Promise<string[]> {
    const lab = this.labAt(index);
    // keep the backend the student's link chose
    const { config, notices } = this.configFor(lab, params ?? new URLSearchParams(`backend=${this.pg.config.backend}`));
    this.current = index;
    this.views = [...lab.views];
    this.label = lab.label;
    this.judge = null;
    await this.pg.apply(config);
    return notices;
  }

  /** Call from an effect: re-judges when the run has stopped on a new evaluation. */
  updateJudge(): void {
    const s = this.pg.snapshot;
    const ctx = this.pg.ctx;
    if (!s || !ctx || this.pg.running || !s.evaluated || !this.views.includes('judge')) return;
    if (this.judge?.step === s.step) return;
    const n = Math.min(ctx.reference.n, JS_SAMPLES);
    this.judge = { step: s.step, result: freshJudge(ctx.reference.x, n, s.evaluation.generated, JS_SAMPLES, { seed: this.pg.config.seed }) };
  }

  metrics(): LabMetrics | null {
    return labMetrics(this.pg.snapshot, this.pg.groups, this.pg.config, this.judge);
  }

  /** The playground link that reproduces this lab's settings (relative hash). */
  playgroundHash(): string {
    const q = encodeConfig(this.pg.config as Config);
    return `#/${q ? `?${q}` : ''}`;
  }

  destroy(): void {
    this.pg.destroy();
  }
}
