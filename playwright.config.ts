import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  // Two cores: one browser at a time keeps runs steady.
  workers: 1,
  fullyParallel: false,
  // In CI only, a failed test runs once more: shared, loaded machines time out now and then. The list reporter
  // names a test that passed only on its retry "flaky", and one that fails twice still fails the run.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/e2e',
});
