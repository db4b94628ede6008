/**
 * Starts Chromium with the built extension, pointed at the sandbox: the AWS host names resolve to the sandbox
 * and only the sandbox's certificate is trusted. Used by the end-to-end tests, the benchmarks and `npm start`.
 * It builds nothing: run `npm run build` first.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import type { Sandbox } from '../sandbox/index';
import { findChromium } from './chromium';
import { extensionIdOf, policyChromium } from './policy';

/** The built extension; EXTENSION_DIST points elsewhere (e.g. a second build while another run uses dist/). */
export const DIST = process.env.EXTENSION_DIST ?? resolve(import.meta.dirname, '..', '..', 'dist');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The live service worker; re-acquired when Chromium stopped and restarted it. */
  worker(): Promise<Worker>;
  /** The welcome page the install opened (a fresh profile), when `keepWelcome` kept it open. */
  welcome?: Page;
  /** Opens an extension page (the popup is a page: there is no toolbar in headless) in a new tab. */
  openPage(path: 'popup/index.html' | 'src/options/index.html'): Promise<Page>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  sandbox: Sandbox;
  headless?: boolean;
  userDataDir?: string;
  distDir?: string;
  /**
   * An organisation's policy for the extension (what `storage.managed` then reads): Chromium is started with it as
   * a managed policy of its own (policy.ts), `3rdparty.extensions.<id>`.
   */
  extensionPolicy?: Record<string, unknown>;
  /**
   * A first install opens the welcome page (src/background/welcome/). It is closed before the caller goes on (tests
   * count pages and wait for the next one to open), unless kept: then it is `welcome`.
   */
  keepWelcome?: boolean;
}

export async function launchExtensionBrowser(options: LaunchOptions): Promise<ExtensionBrowser> {
  const distDir = options.distDir ?? DIST;
  if (!existsSync(join(distDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${distDir}. Run "npm run build" first.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'role-switcher-profile-'));
  // An empty profile installs the extension, which opens the welcome page; a profile used before does not.
  const firstInstall = !existsSync(userDataDir) || readdirSync(userDataDir).length === 0;
  const policy = options.extensionPolicy && policyChromium(findChromium(), { '3rdparty': { extensions: { [extensionIdOf(distDir)]: options.extensionPolicy } } });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: policy?.executablePath ?? findChromium(),
    headless: options.headless ?? true,
    viewport: { width: 1200, height: 800 },
    args: [
      `--disable-extensions-except=${distDir}`,
      `--load-extension=${distDir}`,
      `--host-resolver-rules=${options.sandbox.hostResolverRules}`,
      `--ignore-certificate-errors-spki-list=${options.sandbox.spkiHash}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
    ],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(first.url()).host;
  const welcome = firstInstall ? await welcomePage(context, `chrome-extension://${extensionId}/src/welcome/index.html`) : undefined;
  if (welcome && !options.keepWelcome) await welcome.close();

  async function worker(): Promise<Worker> {
    const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    if (live) return live;
    // A stopped worker starts again on the next event: any extension page wakes it by messaging it.
    const waiting = context.waitForEvent('serviceworker');
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup/index.html`);
    const woken = await waiting;
    await page.close();
    return woken;
  }

  return {
    context,
    extensionId,
    userDataDir,
    ...(welcome && options.keepWelcome && { welcome }),
    worker,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close(closeOptions) {
      await context.close();
      policy?.cleanup();
      if (!closeOptions?.keepProfile && options.userDataDir === undefined) {
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/** The tab the install opened at `url`: already there, or the next page that navigates to it. */
async function welcomePage(context: BrowserContext, url: string): Promise<Page> {
  const opened = context.pages().find((page) => page.url() === url);
  if (opened) return opened;
  const page = await context.waitForEvent('page', { predicate: (candidate) => candidate.url() === url });
  return page;
}
