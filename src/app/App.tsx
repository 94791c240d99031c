import { AlertBanner } from '../features/alerts/AlertBanner';
import { AccountCards } from '../features/accounts/AccountCards';
import { SummaryStrip } from '../features/accounts/SummaryStrip';
import { DropZone } from '../features/import/DropZone';
import { ImportPanel } from '../features/import/ImportPanel';
import { ImportProblems } from '../features/import/ImportProblems';
import { ImportWarnings } from '../features/import/ImportWarnings';
import { MappingStep } from '../features/mapping/MappingStep';
import { PositionsTable } from '../features/positions/PositionsTable';
import { ScenarioBar } from '../features/scenario/ScenarioBar';
import { ScenarioPanel } from '../features/scenario/ScenarioPanel';
import { ThresholdsPanel } from '../features/thresholds/ThresholdsPanel';
import { ExportPanel } from '../features/export/ExportPanel';
import { PrintHeader } from '../features/export/PrintHeader';
import { EngineStatus } from '../features/resilience/EngineStatus';
import { StorageNotice } from '../features/workspace/StorageNotice';
import { WorkspacePanel } from '../features/workspace/WorkspacePanel';
import { AnalysisTabs } from './AnalysisTabs';
import { EmptyState } from './EmptyState';
import { Footer } from './Footer';

/** Composition only: every view reads the store; the engine sync runs outside React. */
export function App() {
  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">
          <span className="brand__mark" aria-hidden="true">
            ◉
          </span>{' '}
          Margin Radar
        </h1>
        <span className="brand__tag">margin · health factor · liquidation prices</span>
      </header>
      <main className="main">
        <StorageNotice />
        <EngineStatus />
        <PrintHeader />
        <div className="controls">
          <ImportPanel />
          <ThresholdsPanel />
        </div>
        <ImportProblems />
        <MappingStep />
        <ScenarioBar />
        <AlertBanner />
        <SummaryStrip />
        <ImportWarnings />
        <EmptyState />
        <div className="workspace">
          <div className="workspace__main">
            <AccountCards />
          </div>
          <aside className="workspace__side" aria-label="What-if scenario">
            <ScenarioPanel />
          </aside>
        </div>
        <AnalysisTabs />
        <PositionsTable />
        {/* kept below the figures: the HF a trader watches stays near the top */}
        <div className="controls keep-row">
          <WorkspacePanel />
          <ExportPanel />
        </div>
      </main>
      <Footer />
      <DropZone />
    </div>
  );
}
