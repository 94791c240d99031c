/**
 * A chart's <svg> as a standalone SVG file and as a PNG. Recharts colours come from CSS (our
 * variables), which a file opened elsewhere does not have: the computed paint and font of every
 * element are written onto the copy.
 */
const INLINED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility'] as const;

export function serializeSvg(svg: SVGSVGElement, background: string): { text: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width || Number(svg.getAttribute('width')) || 600);
  const height = Math.round(box.height || Number(svg.getAttribute('height')) || 400);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  live.forEach((el, i) => {
    const target = copies[i];
    if (!target) return;
    const style = getComputedStyle(el);
    const declarations = INLINED.map((p) => [p, style.getPropertyValue(p)] as const).filter(([, v]) => v !== '');
    // CSSOM, not setAttribute('style'): allowed by a style-src without 'unsafe-inline'
    for (const [p, v] of declarations) (target as SVGElement).style.setProperty(p, v);
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', svg.getAttribute('viewBox') ?? `0 0 ${width} ${height}`);
  const backdrop = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  backdrop.setAttribute('width', '100%');
  backdrop.setAttribute('height', '100%');
  backdrop.setAttribute('fill', background);
  copy.insertBefore(backdrop, copy.firstChild);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
  return { text, width, height };
}

/** Draws the SVG on a canvas at `scale` times its size (sharp on high-density screens) and encodes a PNG. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = new Image();
  image.width = width;
  image.height = height;
  // a data: URL keeps the canvas untainted and needs no request (CSP: img-src data:)
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas in this browser');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** The chart's main surface in a container: recharts' own class first, else the largest svg. */
export function findChartSvg(container: Element): SVGSVGElement | null {
  const surface = container.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (surface) return surface;
  const all = [...container.querySelectorAll<SVGSVGElement>('svg')];
  return all.sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width)[0] ?? null;
}
