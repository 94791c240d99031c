// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readCaption, readableText } from '../../src/export/chartCaption';
import { chartFileName, findChartSvg, serializeSvg, svgDataUrl, svgToPng, wrapText, type PngDeps } from '../../src/export/chartImage';

describe('chart SVG export', () => {
  it('writes a standalone SVG: namespace, size, a background, and computed paint inlined', () => {
    document.body.innerHTML = `
      <style>.line { stroke: rgb(78, 161, 255); stroke-width: 2px; }</style>
      <div id="chart"><svg class="recharts-surface" width="300" height="200" viewBox="0 0 300 200">
        <path class="line" d="M0 0L300 200"/><text x="5" y="10">HF</text></svg></div>`;
    const svg = findChartSvg(document.getElementById('chart')!)!;
    const { text, width, height } = serializeSvg(svg, '#121720');
    expect([width, height]).toEqual([300, 200]);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('<rect width="100%" height="100%" fill="#121720"');
    expect(text).toMatch(/<path[^>]*style="[^"]*stroke:\s?rgb\(78, 161, 255\)/);
    // the live chart is untouched
    expect(svg.querySelector('rect')).toBeNull();
  });

  it('the plot keeps the font it inherits on the page but not its CSS size (100% of the page box)', () => {
    document.body.innerHTML = `<div id="chart"><svg class="recharts-surface" width="300" height="200" style="width: 100%; height: 100%; font-size: 12px"><text>+50%</text></svg></div>`;
    const { text } = serializeSvg(findChartSvg(document.getElementById('chart')!)!, '#000');
    const plot = new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('svg > svg')!;
    expect(plot.getAttribute('style')).toContain('font-size: 12px');
    expect(plot.getAttribute('style')).not.toMatch(/(^|;\s*)(width|height):/);
    expect([plot.getAttribute('width'), plot.getAttribute('height')]).toEqual(['300', '200']);
  });

  // the shape ChartFrame renders: title, export buttons, subtitle, then recharts' wrapper with an HTML legend
  const frame = `
    <figure id="fig" style="background: rgb(10, 20, 30)">
      <h3 style="color: rgb(230, 233, 239)">Liquidation ladder</h3>
      <span class="chart-export"><button>PNG</button><button>SVG</button></span>
      <p style="color: rgb(154, 164, 178)"><span>10 of 19 positions have a liquidation price · 0 within the scenario's moves (red)</span></p>
      <div class="chart__plot"><div class="recharts-wrapper">
        <svg class="recharts-surface" width="400" height="240" viewBox="0 0 400 240">
          <g class="recharts-cartesian-axis"><text>Move to liquidation, %</text><text>−50%</text></g>
          <rect x="10" y="10" width="20" height="50" fill="rgb(255, 77, 79)"/>
        </svg>
        <div class="recharts-legend-wrapper"><ul>
          <li class="recharts-legend-item"><svg class="recharts-surface" width="14" height="14"><path fill="rgb(61, 220, 132)" d="M0 0h14v14H0z"/></svg>
            <span class="recharts-legend-item-text">Margin balance</span></li>
          <li class="recharts-legend-item"><svg class="recharts-surface" width="14" height="14"><path fill="none" stroke="rgb(255, 77, 79)" d="M0 7h14"/></svg>
            <span class="recharts-legend-item-text">Maintenance margin &amp; fees</span></li>
        </ul></div>
      </div></div>
    </figure>`;

  it('the file says what the chart shows: title, subtitle, notes, axis text and legend, no button labels', () => {
    document.body.innerHTML = frame;
    const figure = document.getElementById('fig')!;
    const svg = findChartSvg(figure)!;
    // the plot, not a legend icon (jsdom lays nothing out, so document order decides among equals)
    expect(svg.getAttribute('width')).toBe('400');
    const caption = readCaption(figure, svg, ['Margin unit: alpha · cross']);
    expect(caption.title).toBe('Liquidation ladder');
    expect(caption.notes).toEqual(['Margin unit: alpha · cross', "10 of 19 positions have a liquidation price · 0 within the scenario's moves (red)"]);
    expect(caption.legend).toEqual([
      { label: 'Margin balance', color: 'rgb(61, 220, 132)' },
      { label: 'Maintenance margin & fees', color: 'rgb(255, 77, 79)' },
    ]);
    expect(caption.colors.background).toBe('rgb(10, 20, 30)');

    const { text, width, height } = serializeSvg(svg, caption.colors.background, caption);
    expect(width).toBe(400);
    // the caption band sits above the 240-pixel plot
    expect(height).toBeGreaterThan(240);
    expect(text).toMatch(/<text[^>]*>Liquidation ladder<\/text>/);
    expect(text).toContain('>Margin unit: alpha · cross</text>');
    expect(text).toContain('>Move to liquidation, %</text>');
    expect(text).toContain('>Margin balance</text>');
    // text is escaped by the serializer, not pasted into markup
    expect(text).toContain('>Maintenance margin &amp; fees</text>');
    expect(text).not.toMatch(/>PNG</);
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    expect(parsed.documentElement.getAttribute('viewBox')).toBe(`0 0 400 ${height}`);
  });

  it('text of pieces laid side by side gets spaces; inline text stays as written', () => {
    document.body.innerHTML = `<div id="a" aria-label="Colour scale, USD"><span>−1,234.00</span><span aria-hidden="true"></span><span>+1,234.00</span><span>USD · ring: the what-if</span></div>
      <p id="b">Scenario: move <strong>−20.0%</strong>, HF <strong>1.20</strong></p>`;
    expect(readableText(document.getElementById('a')!)).toBe('Colour scale, USD: −1,234.00 +1,234.00 USD · ring: the what-if');
    expect(readableText(document.getElementById('b')!)).toBe('Scenario: move −20.0%, HF 1.20');
  });

  it('long lines wrap at word boundaries', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('  ', 9)).toEqual([]);
  });

  it('file names say which chart, and when, and nothing of the portfolio', () => {
    expect(chartFileName('hf-curve', 'png', new Date('2026-05-01T09:30:00.123Z'))).toBe('margin-radar-hf-curve-2026-05-01T09-30-00Z.png');
    expect(chartFileName('liquidation-ladder', 'svg', new Date('2026-05-01T09:30:00Z'))).toBe('margin-radar-liquidation-ladder-2026-05-01T09-30-00Z.svg');
  });
});

