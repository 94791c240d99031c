import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TailFigures } from '../../engine/risk/types';
import { groupThousands } from '../../lib/format';
import { ChartExport } from '../export/ChartExport';
import { histogram } from './histogram';

const money = (v: number) => groupThousands(v.toFixed(0));

/** The distribution of the book's PnL over the horizon, VaR and ES marked (as PnL: −VaR, −ES). */
export function PnlHistogram({ pnl, tail, horizonDays }: { pnl: Float64Array; tail: TailFigures; horizonDays: number }) {
  const bins = histogram(pnl);
  const pct = `${Number(tail.confidence) * 100}%`;
  return (
    <figure className="risk__chart" aria-label="PnL distribution with VaR and ES">
      <figcaption className="risk__chart-title">
        Book PnL over {horizonDays} day(s), {pnl.length.toLocaleString('en-US')} paths; dashed = −VaR {pct}, dotted = −ES {pct}
      </figcaption>
      <ChartExport name="var-pnl-histogram" />
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={bins} margin={{ top: 16, right: 16, bottom: 18, left: 16 }} barCategoryGap={0}>
          <CartesianGrid stroke="var(--line)" strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey="mid" type="number" domain={['dataMin', 'dataMax']} tickFormatter={money} stroke="var(--text-dim)" tick={{ fontSize: 11 }} label={{ value: 'PnL (quote currency, USD-equivalent)', position: 'insideBottom', offset: -10, fill: 'var(--text-dim)', fontSize: 11 }} />
          <YAxis stroke="var(--text-dim)" tick={{ fontSize: 11 }} label={{ value: 'paths', angle: -90, position: 'insideLeft', fill: 'var(--text-dim)', fontSize: 11 }} />
          <Tooltip
            formatter={(v) => [String(v), 'paths']}
            labelFormatter={(_, items) => {
              const b = items[0]?.payload as { from: number; to: number } | undefined;
              return b ? `PnL ${money(b.from)} to ${money(b.to)}` : '';
            }}
            contentStyle={{ background: 'var(--bg-raised)', border: '1px solid var(--line-strong)' }}
          />
          <Bar dataKey="count" fill="var(--accent)" isAnimationActive={false} />
          {/* ES lies left of VaR (a larger loss): each label sits on its outer side, so they never overlap */}
          <ReferenceLine x={-Number(tail.var)} stroke="var(--margin-call)" strokeDasharray="6 3" label={{ value: `VaR ${pct}`, position: 'insideTopLeft', fill: 'var(--margin-call)', fontSize: 11 }} />
          <ReferenceLine x={-Number(tail.es)} stroke="var(--liquidation)" strokeDasharray="2 2" label={{ value: `ES ${pct}`, position: 'insideTopRight', fill: 'var(--liquidation)', fontSize: 11 }} />
          <ReferenceLine x={0} stroke="var(--text-faint)" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
