import { useState } from 'react';
import { positionsCsv, reportJson, unitsCsv } from '../../export/reportFiles';
import { downloadText, fileStamp } from '../../lib/download';
import { useAppStore } from '../../store';
import { evaluateOnce } from '../../store/engineSync';

type Format = 'positions-csv' | 'units-csv' | 'json';

/** The report on screen (current scenario and thresholds) as files, and a printable one-page report. */
export function ExportPanel() {
  const ready = useAppStore((s) => s.fast !== null);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async (format: Format) => {
    const state = useAppStore.getState();
    // a fresh, full report from the engine: every figure of every position, whatever the page keeps
    const report = await evaluateOnce(state.scenario).catch(() => null);
    if (!report) return setProblem('Nothing to export: load a portfolio and check the thresholds.');
    setProblem(null);
    const base = `margin-radar-${(state.summary?.source ?? 'report').replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_')}-${fileStamp()}`;
    if (format === 'json') downloadText(`${base}.json`, reportJson(report, state.warnings), 'application/json');
    else if (format === 'units-csv') downloadText(`${base}-units.csv`, unitsCsv(report), 'text/csv;charset=utf-8');
    else downloadText(`${base}-positions.csv`, positionsCsv(report), 'text/csv;charset=utf-8');
  };
  return (
    <section className="panel export-panel" aria-labelledby="export-heading">
      <h2 id="export-heading" className="panel__title">
        Export
      </h2>
      <div className="workspace-panel__row">
        <button type="button" className="btn" disabled={!ready} onClick={() => void save('positions-csv')}>
          Positions CSV
        </button>
        <button type="button" className="btn" disabled={!ready} onClick={() => void save('units-csv')}>
          Units CSV
        </button>
        <button type="button" className="btn" disabled={!ready} onClick={() => void save('json')}>
          Report JSON
        </button>
        <button type="button" className="btn" disabled={!ready} onClick={() => window.print()}>
          Print risk report
        </button>
      </div>
      {problem ? (
        <p className="problems problems--inline" role="alert">
          {problem}
        </p>
      ) : null}
      <p className="hint">Figures under the scenario and thresholds on screen. CSV opens in any spreadsheet (UTF-8).</p>
    </section>
  );
}
