import { useEffect, useRef, useState } from 'react';
import type { MarketInput } from '../../engine/risk/market';
import type { VarFigures } from '../../engine/risk/types';
import type { Scenario } from '../../engine/types';
import { useAppStore } from '../../store';
import { CANCELLED, runVar } from '../../store/riskSync';
import { PREVIEW_PATHS, followWhatIf, stamp, stopFollowingWhatIf, useVarPreview, type PreviewSettings } from '../../store/varPreview';
import { describeScenario } from '../scenario/edit';
import type { RiskSetup, VarStartArgs } from '../../worker/riskProtocol';
import { MarketTable } from './MarketTable';
import { PnlHistogram } from './PnlHistogram';
import { VarResults } from './VarResults';

type Method = 'monte-carlo' | 'historical';

function Input({ id, label, value, onChange, width }: { id: string; label: string; value: string; onChange: (v: string) => void; width?: number }) {
  return (
    <div className="field field--number">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} style={width ? { width } : undefined} />
    </div>
  );
}

/** Figures on screen, and what they are from. */
interface Shown {
  figures: VarFigures;
  /** the what-if the paths start from; null: today's prices */
  scenario: Scenario | null;
  preview: boolean;
  at: number;
}

function basisOf({ scenario, preview }: Shown): string {
  const items = scenario ? describeScenario(scenario) : [];
  const from = items.length > 0 ? `From the what-if: ${items.join(', ')}` : "From today's prices";
  return preview ? `${from} (live preview, follows the scenario once it rests)` : from;
}

/** The preview's settings from the fields, or null while one does not read. */
function previewSettings(f: { horizon: string; confidence: string; seed: string; stepsPerDay: string; market: MarketInput }): PreviewSettings | null {
  if (!/^\d+$/.test(f.seed.trim()) || !/^\d+$/.test(f.stepsPerDay.trim())) return null;
  const confidences = f.confidence.split(',').map((c) => c.trim()).filter((c) => c !== '');
  if (confidences.length === 0 || f.horizon.trim() === '') return null;
  return { horizonDays: f.horizon.trim(), confidences, market: f.market, seed: Number(f.seed), stepsPerDay: Number(f.stepsPerDay) };
}

