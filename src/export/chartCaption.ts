import type { ChartCaption } from './chartImage';

/**
 * Reads what a chart's figure says around its plot (title, subtitle, notes, legend) from the page,
 * so every chart exports with its own words without each one restating them.
 */

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Text as a reader sees it: inline text stays together, separate pieces (spans of a legend) get a space. */
export function readableText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('.chart-export, [aria-hidden="true"], button').forEach((n) => n.remove());
  const walk = (node: Element): string => {
    const hasOwnText = [...node.childNodes].some((c) => c.nodeType === 3 && (c.textContent ?? '').trim() !== '');
    if (hasOwnText) return collapse(node.textContent ?? '');
    return [...node.children].map(walk).filter(Boolean).join(' ');
  };
  const text = collapse(walk(copy));
  // a block named for screen readers ("Colour scale, USD") says what its bare numbers are
  const label = el.getAttribute('aria-label');
  return label && text && !text.startsWith(label) ? `${label}: ${text}` : text;
}

function isTransparent(color: string): boolean {
  return color === '' || color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
}

/** The colour the chart is painted on: the first ancestor with a background. */
function backgroundOf(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const color = getComputedStyle(at).backgroundColor;
    if (!isTransparent(color)) return color;
  }
  return '#121720';
}

function legendOf(figure: Element): ChartCaption['legend'] {
  return [...figure.querySelectorAll('.recharts-legend-item')].map((item) => {
    const label = collapse(item.querySelector('.recharts-legend-item-text')?.textContent ?? item.textContent ?? '');
    const icon = item.querySelector('path, rect, line, circle');
    // the icon's own paint attribute, unless it names a CSS variable only the page can resolve
    const paint = (name: 'fill' | 'stroke') => {
      const own = icon?.getAttribute(name) ?? '';
      return own !== '' && !own.includes('var(') ? own : icon ? getComputedStyle(icon).getPropertyValue(name) : '';
    };
    const fill = paint('fill');
    const color = fill !== '' && fill !== 'none' && !isTransparent(fill) ? fill : paint('stroke') || 'currentColor';
    return { label, color };
  });
}

/** Title, notes and legend of the figure holding `svg`; `extraNotes` add what the page shows elsewhere (the unit picked). */
export function readCaption(figure: Element, svg: SVGSVGElement, extraNotes: string[] = []): ChartCaption {
  const parts = [...figure.children].filter((c) => !c.classList.contains('chart-export') && !c.contains(svg));
  const texts = parts.map((p) => ({ el: p, text: readableText(p) })).filter((p) => p.text !== '');
  const first = texts[0];
  const second = texts[1];
  return {
    title: first?.text ?? figure.getAttribute('aria-label') ?? 'Chart',
    notes: [...extraNotes, ...texts.slice(1).map((t) => t.text)],
    legend: legendOf(figure),
    colors: {
      background: backgroundOf(figure),
      // the title in the page's main text colour even where the screen dims it: the file stands alone
      title: getComputedStyle(document.documentElement).getPropertyValue('--text').trim() || (first ? getComputedStyle(first.el).color : '') || '#e6e9ef',
      notes: second ? getComputedStyle(second.el).color || '#9aa4b2' : '#9aa4b2',
    },
    font: getComputedStyle(figure).fontFamily || 'sans-serif',
  };
}
