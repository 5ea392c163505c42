/**
 * The tone histogram: for each of the six skin tones, the share of real faces (filled bar) next to
 * the share of generated faces (hatched, outlined bar), coloured by group (Okabe–Ito) and told
 * apart by fill pattern, so it reads without colour. Under the axis, a swatch of each tone and a
 * bracket with the group's name and shape. SVG, redrawn on each update.
 */
import * as d3 from 'd3';
import { plotFrame } from '../shared/plotFrame';
import { FACE_GROUPS, FACE_TONES } from '../../core/faces/faces';
import { groupColour, groupShape, shapePath } from '../shared/palette';
import { fmt, t } from '../../i18n';

export interface ToneHistogramData {
  /** Share of real faces per tone (sums to 1). */
  real: number[];
  /** Share of generated faces per tone, among those with a recognisable tone; null before any. */
  synthetic: number[] | null;
}

export interface ToneHistogramOptions {
  height?: number;
  /** Larger type for the projector layout. */
  large?: boolean;
}

const rgbCss = (rgb: readonly number[]) => `rgb(${rgb.map((v) => Math.round(v * 255)).join(',')})`;

export function draw(svgEl: SVGSVGElement, data: ToneHistogramData, opt: ToneHistogramOptions = {}): void {
  const font = opt.large ? 15 : 11;
  const width = Math.max(260, svgEl.clientWidth || svgEl.parentElement?.clientWidth || 360);
  const height = opt.height ?? (opt.large ? 360 : 240);
  const margin = { top: 10, right: 8, bottom: font * 4.6, left: font * 3.6 };
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const svg = d3.select(svgEl).attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);

  let defs = svg.select<SVGDefsElement>('defs');
  if (defs.empty()) {
    defs = svg.append('defs');
    FACE_GROUPS.forEach((_, gi) => {
      const p = defs
        .append('pattern')
        .attr('id', `hatch-${gi}`)
        .attr('patternUnits', 'userSpaceOnUse')
        .attr('width', 6)
        .attr('height', 6)
        .attr('patternTransform', 'rotate(45)');
      p.append('rect').attr('width', 6).attr('height', 6).attr('fill', '#ffffff');
      p.append('line').attr('x1', 0).attr('x2', 0).attr('y1', 0).attr('y2', 6).attr('stroke', groupColour(gi)).attr('stroke-width', 2.5);
    });
  }

  const maxY = 1.08 * Math.max(0.2, d3.max(data.real) ?? 0, d3.max(data.synthetic ?? [0]) ?? 0);
  const y = d3.scaleLinear().domain([0, maxY]).nice().range([innerH, 0]);
  const x0 = d3.scaleBand<number>().domain(FACE_TONES.map((_, i) => i)).range([0, innerW]).paddingInner(0.22).paddingOuter(0.08);
  const x1 = d3.scaleBand<string>().domain(['real', 'synthetic']).range([0, x0.bandwidth()]).padding(0.08);

  const g = plotFrame(svg, margin, [
    ['g', 'y axis'],
    ['g', 'bars'],
    ['g', 'swatches'],
    ['g', 'brackets'],
    ['line', 'baseline'],
  ]);
  g.select<SVGGElement>('g.y')
    .call(d3.axisLeft(y).ticks(opt.large ? 5 : 4).tickSize(-innerW).tickFormat((v) => fmt.percent(+v)))
    .call((a) => a.selectAll('text').style('font-size', `${font}px`))
    .call((a) => a.select('.domain').remove())
    .call((a) => a.selectAll('.tick line').attr('stroke', '#e3e4e8'));
  g.select('line.baseline').attr('x1', 0).attr('x2', innerW).attr('y1', innerH).attr('y2', innerH).attr('stroke', '#777');

  type Bar = { tone: number; kind: 'real' | 'synthetic'; value: number };
  const bars: Bar[] = FACE_TONES.flatMap((_, i) => [
    { tone: i, kind: 'real' as const, value: data.real[i] ?? 0 },
    ...(data.synthetic ? [{ tone: i, kind: 'synthetic' as const, value: data.synthetic[i] ?? 0 }] : []),
  ]);
  const sel = g.select('g.bars').selectAll<SVGRectElement, Bar>('rect').data(bars, (d) => `${d.tone}-${d.kind}`);
  sel.exit().remove();
  sel
    .enter()
    .append('rect')
    .merge(sel)
    .attr('x', (d) => (x0(d.tone) ?? 0) + (x1(d.kind) ?? 0))
    .attr('width', x1.bandwidth())
    .attr('y', (d) => y(d.value))
    .attr('height', (d) => Math.max(0, innerH - y(d.value)))
    .attr('fill', (d) => (d.kind === 'real' ? groupColour(FACE_TONES[d.tone].group) : `url(#hatch-${FACE_TONES[d.tone].group})`))
    .attr('stroke', (d) => groupColour(FACE_TONES[d.tone].group))
    .attr('stroke-width', (d) => (d.kind === 'real' ? 0 : 2));

  // tone swatches and numbers under each pair of bars
  const sw = Math.min(font * 1.7, x0.bandwidth() * 0.6);
  const swatches = g.select('g.swatches').selectAll<SVGGElement, number>('g.swatch').data(FACE_TONES.map((_, i) => i));
  const swEnter = swatches.enter().append('g').attr('class', 'swatch');
  swEnter.append('rect');
  swEnter.append('text');
  swEnter
    .merge(swatches)
    .attr('transform', (i) => `translate(${(x0(i) ?? 0) + x0.bandwidth() / 2},${innerH + 5})`)
    .call((s) =>
      s
        .select('rect')
        .attr('x', -sw / 2)
        .attr('width', sw)
        .attr('height', sw * 0.75)
        .attr('rx', 2)
        .attr('fill', (i) => rgbCss(FACE_TONES[i].rgb))
        .attr('stroke', '#555')
        .attr('stroke-width', 0.8),
    )
    .call((s) =>
      s
        .select('text')
        .attr('y', sw * 0.75 + font + 1)
        .attr('text-anchor', 'middle')
        .attr('font-size', font)
        .attr('fill', '#333')
        .text((i) => String(i + 1)),
    );

  // a bracket per group with its shape and name
  const names = t().faces.groups as Record<string, string>;
  const groups = FACE_GROUPS.map((grp, gi) => {
    const tones = FACE_TONES.flatMap((tone, i) => (tone.group === gi ? [i] : []));
    return { gi, label: (names[grp.id] ?? grp.label).toLowerCase(), x0: x0(tones[0]) ?? 0, x1: (x0(tones[tones.length - 1]) ?? 0) + x0.bandwidth() };
  });
  const by = innerH + 5 + sw * 0.75 + font * 1.6;
  const br = g.select('g.brackets').selectAll<SVGGElement, (typeof groups)[number]>('g.bracket').data(groups);
  const brEnter = br.enter().append('g').attr('class', 'bracket');
  brEnter.append('path').attr('class', 'line');
  brEnter.append('path').attr('class', 'shape');
  brEnter.append('text');
  const brAll = brEnter.merge(br);
  brAll.select('path.line').attr('d', (d) => `M${d.x0},${by - 4}V${by}H${d.x1}V${by - 4}`).attr('fill', 'none').attr('stroke', (d) => groupColour(d.gi)).attr('stroke-width', 1.5);
  const labelW = (d: (typeof groups)[number]) => d.label.length * font * 0.55;
  brAll
    .select('path.shape')
    .attr('transform', (d) => `translate(${(d.x0 + d.x1) / 2 - labelW(d) / 2 - font * 0.6},${by + font * 0.95})`)
    .attr('d', (d) => shapePath(groupShape(d.gi), font * 0.38))
    .attr('fill', (d) => groupColour(d.gi));
  brAll
    .select('text')
    .attr('x', (d) => (d.x0 + d.x1) / 2 + font * 0.2)
    .attr('y', by + font * 1.3)
    .attr('text-anchor', 'middle')
    .attr('font-size', font)
    .attr('fill', '#333')
    .text((d) => d.label);
}
