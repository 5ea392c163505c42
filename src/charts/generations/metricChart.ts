/**
 * A metric per generation (JS divergence, spread, minority share, coverage): one line per
 * policy with a marker at each generation — colour, marker shape and dash all differ by policy,
 * so the lines are told apart without colour — and a labelled reference line. SVG.
 */
import * as d3 from 'd3';
import { shapePath } from '../shared/palette';
import type { Shape } from '../shared/palette';
import { fmt, t } from '../../i18n';

export interface MetricLine {
  label: string;
  colour: string;
  shape: Shape;
  dash?: string;
  /** Value per generation, generation 0 first. */
  values: number[];
}

export interface MetricChartOptions {
  ref: { y: number; label: string };
  yLabel: string;
  percent?: boolean;
  height?: number;
}

const MARGIN = { top: 10, right: 12, bottom: 30, left: 46 };

export function draw(svgEl: SVGSVGElement, lines: readonly MetricLine[], opt: MetricChartOptions): void {
  const width = Math.max(220, svgEl.clientWidth || svgEl.parentElement?.clientWidth || 320);
  const height = opt.height ?? 170;
  const svg = d3.select(svgEl).attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  svg.selectAll('*').remove();
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const n = Math.max(1, ...lines.map((l) => l.values.length));
  const x = d3.scaleLinear().domain([0, Math.max(1, n - 1)]).range([0, innerW]);
  const vals = lines.flatMap((l) => l.values).filter(Number.isFinite);
  vals.push(opt.ref.y);
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  if (!(hi > lo)) [lo, hi] = [lo - 0.5 * Math.abs(lo || 1), hi + 0.5 * Math.abs(hi || 1)];
  const pad = 0.08 * (hi - lo);
  const y = d3.scaleLinear().domain([Math.max(opt.percent ? 0 : -Infinity, lo - pad), hi + pad]).nice().range([innerH, 0]);
  const g = svg.append('g').attr('class', 'plot').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  // d3's shortest form, with the language's decimal separator
  const general = d3.format('~g');
  const tick = opt.percent ? (v: number) => fmt.percent(v) : (v: number) => general(v).replace('.', fmt.decimalSeparator());
  g.append('g').attr('class', 'x axis').attr('transform', `translate(0,${innerH})`).call(d3.axisBottom(x).ticks(Math.min(n - 1, 10) || 1).tickFormat(d3.format('d')));
  g.append('g').attr('class', 'y axis').call(d3.axisLeft(y).ticks(4).tickFormat((v) => tick(+v)));
  g.append('text').attr('class', 'axis-label').attr('x', innerW).attr('y', innerH + 27).attr('text-anchor', 'end').text(t().generations.chart.axis);

  const ref = g.append('g').attr('class', 'ref');
  ref.append('line').attr('x1', 0).attr('x2', innerW).attr('y1', y(opt.ref.y)).attr('y2', y(opt.ref.y));
  ref.append('text').attr('x', 3).attr('y', y(opt.ref.y) - 3).attr('text-anchor', 'start').text(opt.ref.label);

  for (const l of lines) {
    const path = d3.line<number>().defined(Number.isFinite).x((_, i) => x(i)).y((v) => y(v))(l.values) ?? '';
    g.append('path').attr('d', path).attr('fill', 'none').attr('stroke', l.colour).attr('stroke-width', 2).attr('stroke-dasharray', l.dash ?? null);
    const d = shapePath(l.shape, 4);
    g.append('g')
      .selectAll('path')
      .data(l.values.map((v, i) => [i, v] as const).filter(([, v]) => Number.isFinite(v)))
      .join('path')
      .attr('d', d)
      .attr('transform', ([i, v]) => `translate(${x(i)},${y(v)})`)
      .attr('fill', '#ffffff')
      .attr('stroke', l.colour)
      .attr('stroke-width', 1.8);
  }
}
