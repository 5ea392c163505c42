/**
 * Distance-to-closest-record distributions: two histograms on shared bins, drawn as step
 * outlines — generated→train filled, held-out→train as a dashed outline — so the two are told
 * apart without colour. SVG, redrawn on each update; the same axes style as lineChart.ts.
 */
import * as d3 from 'd3';
import { fmt, t } from '../../i18n';
import { plotFrame } from '../shared/plotFrame';

export interface DcrChartData {
  /** Bin edges (bins + 1) and each set's fraction per bin. */
  edges: ArrayLike<number>;
  generated: ArrayLike<number>;
  holdout: ArrayLike<number>;
}

export const DCR_COLOURS = { generated: '#D55E00', holdout: '#0072B2' } as const;

const MARGIN = { top: 8, right: 12, bottom: 26, left: 44 };

function stepPath(edges: ArrayLike<number>, h: ArrayLike<number>, x: (v: number) => number, y: (v: number) => number): string {
  let d = `M${x(edges[0])},${y(0)}`;
  for (let i = 0; i < h.length; i++) d += `L${x(edges[i])},${y(h[i])}L${x(edges[i + 1])},${y(h[i])}`;
  return `${d}L${x(edges[h.length])},${y(0)}`;
}

export function drawDcr(svgEl: SVGSVGElement, data: DcrChartData | null, height = 140): void {
  const width = Math.max(200, svgEl.clientWidth || svgEl.parentElement?.clientWidth || 320);
  const svg = d3.select(svgEl).attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const g = plotFrame(svg, MARGIN, [
    ['g', 'x axis'],
    ['g', 'y axis'],
    ['path', 'dcr-generated'],
    ['path', 'dcr-holdout'],
    ['text', 'axis-label x-label'],
  ]);
  const top = data ? data.edges[data.edges.length - 1] : 1;
  let peak = 0.05;
  if (data) for (const h of [data.generated, data.holdout]) for (let i = 0; i < h.length; i++) peak = Math.max(peak, h[i]);
  const x = d3.scaleLinear().domain([0, top || 1]).range([0, innerW]);
  const y = d3.scaleLinear().domain([0, peak]).nice().range([innerH, 0]);
  g.select<SVGGElement>('g.x').attr('transform', `translate(0,${innerH})`).call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(innerW / 80))).tickFormat((v) => fmt.decimal(+v, 3)));
  g.select<SVGGElement>('g.y').call(d3.axisLeft(y).ticks(4).tickFormat((v) => fmt.percent(+v)));
  g.select('text.x-label').text(t().app.charts.distanceToTraining).attr('x', innerW).attr('y', innerH + 24).attr('text-anchor', 'end');
  g.select('path.dcr-generated')
    .attr('d', data ? stepPath(data.edges, data.generated, x, y) : null)
    .attr('fill', DCR_COLOURS.generated).attr('fill-opacity', 0.35).attr('stroke', DCR_COLOURS.generated).attr('stroke-width', 1.8);
  g.select('path.dcr-holdout')
    .attr('d', data ? stepPath(data.edges, data.holdout, x, y) : null)
    .attr('fill', 'none').attr('stroke', DCR_COLOURS.holdout).attr('stroke-width', 2).attr('stroke-dasharray', '5 3');
}
