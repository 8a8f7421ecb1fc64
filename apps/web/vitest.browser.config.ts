import { defineConfig } from 'vitest/config';

// Drives the real SPA served by the API (WEB_BASE_URL) in Debian's Chromium; no jsdom, no Vite app.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
