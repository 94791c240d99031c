import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS, AXIS_LABEL, ChartFrame, TOOLTIP } from './ChartFrame';
import { percentLabel } from './hfAdapter';
import { LADDER_AXIS_MAX, ladderAxis, type LadderBar } from './ladderAdapter';

function LadderTip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: LadderBar }> }) {
  const bar = active ? payload?.[0]?.payload : undefined;
  if (!bar) return null;
  return (
    <div style={TOOLTIP.contentStyle}>
      <div>{bar.label}</div>
      <div>
        liquidates at {bar.underlying} {percentLabel(bar.move)} from today's mark
      </div>
      <div>
        scenario moves {bar.underlying} {percentLabel(bar.shock)}
        {bar.within ? ': within the shock' : ''}
      </div>
    </div>
  );
}

/** Each position's liquidation price as a move of its underlying from today's mark, nearest first. */
export function LadderChart({ bars, subtitle, allMove }: { bars: LadderBar[]; subtitle: string; allMove: number }) {
  const axis = ladderAxis(bars);
  return (
    <ChartFrame title="Liquidation ladder" testId="chart-ladder" exportName="liquidation-ladder" subtitle={<span data-testid="chart-ladder-subtitle">{subtitle}</span>}>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={bars} margin={{ top: 8, right: 24, bottom: 22, left: 10 }}>
          <CartesianGrid stroke="var(--line)" strokeDasharray="2 4" vertical={false} />
          <XAxis {...AXIS} dataKey="label" tick={false} label={{ ...AXIS_LABEL, value: 'Positions, nearest liquidation first', position: 'insideBottom', offset: -8 }} />
          <YAxis
            {...AXIS}
            domain={[-100, axis.max]}
            ticks={axis.ticks}
            allowDataOverflow
            width={62}
            tickFormatter={(v: number) => (v === LADDER_AXIS_MAX && axis.max === LADDER_AXIS_MAX ? `≥${v}%` : `${v}%`)}
            // 240 px tall: a short label, centred on the axis, fits; the clip is said where it happens (top tick)
            label={{ ...AXIS_LABEL, value: 'Move to liquidation, %', angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }}
          />
          <Tooltip content={<LadderTip />} cursor={{ fill: 'var(--bg-hover)' }} />
          <ReferenceLine y={0} stroke="var(--line-strong)" />
          {allMove !== 0 ? (
            <ReferenceLine y={allMove} stroke="var(--accent)" strokeWidth={2} label={{ value: `scenario: all ${percentLabel(allMove)}`, fill: 'var(--accent)', fontSize: 11, position: 'insideTopRight' }} />
          ) : null}
          <Bar dataKey="shown" isAnimationActive={false} name="Price move to liquidation">
            {bars.map((b, i) => (
              <Cell key={i} fill={b.within ? 'var(--liquidation)' : 'var(--text-faint)'} data-within={b.within ? 'true' : 'false'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
