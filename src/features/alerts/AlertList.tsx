import { CONTEXT_TEXT, describeAlert } from './describe';
import { useAlerts } from './store';

const time = (iso: string) => iso.slice(11, 19);

/** What holds now, and every alert that fired (once per crossing), newest first. */
export function AlertList() {
  const holding = useAlerts((s) => s.holding);
  const log = useAlerts((s) => s.log);
  const clearLog = useAlerts((s) => s.clearLog);
  return (
    <div className="alerts__lists">
      <div>
        <h3 className="alerts__heading">Now ({holding.length})</h3>
        <ul className="alerts__list" aria-label="Active alerts">
          {holding.map((e) => (
            <li key={e.key} className={`alerts__item alerts__item--${e.context}`}>
              {describeAlert(e)} <span className="alerts__context">{CONTEXT_TEXT[e.context]}</span>
            </li>
          ))}
          {holding.length === 0 ? <li className="hint">No rule is met.</li> : null}
        </ul>
      </div>
      <div>
        <h3 className="alerts__heading">
          Fired ({log.length}){' '}
          {log.length > 0 ? (
            <button type="button" className="btn btn--ghost" onClick={clearLog}>
              Clear
            </button>
          ) : null}
        </h3>
        <ol className="alerts__list" aria-label="Alert log">
          {log.map((e, i) => (
            <li key={`${e.key}${e.at}${i}`} className="alerts__item">
              <time dateTime={e.at} className="num">
                {time(e.at)}
              </time>{' '}
              {describeAlert(e)} <span className="alerts__context">{CONTEXT_TEXT[e.context]}</span>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
