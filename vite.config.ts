import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { privacyPlugin } from './scripts/vite-privacy';

export default defineConfig({
  plugins: [react(), privacyPlugin()],
  worker: { format: 'es' },
  optimizeDeps: { include: ['decimal.js', 'papaparse'] },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
    // property tests run hundreds of books; a loaded 2-core machine needs more than the 5 s default
    testTimeout: 60_000,
    // CI sums the JSON report into its "N passed, N failed" line (scripts/ci-summary.mjs)
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/vitest.json' },
  },
});
