/**
 * Files the user saves: downloads, SVG charts serialised with their computed styles inlined
 * (so they look the same outside the page), SVG and canvas rendered to PNG.
 */
import { t } from '../../i18n';

/** Offer a file for download (a same-origin blob URL: nothing leaves the page). */
export function download(content: Blob | string, name: string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-size', 'font-family', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility', 'display'];

/**
 * A live SVG as a standalone file: a deep copy whose every element carries its computed style
 * inline (class rules from the page's stylesheet do not travel with the file), on white, under
 * a header with the chart's title and key (which live in the page's HTML, not in the SVG).
 */
export function serialiseSvg(svg: SVGSVGElement, title: string, key: readonly { label: string; colour: string; dash?: string }[] = []): { text: string; width: number; height: number } {
  const NS = 'http://www.w3.org/2000/svg';
  const rect = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(rect.width));
  const chartHeight = Math.max(1, Math.round(rect.height));
  const head = key.length ? 42 : 24;
  const height = chartHeight + head;
  const inner = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [inner, ...inner.querySelectorAll('*')];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    dst[i].setAttribute('style', STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';'));
  });
  inner.setAttribute('y', String(head));
  inner.setAttribute('width', String(width));
  inner.setAttribute('height', String(chartHeight));
  inner.setAttribute('overflow', 'visible');
  if (!inner.getAttribute('viewBox')) inner.setAttribute('viewBox', `0 0 ${width} ${chartHeight}`);
  const outer = document.createElementNS(NS, 'svg');
  outer.setAttribute('xmlns', NS);
  outer.setAttribute('width', String(width));
  outer.setAttribute('height', String(height));
  outer.setAttribute('viewBox', `0 0 ${width} ${height}`);
  outer.setAttribute('font-family', 'system-ui, sans-serif');
  const el = (name: string, attrs: Record<string, string>, text?: string) => {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    outer.append(e);
    return e;
  };
  el('title', {}, title);
  el('rect', { width: '100%', height: '100%', fill: '#ffffff' });
  el('text', { x: '4', y: '16', 'font-size': '13', fill: '#1d1f24' }, title);
  let x = 4;
  for (const k of key) {
    el('line', { x1: String(x), x2: String(x + 18), y1: '32', y2: '32', stroke: k.colour, 'stroke-width': '2.5', ...(k.dash ? { 'stroke-dasharray': k.dash } : {}) });
    el('text', { x: String(x + 22), y: '36', 'font-size': '11', fill: '#444' }, k.label);
    x += 30 + 6.2 * k.label.length;
  }
  outer.append(inner);
  return { text: new XMLSerializer().serializeToString(outer), width, height };
}

/** Render SVG text to a PNG at `scale` times its size (2 = sharp on slides). */
export async function svgToPng(text: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await canvasBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A canvas's pixels composed under a title line on white, as a PNG. */
export async function canvasToPng(source: HTMLCanvasElement, title: string): Promise<Blob> {
  const head = Math.round(source.width * 0.05);
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height + head;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1d1f24';
  ctx.font = `${Math.round(head * 0.5)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText(title, head * 0.25, head / 2);
  ctx.drawImage(source, 0, head);
  return canvasBlob(canvas);
}

/** RGBA bytes (e.g. core/generations/faceSheet.ts) as a PNG, scaled up by a whole factor with crisp pixels. */
export function rgbaPng(img: { width: number; height: number; rgba: Uint8ClampedArray }, scale = 1): Promise<Blob> {
  const src = document.createElement('canvas');
  src.width = img.width;
  src.height = img.height;
  src.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(img.rgba), img.width, img.height), 0, 0);
  if (scale === 1) return canvasBlob(src);
  const out = document.createElement('canvas');
  out.width = img.width * scale;
  out.height = img.height * scale;
  const ctx = out.getContext('2d')!;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(src, 0, 0, out.width, out.height);
  return canvasBlob(out);
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(t().shared.exportFile.noImage))), 'image/png'));
}

/** A file's name part for the current run: forgelab-<what>-seed<seed>-step<step>. */
export function fileStem(what: string, seed: number, step: number): string {
  return `forgelab-${what}-seed${seed}-step${step}`;
}
