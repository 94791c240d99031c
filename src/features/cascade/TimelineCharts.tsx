import { Bar, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CascadeResult } from '../../engine/cascade';
import { ChartExport } from '../export/ChartExport';
import { compactMoney, movedUnderlyings, priceSeries, referencePrice, roundSeries } from './chartData';

const COLORS = ['var(--accent)', 'var(--warning)', 'var(--pos)', 'var(--margin-call)', '#b48cff', '#6fd3e0'];
const AXIS = { stroke: 'var(--text-faint)', fontSize: 11 };
const TOOLTIP = { contentStyle: { background: 'var(--bg-raised)', border: '1px solid var(--line-strong)', fontSize: 12 }, labelStyle: { color: 'var(--text)' } };
const roundLabel = (r: unknown) => (r === 0 ? 'Round 0 (the what-if shock)' : `Round ${String(r)}`);

function Chart({ title, exportName, children }: { title: string; exportName: string; children: React.ReactElement }) {
  return (
    <figure className="cascade__chart">
      <figcaption className="panel__title">{title}</figcaption>
      <ChartExport name={exportName} />
      <ResponsiveContainer width="100%" height={200}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

/** Price per underlying, what was liquidated, and the fund and ADL, by round. Round 0 (the shock) is marked. */
export function TimelineCharts({ result }: { result: CascadeResult }) {
  const underlyings = movedUnderlyings(result);
  const prices = priceSeries(result, underlyings);
  const rounds = roundSeries(result);
  const xAxis = <XAxis dataKey="round" {...AXIS} label={{ value: 'round', position: 'insideBottomRight', offset: -2, fill: 'var(--text-faint)', fontSize: 11 }} />;
  const scenarioMark = <ReferenceLine x={0} stroke="var(--focus)" strokeDasharray="3 3" label={{ value: 'shock', fill: 'var(--focus)', fontSize: 10, position: 'insideTopLeft' }} />;
  return (
    <div className="cascade__charts">
      <Chart title="Price by round, % from today's mark" exportName="cascade-price-by-round">
        <LineChart data={prices} margin={{ top: 8, right: 12, bottom: 8, left: 4 }}>
          <CartesianGrid stroke="var(--line)" />
          {xAxis}
          <YAxis {...AXIS} unit="%" label={{ value: '% move', angle: -90, position: 'insideLeft', fill: 'var(--text-faint)', fontSize: 11 }} />
          <Tooltip
            {...TOOLTIP}
            labelFormatter={roundLabel}
            formatter={(v, name) => {
              const pct = Number(v);
              const price = referencePrice(result, String(name)) * (1 + pct / 100);
              return [`${pct.toFixed(2)}% (${price.toLocaleString('en-US', { maximumFractionDigits: 2 })} USD)`, String(name)];
            }}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {scenarioMark}
          {underlyings.map((u, i) => (
            <Line key={u} type="stepAfter" dataKey={u} stroke={COLORS[i % COLORS.length]} dot={{ r: 2 }} isAnimationActive={false} />
          ))}
        </LineChart>
      </Chart>
      <Chart title="Liquidated per round: notional (USD) and units" exportName="cascade-liquidated-per-round">
        <ComposedChart data={rounds} margin={{ top: 8, right: 12, bottom: 8, left: 4 }}>
          <CartesianGrid stroke="var(--line)" />
          {xAxis}
          <YAxis yAxisId="usd" {...AXIS} tickFormatter={compactMoney} label={{ value: 'USD', angle: -90, position: 'insideLeft', fill: 'var(--text-faint)', fontSize: 11 }} />
          <YAxis yAxisId="units" orientation="right" {...AXIS} allowDecimals={false} label={{ value: 'units', angle: 90, position: 'insideRight', fill: 'var(--text-faint)', fontSize: 11 }} />
          <Tooltip {...TOOLTIP} labelFormatter={roundLabel} formatter={(v, name) => [name === 'units liquidated' ? String(v) : `${compactMoney(Number(v))} USD`, String(name)]} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {scenarioMark}
          <Bar yAxisId="usd" dataKey="notional" name="notional liquidated" fill="var(--liquidation)" isAnimationActive={false} />
          <Line yAxisId="units" dataKey="units" name="units liquidated" stroke="var(--warning)" isAnimationActive={false} />
        </ComposedChart>
      </Chart>
      <Chart title="Insurance fund (USD) and auto-deleveraging by round" exportName="cascade-insurance-fund-adl">
        <ComposedChart data={rounds} margin={{ top: 8, right: 12, bottom: 8, left: 4 }}>
          <CartesianGrid stroke="var(--line)" />
          {xAxis}
          <YAxis yAxisId="usd" {...AXIS} tickFormatter={compactMoney} label={{ value: 'USD', angle: -90, position: 'insideLeft', fill: 'var(--text-faint)', fontSize: 11 }} />
          <YAxis yAxisId="events" orientation="right" {...AXIS} allowDecimals={false} label={{ value: 'ADL events', angle: 90, position: 'insideRight', fill: 'var(--text-faint)', fontSize: 11 }} />
          <Tooltip {...TOOLTIP} labelFormatter={roundLabel} formatter={(v, name) => [name === 'ADL events' ? String(v) : `${compactMoney(Number(v))} USD`, String(name)]} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {scenarioMark}
          <Bar yAxisId="events" dataKey="adlEvents" name="ADL events" fill="var(--margin-call)" isAnimationActive={false} />
          <Line yAxisId="usd" type="stepAfter" dataKey="fund" name="fund balance" stroke="var(--ok)" isAnimationActive={false} />
          <Line yAxisId="usd" dataKey="adlAmount" name="taken by ADL" stroke="var(--neg)" strokeDasharray="4 2" isAnimationActive={false} />
        </ComposedChart>
      </Chart>
    </div>
  );
}
