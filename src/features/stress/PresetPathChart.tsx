import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StressResult } from '../../engine/risk/stress';
import { ChartExport } from '../export/ChartExport';

const COLORS = ['#4ea1ff', '#b48cff', '#3ddc84', '#f5c542', '#ff8c42', '#5fd3e6', '#e67fb9'];
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** The preset's price path per underlying, with a vertical mark where each unit is liquidated. */
export function PresetPathChart({ result }: { result: StressResult }) {
  const moving = result.paths.filter((p) => p.moves.some((m) => m !== 0)).slice(0, COLORS.length);
  const data = result.hours.map((h, s) => Object.fromEntries([['hour', h], ...moving.map((p) => [p.underlying, p.moves[s]!])]));
  // one mark per hour, naming the units liquidated then
  const byHour = new Map<number, string[]>();
  for (const u of result.units) if (u.liquidatedAtHour !== null) byHour.set(u.liquidatedAtHour, [...(byHour.get(u.liquidatedAtHour) ?? []), u.label]);
  return (
    <figure className="risk__chart" aria-label={`Price path of ${result.name} with liquidation moments`}>
      <figcaption className="risk__chart-title">{result.name}: price move from the start (%) by hour; red lines = a unit is liquidated</figcaption>
      <ChartExport name="stress-path" />
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 18, left: 16 }}>
          <CartesianGrid stroke="var(--line)" strokeDasharray="2 4" />
          <XAxis dataKey="hour" type="number" domain={[0, 'dataMax']} stroke="var(--text-dim)" tick={{ fontSize: 11 }} label={{ value: 'hours from start', position: 'insideBottom', offset: -10, fill: 'var(--text-dim)', fontSize: 11 }} />
          <YAxis tickFormatter={pct} stroke="var(--text-dim)" tick={{ fontSize: 11 }} label={{ value: 'price move (%)', angle: -90, position: 'insideLeft', fill: 'var(--text-dim)', fontSize: 11 }} />
          <Tooltip formatter={(v) => pct(Number(v))} labelFormatter={(h) => `hour ${h}`} contentStyle={{ background: 'var(--bg-raised)', border: '1px solid var(--line-strong)' }} />
          <Legend verticalAlign="top" height={22} wrapperStyle={{ fontSize: 11 }} />
          <ReferenceLine y={0} stroke="var(--line-strong)" />
          {[...byHour].map(([h, labels]) => (
            <ReferenceLine key={h} x={h} stroke="var(--liquidation)" strokeDasharray="4 3" label={{ value: `✕ ${labels.length === 1 ? labels[0] : `${labels.length} units`} liquidated`, position: 'insideBottomRight', fill: 'var(--liquidation)', fontSize: 10 }} />
          ))}
          {moving.map((p, i) => (
            <Line key={p.underlying} dataKey={p.underlying} name={p.underlying} stroke={COLORS[i]} dot={false} strokeWidth={2} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
