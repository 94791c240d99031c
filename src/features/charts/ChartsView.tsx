import { memo, useDeferredValue, useEffect, useMemo } from 'react';
import { useAppStore, validateThresholds } from '../../store';
import { startChartsSync } from '../../store/chartsSync';
import { useOnScreen } from '../../lib/useOnScreen';
import { describeScenario } from '../scenario/edit';
import { HfChart } from './HfChart';
import { hfPoints, liquidationMarks, moveRange } from './hfAdapter';
import { LadderChart } from './LadderChart';
import { ladderBars, ladderSubtitle } from './ladderAdapter';
import { MarginChart } from './MarginChart';
import { PnlChart } from './PnlChart';
import { pnlBars } from './pnlAdapter';
import { UnitPicker } from './UnitPicker';

// a slider step re-renders this view several times (the scenario, then its figures); a chart redraws
// only when its own data or levels change: recharts redrawing 480-point lines on every store change
// was most of a step's main-thread time at 100k positions
const HfChartMemo = memo(HfChart);
const MarginChartMemo = memo(MarginChart);
const LadderChartMemo = memo(LadderChart);
const PnlChartMemo = memo(PnlChart);

/** The charts tab: data comes from the worker through the store; this only lays it out. */
export default function ChartsView() {
  // far off screen (or not known yet) the charts are not asked for; near the screen they follow
  // the scenario, so a load does not compute and draw charts below the fold
  const [viewRef, onScreen] = useOnScreen<HTMLDivElement | HTMLParagraphElement>();
  useEffect(() => (onScreen === true ? startChartsSync() : undefined), [onScreen]);
  // deferred: a chart result is drawn in an interruptible render, so a slider step's cards and table
  // (urgent) are never held up behind recharts laying out four charts
  const charts = useDeferredValue(useAppStore((s) => s.charts));
  const error = useAppStore((s) => s.chartsError);
  const chosen = useAppStore((s) => s.chartUnit);
  const setChartUnit = useAppStore((s) => s.setChartUnit);
  // the charts' own scenario, not the store's: a slider step redraws the charts once, when their data comes
  const scenario = useDeferredValue(useAppStore((s) => s.chartsScenario ?? s.scenario));
  const inputs = useAppStore((s) => s.thresholdInputs);
  // primitives, so a new result with the same levels does not redraw the view
  const reportTarget = useAppStore((s) => s.fast?.scenario.targetHF);
  const reportMarginCall = useAppStore((s) => s.fast?.scenario.marginCallHF);
  const check = validateThresholds(inputs);
  const levels = check.ok ? check.thresholds : { targetHF: reportTarget ?? '1.5', marginCallHF: reportMarginCall ?? '1.25' };

  const curve = charts?.curve ?? null;
  const hf = useMemo(() => {
    if (!curve) return null;
    const range = moveRange(curve);
    return { points: hfPoints(curve), range, marks: liquidationMarks(curve, range), current: Number(curve.currentMove) * 100 };
  }, [curve]);
  const options = useAppStore((s) => s.summary?.options ?? 0);
  const ladder = useMemo(() => (charts ? { bars: ladderBars(charts.ladder), subtitle: ladderSubtitle(charts.ladder, options) } : null), [charts, options]);
  const pnl = useMemo(() => (charts ? pnlBars(charts.pnl) : []), [charts]);

  if (error) return <p ref={viewRef} className="field-error">Charts could not be computed: {error}</p>;
  if (!charts) return <p ref={viewRef} className="hint">Computing charts…</p>;
  const words = describeScenario(scenario);
  return (
    <div ref={viewRef} className="charts">
      <div className="charts__health">
        <UnitPicker units={charts.units} chosen={chosen} shown={curve} total={charts.unitsWithExposure} onPick={setChartUnit} />
        {curve && hf ? (
          <>
            <HfChartMemo curve={curve} points={hf.points} marks={hf.marks} currentMove={hf.current} targetHF={Number(levels.targetHF)} marginCallHF={Number(levels.marginCallHF)} range={hf.range} />
            <MarginChartMemo curve={curve} points={hf.points} marks={hf.marks} currentMove={hf.current} range={hf.range} />
          </>
        ) : (
          <p className="hint">No unit has a maintenance margin: nothing can be liquidated, so there is no health factor to draw.</p>
        )}
      </div>
      <div className="charts__side">
        {ladder ? <LadderChartMemo bars={ladder.bars} subtitle={ladder.subtitle} allMove={Number(scenario.all) * 100} /> : null}
        <PnlChartMemo bars={pnl} scenario={words.length > 0 ? words.join(', ') : 'today (no what-if)'} />
      </div>
    </div>
  );
}
