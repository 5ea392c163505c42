/**
 * Selection rate per group, grouped by who decided: the historical decisions, a screening model
 * trained on real applicants and one trained on synthetic applicants. Each cluster carries its
 * four-fifths line (80% of the cluster's highest rate) and its ratio (lowest ÷ highest) as a
 * number. Groups differ by colour and by the shape on top of each bar. SVG.
 */
import * as d3 from 'd3';
import { groupColour, groupShape, shapePath } from '../shared/palette';
import { fmt, t } from '../../i18n';

export interface SelectionBarsData {
  groups: { label: string }[];
  clusters: { id: string; lines: string[]; rates: number[]; ratio: number }[];
  /** The rule's threshold (0.8). */
  threshold: number;
}

const pct = (v: number) => fmt.percent(v);

export function draw(svgEl: SVGSVGElement, data: SelectionBarsData, opt: { large?: boolean } = {}): void {
  const font = opt.large ? 14 : 11;
  const width = Math.max(280, svgEl.parentElement?.clientWidth || svgEl.clientWidth || 360);
  const height = Math.round(Math.min(340, Math.max(250, width * 0.55)));
  const margin = { top: font * 1.5, right: 8, bottom: font * 5.2, left: font * 3.4 };
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const all = data.clusters.flatMap((c) => c.rates).filter(Number.isFinite);
  const y = d3.scaleLinear().domain([0, Math.min(1, Math.max(0.2, (d3.max(all) ?? 0) * 1.2))]).nice().range([innerH, 0]);
  const x0 = d3.scaleBand<string>().domain(data.clusters.map((c) => c.id)).range([0, innerW]).paddingInner(0.22).paddingOuter(0.06);
  const x1 = d3.scaleBand<number>().domain(data.groups.map((_, i) => i)).range([0, x0.bandwidth()]).padding(0.12);

  const svg = d3.select(svgEl).attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  svg.selectAll('*').remove();
  const g = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);

  g.append('g')
    .attr('class', 'axis')
    .call(d3.axisLeft(y).ticks(5).tickFormat((v) => fmt.percent(+v)))
    .call((a) => a.selectAll('text').attr('font-size', font));
  g.append('line').attr('x1', 0).attr('x2', innerW).attr('y1', innerH).attr('y2', innerH).attr('stroke', '#b9bcc3');

  data.clusters.forEach((c) => {
    const cx = x0(c.id) ?? 0;
    const cg = g.append('g').attr('transform', `translate(${cx},0)`);
    c.rates.forEach((rate, gi) => {
      if (!Number.isFinite(rate)) return;
      const bx = x1(gi) ?? 0;
      const bw = x1.bandwidth();
      cg.append('rect')
        .attr('x', bx)
        .attr('y', y(rate))
        .attr('width', bw)
        .attr('height', innerH - y(rate))
        .attr('fill', groupColour(gi))
        .attr('fill-opacity', 0.85);
      const mark = Math.min(bw * 0.3, font * 0.5);
      cg.append('path')
        .attr('d', shapePath(groupShape(gi), mark))
        .attr('transform', `translate(${bx + bw / 2},${y(rate) - mark - 3})`)
        .attr('fill', groupColour(gi));
      cg.append('text')
        .attr('x', bx + bw / 2)
        .attr('y', y(rate) - 2 * mark - 6)
        .attr('text-anchor', 'middle')
        .attr('font-size', font)
        .attr('fill', '#1d1f24')
        .text(pct(rate));
    });
    // the four-fifths line of this cluster
    const top = d3.max(c.rates.filter(Number.isFinite)) ?? NaN;
    if (Number.isFinite(top) && top > 0) {
      const ly = y(data.threshold * top);
      cg.append('line').attr('x1', -4).attr('x2', x0.bandwidth() + 4).attr('y1', ly).attr('y2', ly).attr('stroke', '#111').attr('stroke-width', 1.5).attr('stroke-dasharray', '6 3');
    }
    const label = cg.append('text').attr('x', x0.bandwidth() / 2).attr('y', innerH + font * 1.4).attr('text-anchor', 'middle').attr('font-size', font).attr('fill', '#1d1f24');
    c.lines.forEach((line, li) => label.append('tspan').attr('x', x0.bandwidth() / 2).attr('dy', li ? font * 1.15 : 0).text(line));
    const below = c.ratio < data.threshold;
    cg.append('text')
      .attr('x', x0.bandwidth() / 2)
      .attr('y', innerH + font * (1.6 + 1.15 * c.lines.length))
      .attr('text-anchor', 'middle')
      .attr('font-size', font)
      .attr('font-weight', 700)
      .attr('fill', below ? '#a3261b' : '#1d5e2a')
      .text(Number.isFinite(c.ratio) ? t().experiments.hiring.barRatio(fmt.fixed(c.ratio, 2), below ? '✗' : '✓') : t().experiments.hiring.barNoRatio);
  });
}
