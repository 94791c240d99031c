/** Registers public/sw.js (offline use) in production builds only; the dev server is never cached. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register(`${import.meta.env.BASE_URL}sw.js`)
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active?.postMessage('precache'))
      .catch(() => {
        // no offline copy: the app itself works the same
      });
  });
}
