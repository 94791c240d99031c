import { useState } from 'react';
import { readCaption } from '../../export/chartCaption';
import { chartFileName, findChartSvg, serializeSvg, svgToPng } from '../../export/chartImage';
import { downloadBlob } from '../../lib/download';

/**
 * PNG and SVG buttons for the chart of the <figure> they sit in: place as a direct child of the
 * figure, right after its title (the layout in styles.css puts them at the title's right). The
 * file carries the figure's title, subtitle, notes and legend; `notes` adds what the page says
 * elsewhere about the chart (the unit picked above it).
 */
export function ChartExport({ name, notes }: { name: string; notes?: string[] }) {
  const [problem, setProblem] = useState<string | null>(null);
  const what = name.replace(/-/g, ' ');
  const run = async (format: 'png' | 'svg', button: HTMLElement) => {
    const figure = button.closest('figure');
    const svg = figure ? findChartSvg(figure) : null;
    if (!figure || !svg) return setProblem('No chart to export yet.');
    try {
      const caption = readCaption(figure, svg, notes);
      const { text, width, height } = serializeSvg(svg, caption.colors.background, caption);
      const blob = format === 'svg' ? new Blob([text], { type: 'image/svg+xml' }) : await svgToPng(text, width, height);
      downloadBlob(chartFileName(name, format), blob);
      setProblem(null);
    } catch (e) {
      setProblem(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <span className="chart-export">
      <button type="button" className="btn btn--ghost" title="Download this chart as a PNG image" aria-label={`Download ${what} chart as PNG`} onClick={(e) => void run('png', e.currentTarget)}>
        PNG
      </button>
      <button type="button" className="btn btn--ghost" title="Download this chart as an SVG (vector) file" aria-label={`Download ${what} chart as SVG`} onClick={(e) => void run('svg', e.currentTarget)}>
        SVG
      </button>
      {problem ? <span className="num--neg" role="alert">{problem}</span> : null}
    </span>
  );
}
