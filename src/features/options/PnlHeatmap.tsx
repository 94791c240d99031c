import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, usePlotArea } from 'recharts';
import { formatMoney } from '../../lib/format';
import { ChartExport } from '../export/ChartExport';
import { cellStyle, heatmapCells, type HeatCell } from './heatmapData';

interface Props {
  prices: number[];
  vols: number[];
  pnl: Float64Array;
}

const pct = (n: number) => `${n > 0 ? '+' : ''}${n}%`;
const money = (n: number) => formatMoney(n.toFixed(2), { signed: true });

/** One cell, sized from the plot area: the grid is evenly spaced. */
function Cell(props: { cx?: number; cy?: number; payload?: HeatCell; bound: number; columns: number; rows: number }) {
  const plot = usePlotArea();
  const { cx, cy, payload, bound, columns, rows } = props;
  if (cx === undefined || cy === undefined || !payload || !plot) return null;
  const w = plot.width / columns;
  const h = plot.height / rows;
  const style = cellStyle(payload.pnl, bound);
  return (
    <g>
      <rect x={cx - w / 2} y={cy - h / 2} width={w} height={h} style={{ ...style, stroke: 'var(--bg)', strokeWidth: 1 }} />
      {payload.worst ? <rect x={cx - w / 2 + 1.5} y={cy - h / 2 + 1.5} width={w - 3} height={h - 3} style={{ fill: 'none', stroke: 'var(--focus)', strokeWidth: 2 }} data-testid="worst-cell" /> : null}
      {payload.current ? <circle cx={cx} cy={cy} r={Math.min(w, h) / 4} style={{ fill: 'none', stroke: 'var(--text)', strokeWidth: 1.5 }} data-testid="current-cell" /> : null}
    </g>
  );
}

function CellTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: HeatCell }> }) {
  const cell = payload?.[0]?.payload;
  if (!active || !cell) return null;
  return (
    <div className="heatmap__tooltip" role="status">
      <div>
        price {pct(cell.x)}, vol {pct(cell.y)}
        {cell.current ? ' (the what-if)' : ''}
      </div>
      <strong className={cell.pnl < 0 ? 'num--neg' : 'num--pos'}>{money(cell.pnl)} USD</strong>
    </div>
  );
}

/**
 * Portfolio PnL over price × vol moves on top of the what-if (its centre, ringed, is the what-if
 * itself): every non-stable underlying moves by the column's fraction, every option's vol by the
 * row's relative move. The worst cell is outlined.
 */
export function PnlHeatmap({ prices, vols, pnl }: Props) {
  const map = heatmapCells(prices, vols, pnl);
  const half = (axis: number[]) => (axis.length > 1 ? ((axis[1]! - axis[0]!) * 100) / 2 : 5);
  const xDomain = [prices[0]! * 100 - half(prices), prices[prices.length - 1]! * 100 + half(prices)];
  const yDomain = [vols[0]! * 100 - half(vols), vols[vols.length - 1]! * 100 + half(vols)];
  return (
    <figure className="heatmap" aria-labelledby="heatmap-title">
      <figcaption id="heatmap-title" className="panel__title">
        Portfolio PnL vs the what-if, USD: price move × volatility move
      </figcaption>
      <ChartExport name="options-pnl-heatmap" />
      <p className="heatmap__worst" data-testid="heatmap-worst">
        Worst cell:{' '}
        {map.worst ? (
          <>
            <strong className="num num--neg">{money(map.worst.pnl)} USD</strong> at price {pct(map.worst.x)}, vol {pct(map.worst.y)}
          </>
        ) : (
          'no loss on this grid'
        )}
      </p>
      <div className="heatmap__chart" data-testid="pnl-heatmap">
        <ResponsiveContainer width="100%" height={340}>
          <ScatterChart margin={{ top: 8, right: 16, bottom: 28, left: 24 }}>
            <CartesianGrid stroke="var(--line)" strokeDasharray="2 4" />
            <XAxis type="number" dataKey="x" domain={xDomain} ticks={[-50, -40, -30, -20, -10, 0, 10, 20, 30, 40, 50]} tickFormatter={pct} stroke="var(--text-dim)"
              label={{ value: 'Price move of every non-stable underlying, %', position: 'insideBottom', offset: -18, fill: 'var(--text-dim)' }} />
            <YAxis type="number" dataKey="y" domain={yDomain} ticks={[-50, -40, -30, -20, -10, 0, 10, 20, 30, 40, 50]} tickFormatter={pct} stroke="var(--text-dim)" width={56}
              label={{ value: 'Vol move (relative), %', angle: -90, position: 'insideLeft', offset: -14, fill: 'var(--text-dim)' }} />
            <Tooltip content={<CellTooltip />} cursor={false} isAnimationActive={false} />
            <Scatter data={map.cells} isAnimationActive={false} shape={<Cell bound={map.bound} columns={map.columns} rows={map.rows} />} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <div className="heatmap__legend" aria-label="Colour scale, USD">
        <span className="num num--neg">{money(-map.bound)}</span>
        <span className="heatmap__scale" aria-hidden="true" />
        <span className="num num--pos">{money(map.bound)}</span>
        <span className="hint">USD · ring: the what-if · outline: worst cell</span>
      </div>
    </figure>
  );
}
