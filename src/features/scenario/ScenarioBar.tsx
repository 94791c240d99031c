import { EMPTY_SCENARIO } from '../../engine/types';
import { useAppStore } from '../../store';
import { VarPreviewCard } from '../stress/VarPreviewCard';
import { describeScenario } from './edit';

/**
 * Says a what-if is on screen (every figure is under it) and takes the page back to today. With no
 * what-if it says so in the same space: the page below never jumps when a slider first moves (a
 * jump of every card and chart cost a 100 ms frame on a large book).
 */
export function ScenarioBar() {
  const scenario = useAppStore((s) => s.scenario);
  const setScenario = useAppStore((s) => s.setScenario);
  const items = describeScenario(scenario);
  return (
    <div className="scenario-bar-slot" aria-live="polite">
      {items.length > 0 ? (
        <section className="scenario-bar" aria-label="Scenario active">
          <span className="scenario-bar__text">
            <strong>Scenario active:</strong> {items.join(', ')}
          </span>
          <VarPreviewCard />
          <button type="button" className="btn scenario-bar__reset" onClick={() => setScenario(EMPTY_SCENARIO)}>
            Reset to today
          </button>
        </section>
      ) : (
        <section className="scenario-bar scenario-bar--today" aria-label="No what-if">
          <span className="scenario-bar__text">Today&apos;s figures: no what-if on screen. Move a slider to see one.</span>
          <VarPreviewCard />
        </section>
      )}
    </div>
  );
}
