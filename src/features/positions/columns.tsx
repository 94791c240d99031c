import './tableMeta';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { StatusBadge } from '../../components/StatusBadge';
import { formatMoney, formatPercent, formatPrice, formatQty, formatTier, signOf } from '../../lib/format';
import { decimalSort, statusSort, type PositionRow } from './rows';

const col = createColumnHelper<PositionRow>();
const orUndef = (s: string | null) => s ?? undefined;

function num(id: string, header: string, get: (r: PositionRow) => string | null, fmt: (s: string | null) => string, size: number, toned = false) {
  return col.accessor((r) => orUndef(get(r)), {
    id,
    header,
    size,
    sortingFn: decimalSort,
    sortUndefined: 'last',
    meta: { numeric: true },
    cell: (c) => {
      const value = get(c.row.original);
      const sign = toned ? signOf(value) : 0;
      return <span className={sign > 0 ? 'num--pos' : sign < 0 ? 'num--neg' : undefined}>{fmt(value)}</span>;
    },
  });
}

/** Spot balances read as held or borrowed; derivatives as long or short. */
function Side({ r }: { r: PositionRow }) {
  const { side, type } = r.p;
  const text = type === 'spot' ? (side === 'long' ? 'held' : 'borrowed') : side;
  return <span className={`side side--${side}`}>{text}</span>;
}

/** Tier figures (spot rows: their collateral haircut); a row's note (e.g. an expired option) shows as a badge with the note as its title. */
function Tier({ r }: { r: PositionRow }) {
  const { bracket, mmr, maintenanceAmount, note, type, haircut } = r.p;
  const tier =
    mmr !== null ? formatTier(bracket, mmr, maintenanceAmount) : haircut !== null && signOf(haircut) !== 0 ? `haircut ${formatPercent(haircut)}` : null;
  return (
    <>
      {tier ?? (note ? null : '—')}
      {note ? (
        <span className="badge" title={note}>
          {tier ? 'ⓘ' : type === 'option' ? 'expired' : 'note'}
        </span>
      ) : null}
    </>
  );
}

const money = (s: string | null) => formatMoney(s);

export const columns: ColumnDef<PositionRow, string | undefined>[] = [
  col.accessor((r): string | undefined => r.account, { id: 'account', header: 'Account', size: 70, sortingFn: 'alphanumeric' }),
  col.accessor((r): string | undefined => r.unitLabel, { id: 'unit', header: 'Unit', size: 76, sortingFn: 'alphanumeric' }),
  col.accessor((r): string | undefined => r.p.symbol, { id: 'symbol', header: 'Symbol', size: 156, sortingFn: 'alphanumeric' }),
  col.accessor((r): string | undefined => r.p.type, { id: 'type', header: 'Type', size: 54 }),
  col.accessor((r): string | undefined => r.p.side, { id: 'side', header: 'Side', size: 60, cell: (c) => <Side r={c.row.original} /> }),
  num('qty', 'Size', (r) => r.p.qty, formatQty, 68),
  num('entry', 'Entry', (r) => r.p.entryPrice, formatPrice, 80),
  num('mark', 'Mark', (r) => r.p.markPrice, formatPrice, 80),
  num('liq', 'Liq. price', (r) => r.p.liquidationPrice, (s) => (s === null ? 'none' : formatPrice(s)), 88),
  num('dist', 'Liq. dist.', (r) => r.p.distanceToLiquidation, (s) => formatPercent(s), 92),
  num('notional', 'Notional', (r) => r.p.notional, money, 94),
  num('pnl', 'PnL', (r) => r.p.unrealizedPnl, (s) => formatMoney(s, { signed: true }), 88, true),
  num('im', 'IM', (r) => r.p.initialMargin, money, 80),
  num('mm', 'MM', (r) => r.p.maintenanceMargin, money, 78),
  col.accessor((r) => orUndef(r.p.mmr), {
    id: 'tier',
    header: 'Tier · MMR − amt',
    size: 140,
    sortingFn: decimalSort,
    sortUndefined: 'last',
    meta: { numeric: true },
    cell: (c) => <Tier r={c.row.original} />,
  }),
  col.accessor((r): string | undefined => r.status, { id: 'status', header: 'Status', size: 96, sortingFn: statusSort, cell: (c) => <StatusBadge status={c.row.original.status} /> }),
];
