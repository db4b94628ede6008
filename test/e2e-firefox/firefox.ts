/**
 * Starts Debian's Firefox ESR headless with the built Firefox add-on (dist-firefox/), driven by puppeteer-core
 * over WebDriver BiDi: Playwright cannot drive a stock Firefox, and geckodriver is not installable here
 * (TOOLCHAIN.md). With a sandbox, the AWS host names reach it through a PAC file and a CONNECT proxy
 * (sandbox-proxy.ts). It builds nothing: run `npm run build:firefox` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Sandbox } from '../sandbox/index';
import { startSandboxProxy, type SandboxProxy } from './sandbox-proxy';

export const DIST_FIREFOX = process.env.EXTENSION_DIST_FIREFOX ?? resolve(import.meta.dirname, '..', '..', 'dist-firefox');

const CANDIDATES = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];

export const FIREFOX_INSTALL_HINT =
  'No Firefox found. Install it with: sudo apt-get update && sudo apt-get install -y firefox-esr (or set FIREFOX_PATH).';

export function findFirefox(): string | undefined {
  return CANDIDATES.find((candidate) => candidate !== undefined && existsSync(candidate));
}

/** A fixed internal UUID, so the test knows the add-on's `moz-extension://` origin (Firefox picks a random one). */
const EXTENSION_UUID = '5e1f0c3a-7b2d-4c6e-9a8f-0123456789ab';

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id Firefox reports (the manifest's browser_specific_settings.gecko.id). */
  addonId: string;
  /** `moz-extension://<uuid>/` */
  baseUrl: string;
  /** Opens an extension page in a new tab and waits until `ready` (a selector) is on it. */
  openPage(path: string, ready: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(options: { sandbox?: Sandbox; distDir?: string } = {}): Promise<FirefoxWithExtension> {
  const distDir = options.distDir ?? DIST_FIREFOX;
  const manifestPath = join(distDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No Firefox build in ${distDir}. Run "npm run build:firefox" first.`);
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(FIREFOX_INSTALL_HINT);
  const geckoId = (JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings: { gecko: { id: string } } }).browser_specific_settings.gecko.id;

  const proxy: SandboxProxy | undefined = options.sandbox && (await startSandboxProxy(options.sandbox.port));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
    // WebDriver BiDi refuses to navigate to moz-extension:// pages without it ("not allowed in this context").
    args: ['--remote-allow-system-access'],
    // The sandbox's throwaway certificate. Firefox has no SPKI pin like Chromium's: this accepts any certificate,
    // and the PAC below sends only AWS host names anywhere but DIRECT (and this machine has no other network).
    acceptInsecureCerts: options.sandbox !== undefined,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      ...(proxy && { 'network.proxy.type': 2, 'network.proxy.autoconfig_url': proxy.pacUrl }),
    },
  });
  try {
    const addonId = await browser.installExtension(distDir);
    const baseUrl = `moz-extension://${EXTENSION_UUID}/`;
    return {
      browser,
      addonId,
      baseUrl,
      async openPage(path, ready) {
        const page = await browser.newPage();
        // The load moves the tab into the extension's process, and puppeteer's goto never sees it finish (it
        // times out, or rejects "Frame detached" later): start it, and wait for the page's own content instead.
        // That move can also end a wait early, more than once ("Waiting failed", or a BiDi "script.evaluate"
        // error while the frame it watched is replaced), so the wait is made again on the page as it now is
        // until one deadline passes.
        page.goto(`${baseUrl}${path}`).catch(() => undefined);
        const deadline = Date.now() + 20_000;
        for (;;) {
          try {
            await page.waitForSelector(ready, { timeout: Math.max(1, deadline - Date.now()) });
            return page;
          } catch (error) {
            if (Date.now() >= deadline) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      },
      async close() {
        await browser.close();
        await proxy?.close();
      },
    };
  } catch (error) {
    await browser.close();
    await proxy?.close();
    throw error;
  }
}
