/**
 * The store archives as a store gets them (`npm run package` first; npm run test:release): named with
 * package.json's version, with that version, the icons the stores ask for, Firefox's id and minimum version, and a
 * source archive that says how to build it. Then the archives' own contents, not dist/, are loaded: the Chrome
 * archive in Chromium and the Firefox archive in Firefox ESR, each signing in once against the sandbox.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../manifest-firefox';
import { launchExtensionBrowser } from '../launch/browser';
import { preload } from '../launch/preload';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { ALICE, ALICE_DEV_CONFIG } from '../sandbox/seed';
import { consoleTabs, sendFrom } from '../e2e-firefox/extension-api';
import { launchFirefox } from '../e2e-firefox/firefox';
import { archiveNames, version } from './package';

const CONFIG = ALICE_DEV_CONFIG;
const DEV_ARN = 'arn:aws:sts::222222222222:assumed-role/Developer/alice';
/** What the stores ask for: Chrome Web Store 128 (and 16/32/48 for the browser), AMO 48 and 96. */
const STORE_ICON_SIZES = ['16', '32', '48', '96', '128'];

type Files = Record<string, Uint8Array>;
const names = archiveNames();
const read = (path: string): Files => unzipSync(readFileSync(path));
const json = <T>(files: Files, path: string): T => JSON.parse(new TextDecoder().decode(files[path])) as T;

interface BuiltManifest {
  version: string;
  description: string;
  icons: Record<string, string>;
  action: { default_icon: Record<string, string> };
  browser_specific_settings?: { gecko: { id: string; strict_min_version: string } };
}

/** Writes an archive's files into a new folder, as a store would unpack it. */
function unpack(files: Files): string {
  const dir = mkdtempSync(join(tmpdir(), 'role-switcher-archive-'));
  for (const [path, data] of Object.entries(files)) {
    if (path.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

let sandbox: Sandbox;
const folders: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
});

afterAll(async () => {
  await sandbox?.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('the store archives', () => {
  it('are named with package.json\u2019s version, and their manifests carry it, a description and every store icon size', () => {
    const v = version();
    expect(names.chrome).toMatch(new RegExp(`role-switcher-${v.replace(/\./g, '\\.')}-chrome\\.zip$`));
    for (const path of [names.chrome, names.firefox]) {
      const files = read(path);
      const manifest = json<BuiltManifest>(files, 'manifest.json');
      expect(manifest.version).toBe(v);
      expect(manifest.description).toBe('__MSG_extensionDescription__');
      expect(json<Record<string, { message: string }>>(files, '_locales/en/messages.json').extensionDescription?.message).toMatch(/^Sign in to the AWS/);
      expect(Object.keys(manifest.icons).sort()).toEqual([...STORE_ICON_SIZES].sort());
      for (const [size, icon] of Object.entries({ ...manifest.icons, ...manifest.action.default_icon })) {
        const data = files[icon];
        expect(data, icon).toBeDefined();
        const png = PNG.sync.read(Buffer.from(data ?? new Uint8Array()));
        expect([png.width, png.height], icon).toEqual([Number(size), Number(size)]);
      }
    }
    const firefox = json<BuiltManifest>(read(names.firefox), 'manifest.json');
    expect(firefox.browser_specific_settings?.gecko).toMatchObject({ id: GECKO_ID, strict_min_version: '140.0' });
  });

  it('include the source AMO asks for, with the exact build command, and no tests', () => {
    const files = read(names.source);
    const readme = new TextDecoder().decode(files['SOURCE.md']);
    expect(readme).toContain('npm ci\n    npm run build:firefox');
    for (const path of ['package.json', 'package-lock.json', 'vite.config.ts', 'manifest.json', 'manifest-firefox.ts', 'src/background/index.ts', 'popup/main.tsx']) {
      expect(files[path], path).toBeDefined();
    }
    expect(Object.keys(files).filter((path) => path.startsWith('test/') || path.startsWith('.ci/'))).toEqual([]);
  });

  it('the Chrome archive, unpacked, loads in Chromium and signs in', async () => {
    const dir = unpack(read(names.chrome));
    folders.push(dir);
    const extension = await launchExtensionBrowser({ sandbox, distDir: dir });
    try {
      await preload(extension, { configText: CONFIG, source: 'alice', accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey });
      const popup = await extension.openPage('popup/index.html');
      const opened = extension.context.waitForEvent('page');
      await popup.getByRole('option', { name: 'demo-dev', exact: true }).click();
      const consoleTab = await opened;
      await consoleTab.getByTestId('signed-in-arn').filter({ hasText: DEV_ARN }).waitFor({ timeout: 20_000 });
    } finally {
      await extension.close();
    }
  });

  it('the Firefox archive, unpacked, installs in Firefox ESR and signs in', async () => {
    const dir = unpack(read(names.firefox));
    folders.push(dir);
    const firefox = await launchFirefox({ sandbox, distDir: dir });
    try {
      expect(firefox.addonId).toBe(GECKO_ID);
      const options = await firefox.openPage('src/options/index.html', 'h1');
      expect(await sendFrom(options, 'config.save', { text: CONFIG })).toMatchObject({ ok: true });
      expect(await sendFrom(options, 'vault.create', { passphrase: 'correct horse battery staple' })).toMatchObject({ ok: true });
      expect(await sendFrom(options, 'keys.set', { source: 'alice', accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey })).toMatchObject({ ok: true });
      const popup = await firefox.openPage('popup/index.html', '[role="option"][data-profile="demo-dev"]');
      await popup.click('[role="option"][data-profile="demo-dev"]');
      await expect.poll(async () => (await consoleTabs(options)).map((tab) => tab.title), { timeout: 20_000 }).toEqual(['AWS Console - Developer']);
    } finally {
      await firefox.close();
    }
  });
});
