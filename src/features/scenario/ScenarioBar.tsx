import { EMPTY_SCENARIO } from '../../engine/types';
import { useAppStore } from '../../store';
import { describeScenario } from './edit';

/** Says a what-if is on screen (every figure is under it) and takes the page back to today. */
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
          <button type="button" className="btn scenario-bar__reset" onClick={() => setScenario(EMPTY_SCENARIO)}>
            Reset to today
          </button>
        </section>
      ) : null}
    </div>
  );
}
