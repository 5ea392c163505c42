/**
 * The inner group every d3 chart here draws into: made once with its layers in order (later
 * layers paint over earlier ones), then only moved when the margins change, so a redraw updates
 * the existing elements instead of rebuilding the chart.
 */
import * as d3 from 'd3';

/** One layer: an element name and its class, with fixed text for labels. */
export type Layer = [tag: 'g' | 'path' | 'text' | 'line', className: string, text?: string];

export function plotFrame(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  margin: { left: number; top: number },
  layers: readonly Layer[],
): d3.Selection<SVGGElement, unknown, null, undefined> {
  let g = svg.select<SVGGElement>('g.plot');
  if (g.empty()) {
    g = svg.append('g').attr('class', 'plot');
    for (const [tag, className, text] of layers) {
      const el = g.append(tag).attr('class', className);
      if (text !== undefined) el.text(text);
    }
  }
  return g.attr('transform', `translate(${margin.left},${margin.top})`);
}