/** Monte Carlo or historical VaR / ES of every unit and the book, with progress and Cancel. */
export function VarPanel({ setup }: { setup: RiskSetup }) {
  const [method, setMethod] = useState<Method>('monte-carlo');
  const [horizon, setHorizon] = useState('1');
  const [confidence, setConfidence] = useState('0.99, 0.975');
  const [paths, setPaths] = useState('10000');
  const [seed, setSeed] = useState('42');
  const [stepsPerDay, setStepsPerDay] = useState('4');
  const [market, setMarket] = useState<MarketInput>(setup.market);
  const [history, setHistory] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancel = useRef(false);
  const following = useVarPreview((s) => s.settings !== null);
  const preview = useVarPreview((s) => s.rested);
  const previewError = useVarPreview((s) => s.error);

  // the preview follows the fields: a change re-runs it (fields that do not read yet leave it as it was)
  useEffect(() => {
    const settings = previewSettings({ horizon, confidence, seed, stepsPerDay, market });
    if (following && settings) followWhatIf(settings);
  }, [following, horizon, confidence, seed, stepsPerDay, market]);
  // the newer of the last preview and the last full run is shown (a full run's figures stay until the next preview)
  const shown: Shown | null = following && preview && preview.at > (report?.at ?? 0) ? { ...preview, preview: true } : report;

  const toggleFollow = (on: boolean) => {
    if (!on) return stopFollowingWhatIf();
    const settings = previewSettings({ horizon, confidence, seed, stepsPerDay, market });
    if (!settings) return setError('the preview needs a horizon, confidence levels, a seed and steps per day that read as numbers');
    setError(null);
    followWhatIf(settings);
  };

  const start = async () => {
    setError(null);
    const whole = (text: string, what: string) => {
      if (!/^\d+$/.test(text.trim())) throw new Error(`${what}: expected a whole number, found "${text}"`);
      return Number(text);
    };
    // following the what-if, a full run is from the scenario's prices too
    const whatIf = following ? useAppStore.getState().scenario : null;
    let args: Omit<VarStartArgs, 'marginCallHF'>;
    try {
      const confidences = confidence.split(',').map((c) => c.trim()).filter((c) => c !== '');
      if (method === 'historical') {
        if (!history) throw new Error('choose a returns CSV (date,asset,return) first');
        args = { horizonDays: horizon, confidences, method: { kind: 'historical', fileName: history.name, content: await history.text() } };
      } else {
        args = { horizonDays: horizon, confidences, method: { kind: 'monte-carlo', market, paths: whole(paths, 'Paths'), seed: whole(seed, 'Seed'), stepsPerDay: whole(stepsPerDay, 'Steps per day'), returns: 'lognormal' } };
      }
      if (whatIf) args = { ...args, whatIf };
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    cancel.current = false;
    setProgress({ done: 0, total: 1 });
    try {
      const outcome = await runVar(args, (done, total) => setProgress({ done, total }), () => cancel.current);
      if (outcome === CANCELLED) setError('Cancelled: the last result stays on screen.');
      else if (outcome.ok) setReport({ figures: outcome.figures, scenario: whatIf, preview: false, at: stamp() });
      else setError(outcome.error);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };

  const running = progress !== null;
  return (
    <section className="panel risk__section" aria-labelledby="var-title">
      <h3 id="var-title" className="panel__title">Value at risk and expected shortfall</h3>
      <div className="risk__controls">
        <div className="field">
          <label htmlFor="var-method">Method</label>
          <select id="var-method" value={method} onChange={(e) => setMethod(e.target.value as Method)}>
            <option value="monte-carlo">Monte Carlo (lognormal, correlated)</option>
            <option value="historical">Historical returns file</option>
          </select>
        </div>
        <Input id="var-horizon" label="Horizon (days)" value={horizon} onChange={setHorizon} width={70} />
        <Input id="var-confidence" label="Confidence levels" value={confidence} onChange={setConfidence} width={120} />
        {method === 'monte-carlo' ? (
          <>
            <Input id="var-paths" label="Paths" value={paths} onChange={setPaths} width={90} />
            <Input id="var-seed" label="Seed" value={seed} onChange={setSeed} width={80} />
            <Input id="var-steps" label="Steps per day" value={stepsPerDay} onChange={setStepsPerDay} width={70} />
          </>
        ) : (
          <div className="field">
            <label htmlFor="var-history">Returns CSV (date,asset,return)</label>
            <input id="var-history" type="file" accept=".csv,text/csv" onChange={(e) => setHistory(e.target.files?.[0] ?? null)} />
          </div>
        )}
        <label className="risk__follow">
          <input type="checkbox" checked={following} onChange={(e) => toggleFollow(e.target.checked)} />
          Follow the what-if: a {PREVIEW_PATHS.toLocaleString('en-US')}-path preview re-runs as the sliders move (figures in the scenario bar)
        </label>
        {running ? (
          <button type="button" className="btn" onClick={() => (cancel.current = true)}>Cancel</button>
        ) : (
          <button type="button" className="btn risk__run" onClick={() => void start()}>Run VaR</button>
        )}
      </div>
      {running && (
        <div className="risk__progress">
          <progress aria-label="Monte Carlo progress" max={progress.total} value={progress.done} />
          <span className="hint">{progress.done.toLocaleString('en-US')} / {progress.total.toLocaleString('en-US')} paths</span>
        </div>
      )}
      {method === 'monte-carlo' && <MarketTable market={market} onChange={setMarket} source={`${setup.marketSource.source}, as of ${setup.marketSource.asOf}; ${setup.marketSource.annualisation}. Other assets: ${setup.marketSource.other}.`} />}
      {error && <p className="field-error" role="alert">{error}</p>}
      {following && previewError && <p className="field-error" role="alert">Preview: {previewError}</p>}
      {shown && (
        <>
          <p className="note" data-testid="var-basis">{basisOf(shown)}</p>
          <VarResults figures={shown.figures} units={setup.units} />
          {shown.figures.book.tails[0] && <PnlHistogram pnl={shown.figures.pnl} tail={shown.figures.book.tails[0]} horizonDays={shown.figures.horizonDays} />}
        </>
      )}
      <p className="hint">Convention: {setup.convention}. Margin call and liquidation are checked at every step of each path, not only at the end.</p>
    </section>
  );
}
