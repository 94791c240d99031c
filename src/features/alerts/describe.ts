import type { AlertEvent, AlertRule } from '../../engine/alerts';
import { formatHealthFactor, formatPercent } from '../../lib/format';
import { unitLabel } from '../../lib/units';

const STATUS_TEXT: Record<string, string> = { margin_call: 'margin call', liquidation: 'liquidation' };

/** "alpha · Cross: HF 1.18 below 1.30" */
export function describeAlert(e: AlertEvent): string {
  const where = `${e.account} · ${unitLabel(e.unit)}`;
  switch (e.kind) {
    case 'hf-below':
      return `${where}: HF ${formatHealthFactor(e.figure)} below ${e.level}`;
    case 'liquidation-within':
      return `${where}: liquidation ${formatPercent(e.figure)} away (alert under ${formatPercent(e.level)})`;
    case 'margin-call':
      return `${where}: status ${STATUS_TEXT[e.figure] ?? e.figure}`;
  }
}

export function describeRule(r: AlertRule): string {
  const where = r.scope ? `${r.scope.account} · ${unitLabel(r.scope.unit)}` : 'every unit';
  switch (r.kind) {
    case 'hf-below':
      return `HF below ${r.value} — ${where}`;
    case 'liquidation-within':
      return `Liquidation within ${formatPercent(r.value)} — ${where}`;
    case 'margin-call':
      return `Status reaches margin call — ${where}`;
  }
}

export const CONTEXT_TEXT = { today: 'today', scenario: 'under the scenario' } as const;
