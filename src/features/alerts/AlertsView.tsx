import { AlertList } from './AlertList';
import { AlertSettings } from './AlertSettings';
import { RuleEditor } from './RuleEditor';

/** The Alerts tab: rules per unit, checked today and under the scenario on every recompute. */
export default function AlertsView() {
  return (
    <div className="alerts">
      <AlertList />
      <RuleEditor />
      <AlertSettings />
    </div>
  );
}
