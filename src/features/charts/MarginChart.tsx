import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HfCurve } from '../../engine/curveTypes';
import { formatMoney } from '../../lib/format';
import { unitLabel } from '../../lib/units';
import { AXIS, AXIS_LABEL, ChartFrame, moveAxisProps, TOOLTIP } from './ChartFrame';
import { percentLabel, type HfPoint, type LiquidationMarks } from './hfAdapter';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** Margin balance and maintenance margin on the same move axis: liquidation where they meet. */
export function MarginChart({ curve, points, marks, currentMove, range }: { curve: HfCurve; points: HfPoint[]; marks: LiquidationMarks; currentMove: number; range: { min: number; max: number } }) {
  return (
    <ChartFrame
      title="Margin balance vs maintenance margin"
      testId="chart-margin"
      exportName="margin-vs-maintenance"
      exportNotes={[`Margin unit: ${curve.account} · ${unitLabel(curve.unit)}`]}
      subtitle={
        <>
          At the scenario: margin balance {formatMoney(curve.currentMarginBalance)} USD, maintenance margin {formatMoney(curve.currentMaintenance)} USD ·
          liquidation where the lines meet
        </>
      }
    >
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={points} margin={{ top: 8, right: 24, bottom: 22, left: 10 }}>
          <CartesianGrid stroke="var(--line)" strokeDasharray="2 4" />
          <XAxis {...moveAxisProps(range)} />
          <YAxis {...AXIS} width={62} tickFormatter={(v: number) => compact.format(v)} label={{ ...AXIS_LABEL, value: 'USD', angle: -90, position: 'insideLeft', offset: 4 }} />
          <Tooltip {...TOOLTIP} labelFormatter={(v) => `move ${percentLabel(Number(v))}`} formatter={(v, name) => [`${typeof v === 'number' ? money.format(v) : '—'} USD`, name]} />
          <Legend verticalAlign="top" height={22} wrapperStyle={{ fontSize: 12, color: 'var(--text-dim)' }} />
          <ReferenceLine y={0} stroke="var(--line-strong)" />
          {marks.inside.map((m) => (
            <ReferenceLine key={m} x={m} stroke="var(--liquidation)" strokeDasharray="3 3" />
          ))}
          <ReferenceLine x={currentMove} stroke="var(--accent)" strokeWidth={2} />
          <Line type="linear" dataKey="marginBalance" name="Margin balance" stroke="var(--ok)" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="linear" dataKey="maintenance" name="Maintenance margin" stroke="var(--liquidation)" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
