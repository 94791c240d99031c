import { useState, type RefObject } from 'react';
import { findChartSvg, serializeSvg, svgToPng } from '../../export/chartImage';
import { downloadBlob, fileStamp } from '../../lib/download';

/**
 * PNG and SVG buttons for the chart inside `target`. Drop in beside a chart:
 * `<ChartExport target={ref} name="hf-vs-btc" />` with `ref` on the chart's container.
 */
export function ChartExport({ target, name }: { target: RefObject<HTMLElement | null>; name: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (format: 'png' | 'svg') => {
    const svg = target.current ? findChartSvg(target.current) : null;
    if (!svg) return setProblem('No chart to export yet.');
    try {
      const background = getComputedStyle(document.documentElement).getPropertyValue('--bg-raised').trim() || '#121720';
      const { text, width, height } = serializeSvg(svg, background);
      const file = `${name}-${fileStamp()}.${format}`;
      downloadBlob(file, format === 'svg' ? new Blob([text], { type: 'image/svg+xml' }) : await svgToPng(text, width, height));
      setProblem(null);
    } catch (e) {
      setProblem(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <span className="chart-export">
      <button type="button" className="btn btn--ghost" aria-label={`Download ${name} as PNG`} onClick={() => void run('png')}>
        PNG
      </button>
      <button type="button" className="btn btn--ghost" aria-label={`Download ${name} as SVG`} onClick={() => void run('svg')}>
        SVG
      </button>
      {problem ? <span className="num--neg"> {problem}</span> : null}
    </span>
  );
}
