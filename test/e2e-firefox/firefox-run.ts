/**
 * One sandbox and one Firefox (with the add-on, its options page open) for a test file: started before its tests,
 * closed after them. The Firefox test files share this set-up; their tests run in order on the one Firefox.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { consoleTabs, type TabInfo } from './extension-api';
import { launchFirefox, type FirefoxWithExtension } from './firefox';

export interface FirefoxRun {
  sandbox: Sandbox;
  firefox: FirefoxWithExtension;
  /** The options page: the tests send their messages from it and read tabs and containers through it. */
  options: Page;
  /** Waits until exactly `count` tabs show a signed-in console page, and returns them. */
  signedInTabs(count: number): Promise<TabInfo[]>;
}

/** Registers the file's beforeAll and afterAll; the run's fields are there once its tests start. */
export function firefoxOnSandbox(): FirefoxRun {
  const run = {
    async signedInTabs(count: number): Promise<TabInfo[]> {
      await expect.poll(async () => (await consoleTabs(run.options)).length, { timeout: 20_000 }).toBe(count);
      return consoleTabs(run.options);
    },
  } as FirefoxRun;
  beforeAll(async () => {
    run.sandbox = await startSandbox();
    run.firefox = await launchFirefox({ sandbox: run.sandbox });
    run.options = await run.firefox.openPage('src/options/index.html', 'h1');
  });
  afterAll(async () => {
    await run.firefox?.close();
    await run.sandbox?.close();
  });
  return run;
}
