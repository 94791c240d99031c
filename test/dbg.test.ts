import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { createEngineService } from '../src/worker/service';

it('dbg', () => {
  const s = createEngineService();
  for (const f of ['demo.csv', ...require('node:fs').readdirSync('public/samples').filter((x: string) => x !== 'demo.csv' && x.endsWith('.csv'))]) {
    const b = readFileSync('public/samples/' + f);
    const l = s.load({ fileName: f, content: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer });
    if (!l.ok) continue;
    const fu = s.funding({ horizonDays: '1', marginCallHF: '1.25' });
    const ev = s.evaluate({ scenario: { shocks: [], all: '0', volShock: '0', days: '0', addCollateral: [] }, thresholds: { targetHF: '1.5', marginCallHF: '1.25' } });
    if (!fu.ok || !ev.ok) continue;
    for (const u of fu.units) {
      const r = ev.report.accounts.find((a) => a.account === u.account)!.units.find((x) => x.unit === u.unit)!;
      if (r.marginBalance !== u.marginBalance || r.maintenanceMargin !== u.maintenanceMargin) console.log(f, u.label, u.marginBalance, r.marginBalance, u.maintenanceMargin, r.maintenanceMargin);
    }
  }
});
