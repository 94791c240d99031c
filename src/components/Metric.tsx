import type { ReactNode } from 'react';

/** One labelled figure in a definition list. */
export function Metric({ label, value, tone, title }: { label: string; value: ReactNode; tone?: 'pos' | 'neg' | undefined; title?: string }) {
  return (
    <div className="metric" title={title}>
      <dt>{label}</dt>
      <dd className={`num${tone ? ` num--${tone}` : ''}`}>{value}</dd>
    </div>
  );
}
