import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CascadeResult } from '../../engine/cascade';
import { ChartExport } from '../export/ChartExport';
import { histogramSeries } from './chartData';

const AXIS = { stroke: 'var(--text-faint)', fontSize: 11 };

/** How many units sit in each HF band at the shock (before) and after the cascade. */
export function HfHistogram({ result }: { result: CascadeResult }) {
  const data = histogramSeries(result);
  const { noneBefore, noneAfter } = result.histogram;
  return (
    <figure className="cascade__chart">
      <figcaption className="panel__title">Health factor of units: at the shock vs after the cascade</figcaption>
      <ChartExport name="cascade-hf-histogram" />
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={data} margin={{ top: 8, right: 12, bottom: 8, left: 4 }}>
          <CartesianGrid stroke="var(--line)" />
          <XAxis dataKey="bin" {...AXIS} label={{ value: 'HF', position: 'insideBottomRight', offset: -2, fill: 'var(--text-faint)', fontSize: 11 }} />
          <YAxis {...AXIS} allowDecimals={false} label={{ value: 'units', angle: -90, position: 'insideLeft', fill: 'var(--text-faint)', fontSize: 11 }} />
          <Tooltip
            contentStyle={{ background: 'var(--bg-raised)', border: '1px solid var(--line-strong)', fontSize: 12 }}
            labelFormatter={(bin) => `HF ${String(bin)}`}
            formatter={(v, name) => [`${String(v)} units`, String(name)]}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <ReferenceLine x="0.9–1" stroke="var(--liquidation)" strokeDasharray="3 3" label={{ value: 'HF 1', fill: 'var(--liquidation)', fontSize: 10, position: 'insideTopRight' }} />
          <Bar dataKey="before" name="at the shock (before)" fill="var(--accent)" isAnimationActive={false} />
          <Bar dataKey="after" name="after the cascade" fill="var(--margin-call)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <p className="hint">
        Without maintenance margin (no HF): {noneBefore.toLocaleString('en-US')} before, {noneAfter.toLocaleString('en-US')} after — fully liquidated units land here.
      </p>
    </figure>
  );
}
