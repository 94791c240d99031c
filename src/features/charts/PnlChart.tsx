import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS, AXIS_LABEL, ChartFrame, TOOLTIP } from './ChartFrame';
import type { PnlBar } from './pnlAdapter';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2, signDisplay: 'exceptZero' });

/** PnL per underlying under the scenario, and what the scenario's move alone changes. */
export function PnlChart({ bars, scenario }: { bars: PnlBar[]; scenario: string }) {
  return (
    <ChartFrame title="PnL by underlying" testId="chart-pnl" exportName="pnl-by-underlying" subtitle={`Under the scenario: ${scenario}`}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={bars} margin={{ top: 8, right: 24, bottom: 22, left: 10 }}>
          <CartesianGrid stroke="var(--line)" strokeDasharray="2 4" vertical={false} />
          <XAxis {...AXIS} dataKey="underlying" label={{ ...AXIS_LABEL, value: 'Underlying', position: 'insideBottom', offset: -12 }} />
          <YAxis {...AXIS} width={62} tickFormatter={(v: number) => compact.format(v)} label={{ ...AXIS_LABEL, value: 'USD', angle: -90, position: 'insideLeft', offset: 4 }} />
          <Tooltip {...TOOLTIP} cursor={{ fill: 'var(--bg-hover)' }} formatter={(v, name) => [`${typeof v === 'number' ? money.format(v) : '—'} USD`, name]} />
          <Legend verticalAlign="top" height={22} wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine y={0} stroke="var(--line-strong)" />
          <Bar dataKey="pnl" name="Unrealised PnL (perps, futures, options)" fill="var(--accent)" isAnimationActive={false} />
          <Bar dataKey="change" name="Change from today (the scenario's move, all holdings)" fill="var(--warning)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
