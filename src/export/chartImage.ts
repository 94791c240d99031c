/**
 * A chart's <svg> as a standalone SVG file and as a PNG. Recharts colours come from CSS (our
 * variables), which a file opened elsewhere does not have: the computed paint and font of every
 * element are written onto the copy. The chart's title, subtitle and legend are HTML around the
 * <svg>; the file draws them as SVG text above the plot, so the picture says what it shows.
 */
import { fileStamp } from '../lib/download';

const INLINED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility'] as const;
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface SvgFile {
  text: string;
  width: number;
  height: number;
}

/** What surrounds the plot on screen, as the export writes it. */
export interface ChartCaption {
  title: string;
  /** lines under the title: subtitle, notes */
  notes: string[];
  legend: Array<{ label: string; color: string }>;
  colors: { background: string; title: string; notes: string };
  font: string;
}

/** A copy of the live chart with its computed paint inlined; the live chart is untouched. */
function paintedCopy(svg: SVGSVGElement): { copy: SVGSVGElement; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width || Number(svg.getAttribute('width')) || 600);
  const height = Math.round(box.height || Number(svg.getAttribute('height')) || 400);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  const styles = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (el: Element) => {
    let style = styles.get(el);
    if (!style) styles.set(el, (style = getComputedStyle(el)));
    return style;
  };
  live.forEach((el, i) => {
    const target = copies[i];
    if (!target) return;
    const style = styleOf(el);
    const parent = el === svg || !el.parentElement ? null : styleOf(el.parentElement);
    // what the element inherits from its parent in the copy anyway is not repeated (a file a tenth the size)
    const declarations = INLINED.map((p) => [p, style.getPropertyValue(p)] as const).filter(
      ([p, v]) => v !== '' && !(parent && (p === 'opacity' ? v === '1' : parent.getPropertyValue(p) === v)),
    );
    // CSSOM, not setAttribute('style'): allowed by a style-src without 'unsafe-inline'
    for (const [p, v] of declarations) (target as SVGElement).style.setProperty(p, v);
    // presentation attributes that name our CSS variables mean nothing outside the page: resolve them too
    for (const { name, value } of [...target.attributes]) {
      if (value.includes('var(') && (INLINED as readonly string[]).includes(name)) target.setAttribute(name, style.getPropertyValue(name));
    }
  });
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', svg.getAttribute('viewBox') ?? `0 0 ${width} ${height}`);
  return { copy, width, height };
}

function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v));
  return el;
}

/** Greedy word wrap by an average glyph width: the file has no layout engine to ask. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const PAD = 10;
const TITLE_SIZE = 14;
const NOTE_SIZE = 12;
const LINE = 1.35;
/** an average glyph is about 0.56 em in the UI's sans-serif fonts */
const GLYPH = 0.56;

/** The header band: title, wrapped notes, then the legend as swatches; returns its height. */
function drawCaption(root: SVGSVGElement, caption: ChartCaption, width: number): number {
  let y = PAD;
  const text = (content: string, size: number, fill: string, weight: string, x = PAD) => {
    y += size;
    const el = svgElement('text', { x, y, fill, 'font-size': size, 'font-weight': weight, 'font-family': caption.font });
    el.textContent = content;
    root.append(el);
    y += size * (LINE - 1);
  };
  const chars = (size: number) => Math.max(20, Math.floor((width - 2 * PAD) / (size * GLYPH)));
  for (const line of wrapText(caption.title, chars(TITLE_SIZE))) text(line, TITLE_SIZE, caption.colors.title, '600');
  for (const note of caption.notes) for (const line of wrapText(note, chars(NOTE_SIZE))) text(line, NOTE_SIZE, caption.colors.notes, '400');
  if (caption.legend.length > 0) {
    let x = PAD;
    const row = () => {
      y += NOTE_SIZE * LINE;
      x = PAD;
    };
    row();
    for (const item of caption.legend) {
      const w = 16 + item.label.length * NOTE_SIZE * GLYPH + 14;
      if (x > PAD && x + w > width - PAD) row();
      root.append(svgElement('rect', { x, y: y - NOTE_SIZE * 0.8, width: 10, height: 10, fill: item.color }));
      const label = svgElement('text', { x: x + 14, y, fill: caption.colors.notes, 'font-size': NOTE_SIZE, 'font-family': caption.font });
      label.textContent = item.label;
      root.append(label);
      x += w;
    }
    y += NOTE_SIZE * (LINE - 1);
  }
  return Math.ceil(y + PAD / 2);
}

/**
 * The standalone file: a background, the caption band (when given) and the painted plot below it.
 * Text is set through the DOM, so the serializer escapes it.
 */
export function serializeSvg(svg: SVGSVGElement, background: string, caption?: ChartCaption): SvgFile {
  const { copy, width, height: plotHeight } = paintedCopy(svg);
  // no xmlns attribute: the serializer writes the namespace of an element made in it (twice would not parse)
  const root = svgElement('svg', { width, height: plotHeight, viewBox: `0 0 ${width} ${plotHeight}` });
  root.append(svgElement('rect', { width: '100%', height: '100%', fill: background }));
  const top = caption ? drawCaption(root, caption, width) : 0;
  const height = top + plotHeight;
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('x', '0');
  copy.setAttribute('y', String(top));
  copy.removeAttribute('xmlns');
  copy.removeAttribute('class');
  // the page sizes the live chart by CSS (100% of its box); in the file the attributes above size it
  for (const p of ['width', 'height', 'max-width', 'max-height', 'aspect-ratio']) copy.style.removeProperty(p);
  root.append(copy);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { text, width, height };
}

/** The SVG as a data: URL: drawing it needs no request and leaves the canvas untainted (CSP img-src data:). */
export function svgDataUrl(svgText: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
}

interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): Pick<CanvasRenderingContext2D, 'scale' | 'drawImage'> | null;
  toBlob(done: (blob: Blob | null) => void, type: string): void;
}

export interface PngDeps {
  loadImage(url: string, width: number, height: number): Promise<CanvasImageSource>;
  createCanvas(): CanvasLike;
}

const browserDeps: PngDeps = {
  loadImage: async (url, width, height) => {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    return image;
  },
  createCanvas: () => document.createElement('canvas'),
};

/** Draws the SVG on a canvas at `scale` times its size (sharp on high-density screens) and encodes a PNG. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2, deps: PngDeps = browserDeps): Promise<Blob> {
  const image = await deps.loadImage(svgDataUrl(svgText), width, height);
  const canvas = deps.createCanvas();
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas in this browser');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** The chart's main surface in a container: the largest svg that is not a legend icon or a button's. */
export function findChartSvg(container: Element): SVGSVGElement | null {
  const candidates = [...container.querySelectorAll<SVGSVGElement>('svg')].filter((s) => !s.closest('.recharts-legend-wrapper, .chart-export') && !s.parentElement?.closest('svg'));
  const area = (s: SVGSVGElement) => {
    const box = s.getBoundingClientRect();
    return box.width * box.height;
  };
  // a stable sort: equal sizes (jsdom lays nothing out) keep document order, the wrapper's surface first
  return [...candidates].sort((a, b) => area(b) - area(a))[0] ?? null;
}

/** `margin-radar-hf-curve-2026-05-01T09-30-00Z.png`: what the chart is and when, no portfolio data. */
export function chartFileName(name: string, format: 'png' | 'svg', date = new Date()): string {
  return `margin-radar-${name}-${fileStamp(date)}.${format}`;
}
