import { useAppStore } from '../store';

export function Footer() {
  const inWorker = useAppStore((s) => s.inWorker);
  return (
    <footer className="footer">
      <p>Your portfolio never leaves this browser: all figures are computed locally in a Web Worker.</p>
      <p data-testid="engine-mode">
        Engine:{' '}
        {inWorker === null ? 'starting…' : inWorker ? 'running in a Web Worker' : 'running on the page (Web Worker unavailable)'}
      </p>
    </footer>
  );
}
