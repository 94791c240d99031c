import type { UnitStatus } from '../engine/types';

const LABEL: Record<UnitStatus, { icon: string; text: string }> = {
  ok: { icon: '✓', text: 'OK' },
  warning: { icon: '▲', text: 'Warning' },
  margin_call: { icon: '◆', text: 'Margin call' },
  liquidation: { icon: '✕', text: 'Liquidation' },
};

export function statusLabel(status: UnitStatus): string {
  return LABEL[status].text;
}

/** Status by icon and word as well as colour. */
export function StatusBadge({ status, size = 'sm' }: { status: UnitStatus; size?: 'sm' | 'lg' }) {
  const { icon, text } = LABEL[status];
  return (
    <span className={`status status--${status} status--${size}`}>
      <span aria-hidden="true" className="status__icon">
        {icon}
      </span>
      {text}
    </span>
  );
}
