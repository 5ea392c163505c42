/**
 * The multi-seed dot plot of the playground: one row per group, one hollow mark per seed at its
 * representation ratio (synthetic share ÷ real share), the median as a solid bar, and the
 * "faithful" line at 1. The group the lesson is about (the smallest) is emphasised: larger marks
 * on a tinted band. SVG, redrawn on each result.
 */
import * as d3 from 'd3';
import { groupColour, groupShape, shapePath } from '../shared/palette';
import { fmt, t } from '../../i18n';

export interface RatioDotsData {
  groups: { label: string; index: number; emphasised: boolean }[];
  /** One entry per finished seed: its ratio per group (group order). */
  seeds: { seed: number; ratios: number[] }[];
  medians: number[];
}

const ratio = (v: number) => fmt.fixed(v, 2);

export function draw(svgEl: SVGSVGElement, data: RatioDotsData, opt: { large?: boolean } = {}): void {
  const font = opt.large ? 14 : 11;
  const say = t().playground.ratioDots;
  const width = Math.max(260, svgEl.parentElement?.clientWidth || svgEl.clientWidth || 320);
  const rowH = (emph: boolean) => font * (emph ? 4.6 : 3.4);
  const margin = { top: font * 1.6, right: 16, bottom: font * 3.4, left: 12 };
  const innerW = width - margin.left - margin.right;
  const rows = data.groups.map((g, i) => ({ ...g, i, h: rowH(g.emphasised) }));
  let y0 = 0;
  const rowTop = rows.map((r) => {
    const t = y0;
    y0 += r.h;
    return t;
  });
  const innerH = y0;
  const height = innerH + margin.top + margin.bottom;
  const all = data.seeds.flatMap((s) => s.ratios).filter(Number.isFinite);
  const hi = Math.max(2, (d3.max(all) ?? 0) * 1.05);
  const x = d3.scaleLinear().domain([0, hi]).nice().range([0, innerW]);

  const svg = d3.select(svgEl).attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  svg.selectAll('*').remove();
  const g = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);

  // rows: band, label
  rows.forEach((r, k) => {
    const top = rowTop[k];
    if (r.emphasised) g.append('rect').attr('x', -margin.left / 2).attr('y', top + 1).attr('width', innerW + margin.left / 2 + 6).attr('height', r.h - 2).attr('fill', '#f6efe9').attr('rx', 4);
    if (k > 0) g.append('line').attr('x1', 0).attr('x2', innerW).attr('y1', top).attr('y2', top).attr('stroke', '#e4e5e8');
    const label = g.append('g').attr('transform', `translate(4,${top + font * 1.15})`);
    label.append('path').attr('d', shapePath(groupShape(r.index), font * 0.38)).attr('transform', `translate(${font * 0.4},${-font * 0.35})`).attr('fill', groupColour(r.index));
    label
      .append('text')
      .attr('x', font * 1.1)
      .attr('font-size', font)
      .attr('font-weight', r.emphasised ? 700 : 500)
      .attr('fill', '#1d1f24')
      .text(say.median(r.label, ratio(data.medians[r.i])));
  });

  // faithful line
  g.append('line').attr('x1', x(1)).attr('x2', x(1)).attr('y1', -font * 0.6).attr('y2', innerH).attr('stroke', '#555').attr('stroke-width', 1.5).attr('stroke-dasharray', '5 3');
  g.append('text').attr('x', x(1) + 4).attr('y', -font * 0.5).attr('font-size', font).attr('fill', '#333').text(say.faithful(fmt.fixed(1, 1)));

  // axis
  g.append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${innerH})`)
    .call(d3.axisBottom(x).ticks(Math.max(3, Math.floor(innerW / 60))).tickFormat((v) => fmt.fixed(+v, 1)))
    .call((a) => a.selectAll('text').attr('font-size', font));
  g.append('text').attr('x', 0).attr('y', innerH + font * 2.9).attr('font-size', font).attr('fill', '#555').text(say.under);
  g.append('text').attr('x', innerW).attr('y', innerH + font * 2.9).attr('text-anchor', 'end').attr('font-size', font).attr('fill', '#555').text(say.over);

  // medians and dots per row
  rows.forEach((r, k) => {
    const top = rowTop[k];
    const dotTop = top + font * 1.7;
    const dotBottom = top + r.h - font * 0.5;
    const mid = (dotTop + dotBottom) / 2;
    const rad = font * (r.emphasised ? 0.55 : 0.42);
    const m = data.medians[r.i];
    if (Number.isFinite(m)) {
      g.append('line')
        .attr('class', 'median')
        .attr('x1', x(m))
        .attr('x2', x(m))
        .attr('y1', dotTop - 2)
        .attr('y2', dotBottom + 2)
        .attr('stroke', groupColour(r.index))
        .attr('stroke-width', r.emphasised ? 4 : 3);
    }
    // stack seeds that land on (nearly) the same ratio so each stays visible
    const lanes = Math.max(1, Math.floor((dotBottom - dotTop) / (2.2 * rad)));
    const placed: { x: number; lane: number }[] = [];
    for (const s of data.seeds) {
      const v = s.ratios[r.i];
      if (!Number.isFinite(v)) continue;
      const px = x(Math.min(v, hi));
      let lane = 0;
      while (lane < lanes - 1 && placed.some((p) => Math.abs(p.x - px) < 2.1 * rad && p.lane === lane)) lane++;
      placed.push({ x: px, lane });
    }
    const laneY = (lane: number) => mid + (lane % 2 ? 1 : -1) * Math.ceil(lane / 2) * 2.1 * rad * (lanes > 1 ? 1 : 0);
    for (const p of placed) {
      g.append('path')
        .attr('d', shapePath(groupShape(r.index), rad))
        .attr('transform', `translate(${p.x},${Math.max(dotTop + rad, Math.min(dotBottom - rad, laneY(p.lane)))})`)
        .attr('fill', '#ffffff')
        .attr('fill-opacity', 0.6)
        .attr('stroke', groupColour(r.index))
        .attr('stroke-width', r.emphasised ? 2.2 : 1.6);
    }
  });
}
