/**
 * A small line chart over training steps: several series, optional faint raw series, and
 * labelled reference lines (the 50% line, the noise floor). SVG, redrawn on each update.
 */
import * as d3 from 'd3';
import { plotFrame } from './plotFrame';
import { fmt, lang, t } from '../../i18n';

export interface Series<T> {
  label: string;
  value: (row: T) => number;
  colour: string;
  dash?: string;
  /** Drawn thin and translucent (raw values behind a smoothed line). */
  faint?: boolean;
  width?: number;
}

export interface RefLine {
  y: number;
  label: string;
}

export interface LineChartOptions<T> {
  x: (row: T) => number;
  series: Series<T>[];
  refs?: RefLine[];
  /** Fixed y domain, or null to fit the data (with `yMin` as a floor). */
  yDomain?: [number, number] | null;
  yMin?: number;
  yFormat?: (v: number) => string;
  yLabel: string;
  /** The x axis' label ("training step" in the interface language unless given). */
  xLabel?: string;
  height?: number;
}

const MARGIN = { top: 8, right: 12, bottom: 26, left: 44 };

export function draw<T>(svgEl: SVGSVGElement, rows: readonly T[], opt: LineChartOptions<T>): void {
  const width = Math.max(200, svgEl.clientWidth || svgEl.parentElement?.clientWidth || 320);
  const height = opt.height ?? 150;
  const svg = d3.select(svgEl).attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const xs = rows.map(opt.x);
  const xMax = Math.max(10, d3.max(xs) ?? 10);
  const xTicks = Math.max(2, Math.floor(innerW / 80));
  // the step axis ends at a round number and grows in jumps, so it is redrawn only then
  const x = d3.scaleLinear().domain([0, xMax]).nice(xTicks).range([0, innerW]);
  let domain: [number, number];
  if (opt.yDomain) domain = opt.yDomain;
  else {
    const vals = rows.flatMap((r) => opt.series.map((s) => s.value(r))).filter(Number.isFinite);
    (opt.refs ?? []).forEach((r) => vals.push(r.y));
    const lo = Math.min(opt.yMin ?? Infinity, d3.min(vals) ?? 0);
    const hi = d3.max(vals) ?? 1;
    domain = [lo, hi > lo ? hi : lo + 1];
  }
  const y = d3.scaleLinear().domain(domain).nice().range([innerH, 0]);

  const g = plotFrame(svg, MARGIN, [
    ['g', 'x axis'],
    ['g', 'y axis'],
    ['g', 'refs'],
    ['g', 'lines'],
    ['text', 'axis-label x-label'],
  ]);
  // Incremental: the axes and their label change only with the size, the domains or the
  // language; most updates only move the lines (issue 13: the axes were a third of a redraw).
  const frameKey = `${width}|${height}|${x.domain().join(',')}|${y.domain().join(',')}|${lang.current}|${opt.xLabel ?? ''}`;
  if (drawnFrames.get(svgEl) !== frameKey) {
    drawnFrames.set(svgEl, frameKey);
    drawFrame(g, x, y, innerW, innerH, xTicks, opt);
  }
  drawLines(g, rows, opt, x, y, domain, innerW);
}

/** What each chart's axes were last drawn for. */
const drawnFrames = new WeakMap<SVGSVGElement, string>();

type Scale = d3.ScaleLinear<number, number>;
type Group = d3.Selection<SVGGElement, unknown, null, undefined>;

function drawFrame<T>(g: Group, x: Scale, y: Scale, innerW: number, innerH: number, xTicks: number, opt: LineChartOptions<T>): void {
  // "2k" when every tick is a whole thousand, else plain "1,200" (not "1.2k" or "0.1k"); digits
  // and separators as the interface language writes them
  const thousands = x.ticks(xTicks).every((v) => v % 1000 === 0);
  const xFormat = (v: number) => (thousands && v !== 0 ? `${fmt.decimal(v / 1000, 0)}k` : v.toLocaleString(lang.current));
  g.select<SVGGElement>('g.x').attr('transform', `translate(0,${innerH})`).call(d3.axisBottom(x).ticks(xTicks).tickFormat((v) => xFormat(+v)));
  g.select<SVGGElement>('g.y').call(d3.axisLeft(y).ticks(4).tickFormat((v) => (opt.yFormat ? opt.yFormat(+v) : fmt.decimal(+v, 3))));
  g.select('text.x-label').text(opt.xLabel ?? t().app.charts.trainingStep).attr('x', innerW).attr('y', innerH + 24).attr('text-anchor', 'end');
}

/** The reference lines (cheap, and the noise floor moves) and the series, on every update. */
function drawLines<T>(g: Group, rows: readonly T[], opt: LineChartOptions<T>, x: Scale, y: Scale, domain: [number, number], innerW: number): void {
  const refs = g.select('g.refs').selectAll<SVGGElement, RefLine>('g.ref').data(opt.refs ?? [], (d) => d.label);
  const refEnter = refs.enter().append('g').attr('class', 'ref');
  refEnter.append('line');
  refEnter.append('text');
  refs.exit().remove();
  const refAll = refEnter.merge(refs);
  refAll.select('line').attr('x1', 0).attr('x2', innerW).attr('y1', (d) => y(d.y)).attr('y2', (d) => y(d.y));
  refAll
    .select('text')
    .attr('x', 3)
    .attr('y', (d) => y(d.y) - 3)
    .attr('text-anchor', 'start')
    .text((d) => d.label);
  const line = (s: Series<T>) =>
    d3
      .line<T>()
      .defined((r) => Number.isFinite(s.value(r)))
      .x((r) => x(opt.x(r)))
      .y((r) => y(Math.max(domain[0], Math.min(y.domain()[1], s.value(r)))))(rows as T[]) ?? '';
  const paths = g.select('g.lines').selectAll<SVGPathElement, Series<T>>('path').data(opt.series, (s) => s.label);
  paths
    .enter()
    .append('path')
    .merge(paths)
    .attr('fill', 'none')
    .attr('stroke', (s) => s.colour)
    .attr('stroke-width', (s) => s.width ?? (s.faint ? 1 : 2))
    .attr('stroke-opacity', (s) => (s.faint ? 0.35 : 1))
    .attr('stroke-dasharray', (s) => s.dash ?? null)
    .attr('d', line);
  paths.exit().remove();
}
