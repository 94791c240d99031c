import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startAlertSync } from './features/alerts/sync';
import { registerServiceWorker } from './lib/serviceWorker';
import { startPersistSync } from './persist/sync';
import { startEngineHealth } from './store/engineHealth';
import { startEngineSync } from './store/engineSync';
import { startHashSync } from './store/hashSync';
import './styles.css';

// the link's scenario first, so the first evaluation already uses it
startHashSync();
startEngineHealth();
// the saved workspace, if any, replaces the demo portfolio
startEngineSync(startPersistSync());
startAlertSync();
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
