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
    // Puppeteer's own polls (a waitForSelector's or a click's script.callFunction/evaluate over WebDriver BiDi) can
    // reject after the frame they ran in was replaced, when an extension page moves into the add-on's process or
    // the console navigates; nothing awaits them then, so they surface as unhandled rejections after the test has
    // passed. Only those are left unreported: a test's own evaluate rejects into the test, and anything else counts.
    onUnhandledError(error) {
      return !(error.name === 'ProtocolError' && /^Protocol error \(script\.(callFunction|evaluate)\)/.test(error.message));
    },
  },
});
