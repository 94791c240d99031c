/**
 * Build-time privacy: a strict Content-Security-Policy as a <meta> tag in the built index.html, and
 * the list of built files the service worker (public/sw.js) caches for offline use.
 * Production build only: the dev server needs eval and inline scripts for hot reload.
 */
import type { Plugin } from 'vite';

/**
 * No 'unsafe-eval', no 'unsafe-inline' anywhere: React sets inline styles through the CSSOM
 * (element.style), which style-src does not govern; chart export writes its styles the same way.
 * img-src data: is for the chart PNG export (an SVG drawn onto a canvas). frame-ancestors cannot be
 * set from a meta tag; a server that hosts the app should send it as a header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function privacyPlugin(): Plugin {
  return {
    name: 'margin-radar-privacy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.map'));
      const build = Date.now().toString(36);
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: `${JSON.stringify({ build, files: ['./', ...files] })}\n` });
    },
  };
}
