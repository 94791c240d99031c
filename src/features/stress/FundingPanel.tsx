import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatHealthFactor, formatMoney } from '../../lib/format';
import type { Scenario } from '../../engine/types';
import { ChartExport } from '../export/ChartExport';
import { fetchFunding, marginCallLevel } from '../../store/riskSync';
import { useWhatIfRun } from './useWhatIfRun';
import { WhatIfToggle } from './WhatIfToggle';

const COLORS = ['#4ea1ff', '#b48cff', '#3ddc84', '#f5c542', '#ff8c42', '#5fd3e6'];

/** Funding drift at constant prices (today's or the what-if's): balance and HF day by day, days to the margin-call level. */
export function FundingPanel({ fees }: { fees: Array<{ venue: string; rate: string; source: string }> }) {
  const [horizon, setHorizon] = useState('30');
  const [follow, setFollow] = useState(true);
  const { outcome, error, from } = useWhatIfRun((whatIf?: Scenario) => fetchFunding(horizon, whatIf), horizon, follow);
  const prices = from ? "the what-if's prices" : "today's prices";
  const units = outcome?.ok ? outcome.units.filter((u) => u.fundingPer8h !== '0') : [];
  const charted = units.filter((u) => u.projection[0]?.healthFactor !== null).slice(0, COLORS.length);
  const data = charted[0]?.projection.map((p, d) => Object.fromEntries([['day', p.day], ...charted.map((u) => [u.label, Number(u.projection[d]!.healthFactor)])])) ?? [];
  return (
    <section className="panel risk__section" aria-labelledby="funding-title">
      <div className="risk__head">
        <h3 id="funding-title" className="panel__title">Funding drift at constant prices</h3>
        <div className="field field--number">
          <label htmlFor="funding-horizon">Horizon (days)</label>
          <input id="funding-horizon" value={horizon} onChange={(e) => setHorizon(e.target.value)} style={{ width: 70 }} />
        </div>
      </div>
      <WhatIfToggle follow={follow} onFollow={setFollow} what="the drift at the scenario bar's prices, with its collateral and cuts" from={from} testId="funding-basis" />
      {error && <p className="field-error" role="alert">{error}</p>}
      {outcome && !outcome.ok && <p className="field-error" role="alert">{outcome.error}</p>}
      {outcome?.ok && units.length === 0 && <p className="hint">No perp has a funding_rate: add the column (per 8 hours, longs pay when positive) to see the drift.</p>}
      {units.length > 0 && (
        <table className="risk__table" aria-label="Funding projection">
          <thead>
            <tr>
              <th scope="col">Unit</th>
              <th scope="col" className="num">Funding / day</th>
              <th scope="col" className="num">Closing fee (taker)</th>
              <th scope="col" className="num">HF now → in {horizon} d</th>
              <th scope="col" className="num">Days to margin call</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={`${u.account}:${u.unit}`}>
                <th scope="row">{u.label}</th>
                <td className={`num ${Number(u.fundingPerDay) < 0 ? 'num--neg' : 'num--pos'}`}>{formatMoney(u.fundingPerDay, { signed: true })}</td>
                <td className="num">{formatMoney(u.closingFee)}</td>
                <td className="num">{formatHealthFactor(u.projection[0]?.healthFactor)} → {formatHealthFactor(u.projection.at(-1)?.healthFactor)}</td>
                <td className="num">{u.daysToMarginCall === null ? 'never (funding alone)' : Number(u.daysToMarginCall).toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {charted.length > 0 && (
        <figure className="risk__chart" aria-label="Projected health factor">
          <figcaption className="risk__chart-title">Projected HF by day at {prices}; dashed = margin-call level {marginCallLevel()}</figcaption>
          <ChartExport name="funding-hf-projection" />
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 18, left: 8 }}>
              <CartesianGrid stroke="var(--line)" strokeDasharray="2 4" />
              <XAxis dataKey="day" type="number" domain={[0, 'dataMax']} stroke="var(--text-dim)" tick={{ fontSize: 11 }} label={{ value: 'days from today', position: 'insideBottom', offset: -10, fill: 'var(--text-dim)', fontSize: 11 }} />
              <YAxis stroke="var(--text-dim)" tick={{ fontSize: 11 }} label={{ value: 'health factor', angle: -90, position: 'insideLeft', fill: 'var(--text-dim)', fontSize: 11 }} />
              <Tooltip formatter={(v) => Number(v).toFixed(2)} labelFormatter={(d) => `day ${d}`} contentStyle={{ background: 'var(--bg-raised)', border: '1px solid var(--line-strong)' }} />
              <Legend verticalAlign="top" height={22} wrapperStyle={{ fontSize: 11 }} />
              <ReferenceLine y={Number(marginCallLevel())} stroke="var(--margin-call)" strokeDasharray="4 3" />
              {charted.map((u, i) => (
                <Line key={u.label} dataKey={u.label} stroke={COLORS[i]} dot={false} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </figure>
      )}
      {outcome?.ok && <p className="hint">{outcome.notes.join('; ')}. Taker fees: {fees.map((f) => `${f.venue} ${(Number(f.rate) * 100).toFixed(2)}%`).join(', ')}.</p>}
    </section>
  );
}
