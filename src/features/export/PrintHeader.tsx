import { useAppStore } from '../../store';

/** Only on paper: what the printed page is, from which file, as of when. */
export function PrintHeader() {
  const report = useAppStore((s) => s.fast);
  if (!report) return null;
  return (
    <div className="print-only print-header">
      <strong>Margin Radar risk report</strong> · {report.source} · as of {report.asOf.slice(0, 19).replace('T', ' ')} UTC · target HF{' '}
      {report.scenario.targetHF}, margin call {report.scenario.marginCallHF}
    </div>
  );
}
