import { useId, type ReactNode } from 'react';

/** A chart with its title and a line that says what it shows; the chart itself only renders. */
export function ChartFrame({ title, subtitle, testId, children }: { title: string; subtitle: ReactNode; testId: string; children: ReactNode }) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h3 id={`${id}-title`} className="chart__title">
        {title}
      </h3>
      <p className="chart__subtitle">{subtitle}</p>
      <div className="chart__plot">{children}</div>
    </figure>
  );
}

export const AXIS = { stroke: 'var(--line-strong)', tick: { fill: 'var(--text-dim)', fontSize: 11 } } as const;
export const AXIS_LABEL = { fill: 'var(--text-dim)', fontSize: 11 } as const;
export const TOOLTIP = {
  contentStyle: { background: 'var(--bg-sunken)', border: '1px solid var(--line-strong)', borderRadius: 4, fontSize: 12 },
  labelStyle: { color: 'var(--text)' },
  itemStyle: { color: 'var(--text)' },
} as const;
