import { useId, type ReactNode } from 'react';
import { ChartExport } from '../export/ChartExport';

interface FrameProps {
  title: string;
  subtitle: ReactNode;
  testId: string;
  /** the chart's file name part: margin-radar-<exportName>-<time>.png */
  exportName: string;
  /** what the exported file must say that the frame does not (the unit picked above the chart) */
  exportNotes?: string[];
  children: ReactNode;
}

/** A chart with its title, a line that says what it shows and PNG/SVG export; the chart itself only renders. */
export function ChartFrame({ title, subtitle, testId, exportName, exportNotes, children }: FrameProps) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h3 id={`${id}-title`} className="chart__title">
        {title}
      </h3>
      <ChartExport name={exportName} {...(exportNotes ? { notes: exportNotes } : {})} />
      <p className="chart__subtitle">{subtitle}</p>
      <div className="chart__plot">{children}</div>
    </figure>
  );
}

export const AXIS = { stroke: 'var(--line-strong)', tick: { fill: 'var(--text-dim)', fontSize: 11 } } as const;
export const AXIS_LABEL = { fill: 'var(--text-dim)', fontSize: 11 } as const;

/** The x axis of the HF and margin charts: the uniform move of every non-stable underlying, in %. */
export function moveAxisProps(range: { min: number; max: number }) {
  return {
    ...AXIS,
    dataKey: 'move',
    type: 'number' as const,
    domain: [range.min, range.max],
    ticks: [-95, -50, 0, 50, 100, 150, 200, 250, 300],
    tickFormatter: (v: number) => `${v}%`,
    label: { ...AXIS_LABEL, value: 'Uniform move of all non-stable underlyings, %', position: 'insideBottom' as const, offset: -12 },
  };
}
export const TOOLTIP = {
  contentStyle: { background: 'var(--bg-sunken)', border: '1px solid var(--line-strong)', borderRadius: 4, fontSize: 12 },
  labelStyle: { color: 'var(--text)' },
  itemStyle: { color: 'var(--text)' },
} as const;
