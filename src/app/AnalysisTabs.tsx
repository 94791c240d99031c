import { Suspense, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../store';
import { ANALYSIS_VIEWS } from './analysisViews';

/** The analysis views as tabs (WAI-ARIA tabs pattern: arrows move, Home/End jump). */
export function AnalysisTabs() {
  const loaded = useAppStore((s) => s.fast !== null);
  const [active, setActive] = useState(ANALYSIS_VIEWS[0]?.id ?? '');
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  if (!loaded || ANALYSIS_VIEWS.length === 0) return null;
  const current = ANALYSIS_VIEWS.find((v) => v.id === active) ?? ANALYSIS_VIEWS[0]!;
  const onKey = (e: KeyboardEvent, index: number) => {
    const last = ANALYSIS_VIEWS.length - 1;
    const next = e.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : e.key === 'ArrowLeft' ? (index === 0 ? last : index - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (next === null) return;
    e.preventDefault();
    setActive(ANALYSIS_VIEWS[next]!.id);
    tabs.current[next]?.focus();
  };
  const View = current.view;
  return (
    <section className="analysis panel" aria-label="Analysis">
      <div className="analysis__tabs" role="tablist" aria-label="Analysis views">
        {ANALYSIS_VIEWS.map((v, i) => (
          <button
            key={v.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${v.id}`}
            aria-selected={v.id === current.id}
            aria-controls={`tabpanel-${v.id}`}
            tabIndex={v.id === current.id ? 0 : -1}
            className="analysis__tab"
            onClick={() => setActive(v.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {v.title}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${current.id}`} aria-labelledby={`tab-${current.id}`} className="analysis__panel">
        <Suspense fallback={<p className="hint">Loading…</p>}>
          <View />
        </Suspense>
      </div>
    </section>
  );
}
