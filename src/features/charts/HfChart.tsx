import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HfCurve } from '../../engine/curveTypes';
import { formatHealthFactor } from '../../lib/format';
import { unitLabel } from '../../lib/units';
import { AXIS, AXIS_LABEL, ChartFrame, moveAxisProps, TOOLTIP } from './ChartFrame';
import { hfAxisMax, percentLabel, type HfPoint, type LiquidationMarks } from './hfAdapter';

interface Props {
  curve: HfCurve;
  points: HfPoint[];
  marks: LiquidationMarks;
  currentMove: number;
  targetHF: number;
  marginCallHF: number;
  range: { min: number; max: number };
}

const hfText = (v: unknown) => (typeof v === 'number' ? v.toFixed(v >= 100 ? 0 : 3) : '—');

/** HF against a uniform move of every non-stable underlying, with the levels and the scenario marked. */
export function HfChart({ curve, points, marks, currentMove, targetHF, marginCallHF, range }: Props) {
  const top = hfAxisMax(targetHF);
  const liq = marks.inside.length > 0 ? `HF 1 at ${marks.inside.map(percentLabel).join(', ')}` : 'no HF 1 inside −95%…+300%';
  const beyond = marks.outside.length > 0 ? ` (and at ${marks.outside.join(', ')}, off the chart)` : '';
  return (
    <ChartFrame
      title="Health factor vs uniform move of all non-stable assets"
      testId="chart-hf"
      exportName="hf-curve"
      exportNotes={[`Margin unit: ${curve.account} · ${unitLabel(curve.unit)}`]}
      subtitle={
        <>
          Scenario (blue): move {percentLabel(currentMove)}, HF <strong data-testid="chart-hf-current">{formatHealthFactor(curve.currentHF)}</strong> · {liq}
          {beyond} · named shocks, depegs and collateral of the scenario stay applied
        </>
      }
    >
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={points} margin={{ top: 20, right: 24, bottom: 22, left: 10 }}>
          <CartesianGrid stroke="var(--line)" strokeDasharray="2 4" />
          <XAxis {...moveAxisProps(range)} />
          <YAxis
            {...AXIS}
            domain={[0, top]}
            allowDataOverflow
            width={62}
            label={{ ...AXIS_LABEL, value: `Health factor (clipped at ${top})`, angle: -90, position: 'insideLeft', offset: 4, dy: 70 }}
          />
          <Tooltip {...TOOLTIP} labelFormatter={(v) => `move ${percentLabel(Number(v))}`} formatter={(v) => [hfText(v), 'Health factor']} />
          <ReferenceLine y={targetHF} stroke="var(--warning)" strokeDasharray="4 3" label={{ value: `target ${targetHF}`, fill: 'var(--warning)', fontSize: 11, position: 'insideBottomRight' }} />
          <ReferenceLine y={marginCallHF} stroke="var(--margin-call)" strokeDasharray="4 3" label={{ value: `margin call ${marginCallHF}`, fill: 'var(--margin-call)', fontSize: 11, position: 'insideTopRight' }} />
          <ReferenceLine y={1} stroke="var(--liquidation)" label={{ value: 'liquidation 1', fill: 'var(--liquidation)', fontSize: 11, position: 'insideBottomLeft' }} />
          {marks.inside.map((m) => (
            <ReferenceLine key={m} x={m} stroke="var(--liquidation)" strokeDasharray="3 3" label={{ value: percentLabel(m), fill: 'var(--liquidation)', fontSize: 11, position: 'top' }} />
          ))}
          <ReferenceLine x={currentMove} stroke="var(--accent)" strokeWidth={2} label={{ value: 'scenario', fill: 'var(--accent)', fontSize: 11, position: 'insideTopLeft' }} />
          <Line type="linear" dataKey="hf" stroke="var(--text)" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} name="Health factor" />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
