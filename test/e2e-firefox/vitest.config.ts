// The Firefox end-to-end tests: one Firefox for the file, run after `npm run build:firefox` (npm run test:firefox).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One browser at a time on two cores.
    fileParallelism: false,
  },
});
