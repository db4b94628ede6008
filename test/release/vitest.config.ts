// The release archives' tests, run after `npm run package` (npm run test:release): one browser at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/release/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