describe('chart PNG export', () => {
  it('draws the SVG from a data: URL onto a canvas at twice its size and encodes image/png', async () => {
    const svgText = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><text>HF &amp; MM</text></svg>';
    const calls: unknown[][] = [];
    const image = { marker: 'decoded image' } as unknown as CanvasImageSource;
    let loaded: { url: string; width: number; height: number } | null = null;
    const canvas = {
      width: 0,
      height: 0,
      getContext: () => ({ scale: (...a: unknown[]) => void calls.push(['scale', ...a]), drawImage: (...a: unknown[]) => void calls.push(['drawImage', ...a]) }),
      toBlob: (done: (b: Blob | null) => void, type: string) => done(new Blob([`${canvas.width}x${canvas.height}`], { type })),
    };
    const deps = {
      loadImage: async (url: string, width: number, height: number) => {
        loaded = { url, width, height };
        return image;
      },
      createCanvas: () => canvas,
    } as unknown as PngDeps;
    const blob = await svgToPng(svgText, 300, 200, 2, deps);
    expect(blob.type).toBe('image/png');
    expect(await blob.text()).toBe('600x400');
    expect(loaded).toEqual({ url: svgDataUrl(svgText), width: 300, height: 200 });
    // a data: URL (CSP img-src data:, no request) that decodes back to the exact file
    expect(loaded!.url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(loaded!.url.slice('data:image/svg+xml;charset=utf-8,'.length))).toBe(svgText);
    expect(calls).toEqual([
      ['scale', 2, 2],
      ['drawImage', image, 0, 0, 300, 200],
    ]);
  });

  it('a browser without a 2D canvas gets a clear error', async () => {
    const deps = { loadImage: async () => ({}) as CanvasImageSource, createCanvas: () => ({ width: 0, height: 0, getContext: () => null, toBlob: () => undefined }) } as unknown as PngDeps;
    await expect(svgToPng('<svg/>', 10, 10, 2, deps)).rejects.toThrow('no 2D canvas in this browser');
  });
});
