/**
 * The multi-seed dot plot: one hollow mark per seed at its darker share of generated faces, the
 * median as a solid line, the real share as a dashed line and half the real share as a dotted
 * line ("under-represented" below it). SVG, redrawn on each result.
 */
import * as d3 from 'd3';
import { plotFrame } from '../shared/plotFrame';
import { DARKER } from '../../core/faces/faces';
import { groupColour, groupShape, shapePath } from '../shared/palette';
import { fmt, t } from '../../i18n';

export interface SeedDotsData {
  /** Darker share (among faces with a recognisable tone) per finished seed, with its seed. */
  seeds: { seed: number; share: number }[];
  realShare: number;
}

export function draw(svgEl: SVGSVGElement, data: SeedDotsData, opt: { large?: boolean } = {}): void {
  const w = t().faces.seedPlot;
  const font = opt.large ? 14 : 11;
  const width = Math.max(240, svgEl.clientWidth || svgEl.parentElement?.clientWidth || 320);
  const margin = { top: font * 2.6, right: 14, bottom: font * 3, left: 14 };
  const innerW = width - margin.left - margin.right;
  const shares = data.seeds.map((s) => s.share).filter(Number.isFinite);
  const hi = Math.max(0.2, data.realShare * 1.6, d3.max(shares) ?? 0);
  const x = d3.scaleLinear().domain([0, Math.min(1, hi)]).nice().range([0, innerW]);

  // stack seeds that land on (nearly) the same share, so every seed stays visible
  const rad = font * 0.55;
  const pitch = 2.3 * rad;
  const placed: { x: number; row: number; seed: number; share: number }[] = [];
  for (const s of data.seeds) {
    if (!Number.isFinite(s.share)) continue;
    const px = x(s.share);
    let row = 0;
    while (placed.some((p) => Math.abs(p.x - px) < 2.2 * rad && p.row === row)) row++;
    placed.push({ x: px, row, seed: s.seed, share: s.share });
  }
  const rows = Math.max(3, ...placed.map((p) => p.row + 1));
  const innerH = rows * pitch + rad * 0.4;
  const height = margin.top + innerH + margin.bottom;
  const svg = d3.select(svgEl).attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);

  const g = plotFrame(svg, margin, [
    ['g', 'x axis'],
    ['g', 'refs'],
    ['g', 'dots'],
    ['text', 'axis-label'],
  ]);
  g.select<SVGGElement>('g.x')
    .attr('transform', `translate(0,${innerH})`)
    .call(d3.axisBottom(x).ticks(Math.max(3, Math.floor(innerW / 70))).tickFormat((v) => fmt.percent(+v)))
    .call((a) => a.selectAll('text').style('font-size', `${font}px`));
  g.select('text.axis-label')
    .attr('x', innerW)
    .attr('y', innerH + font * 2.6)
    .attr('text-anchor', 'end')
    .style('font-size', `${font}px`)
    .attr('fill', '#555')
    .text(w.axis);

  const median = shares.length ? d3.median(shares)! : NaN;
  const refs = [
    { id: 'real', v: data.realShare, label: w.real(fmt.percent(data.realShare)), dash: '5 3', width: 1.5, row: 0 },
    { id: 'half', v: data.realShare / 2, label: w.half, dash: '2 3', width: 1.2, row: 1 },
    ...(Number.isFinite(median) ? [{ id: 'median', v: median, label: w.median(fmt.percent(median)), dash: null, width: 2.5, row: 1 }] : []),
  ];
  const r = g.select('g.refs').selectAll<SVGGElement, (typeof refs)[number]>('g.ref').data(refs, (d) => d.id);
  r.exit().remove();
  const rEnter = r.enter().append('g').attr('class', 'ref');
  rEnter.append('line');
  rEnter.append('text');
  const rAll = rEnter.merge(r);
  rAll
    .select('line')
    .attr('x1', (d) => x(d.v))
    .attr('x2', (d) => x(d.v))
    .attr('y1', (d) => -font * (d.row === 0 ? 2.2 : 1.1))
    .attr('y2', innerH)
    .attr('stroke', (d) => (d.id === 'median' ? groupColour(DARKER) : '#555'))
    .attr('stroke-width', (d) => d.width)
    .attr('stroke-dasharray', (d) => d.dash);
  rAll
    .select('text')
    .attr('x', (d) => x(d.v) + 4)
    .attr('y', (d) => -font * (d.row === 0 ? 1.35 : 0.25))
    .style('font-size', `${font}px`)
    .attr('fill', '#333')
    .attr('text-anchor', (d) => (x(d.v) > innerW * 0.7 ? 'end' : 'start'))
    .attr('dx', (d) => (x(d.v) > innerW * 0.7 ? -8 : 0))
    .text((d) => d.label);

  const dots = g.select('g.dots').selectAll<SVGPathElement, (typeof placed)[number]>('path').data(placed, (d) => String(d.seed));
  dots.exit().remove();
  const entered = dots.enter().append('path');
  entered.append('title');
  entered
    .merge(dots)
    .attr('d', shapePath(groupShape(DARKER), rad))
    .attr('transform', (d) => `translate(${d.x},${innerH - rad * 1.2 - d.row * pitch})`)
    .attr('fill', '#ffffff')
    .attr('stroke', groupColour(DARKER))
    .attr('stroke-width', 2)
    .select('title')
    .text((d) => w.dot(d.seed, fmt.percent(d.share)));
}
