/*
 * Margin Radar offline support: the app shell and built files are cached, so a page that loaded once
 * works without a network. Same-origin GET requests only; nothing is sent anywhere.
 * Pages: network first (a new build shows when online), cache when offline.
 * Hashed build files (assets/): cache first (their names change when their content does).
 */
const PRECACHE = 'margin-radar-precache';
const RUNTIME = 'margin-radar-runtime';

async function precache() {
  const response = await fetch('precache.json', { cache: 'no-store' });
  if (!response.ok) return;
  const { files } = await response.json();
  const cache = await caches.open(PRECACHE);
  const missing = [];
  for (const file of [...files, 'samples/index.json', 'samples/demo.csv']) {
    if (!(await cache.match(file, { ignoreVary: true }))) missing.push(file);
  }
  await cache.addAll(missing);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().catch(() => undefined).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// the page asks after each load, so files of a newer build are cached too
self.addEventListener('message', (event) => {
  if (event.data === 'precache') event.waitUntil(precache().catch(() => undefined));
});

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(RUNTIME)).put(request, response.clone());
    return response;
  } catch (error) {
    const cached = (await caches.match(request, { ignoreSearch: true, ignoreVary: true })) ?? (request.mode === 'navigate' ? await caches.match('./') : undefined);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(RUNTIME)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(url.pathname.includes('/assets/') ? cacheFirst(request) : networkFirst(request));
});
