/**
 * `npm run bench`: figures from headless Chromium with the built extension against a zero-latency sandbox, and
 * the click again with AWS 100 ms away and cold connections, warming on and off (`AWS_SANDBOX_NETWORK=aws-250ms`
 * for farther). Prints a table and writes bench-results/bench.json. Figures, not tests: nothing here passes or fails.
 * A section that throws is reported as not measured (and the run exits 1); every other figure is still printed.
 * `BENCH_ONLY=far,popup` measures only the sections whose names contain one of those words (the sizes always).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIST, launchExtensionBrowser } from '../launch/browser';
import { preload } from '../launch/preload';
import { startSandbox } from '../sandbox/index';
import { ALICE } from '../sandbox/seed';
import { bundleSizes } from './bundle-size';
import { clickFigures } from './click-figures';
import { configFigures } from './config-parse';
import { distWithFloorPages, floorFigures } from './floor-pages';
import { popupFigures } from './popup-figures';
import { rolesConfig } from './role-config';
import { ssoImportFigures } from './sso-import-figures';
import { warmFigures } from './warm-figures';
import { printTable, summarize, type Figure } from './stats';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const demoConfig = readFileSync(resolve(import.meta.dirname, '..', 'launch', 'demo-config.ini'), 'utf8');

const figures: Figure[] = [];
const notMeasured: Array<{ section: string; error: string }> = [];

const only = (process.env.BENCH_ONLY ?? '').split(',').map((word) => word.trim()).filter((word) => word !== '');

/** One section's figures; when it throws, the others are kept and the section is listed as not measured. */
async function section(name: string, measure: () => Promise<Figure[]> | Figure[]): Promise<void> {
  if (only.length > 0 && !only.some((word) => name.includes(word))) return;
  try {
    figures.push(...(await measure()));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    notMeasured.push({ section: name, error: message });
    console.error(`bench: ${name} not measured: ${message}`);
  }
}

const sizes = bundleSizes(DIST);
figures.push(summarize('popup bundle (gzip, JS + CSS)', 'KB', [sizes.popup], 30));
figures.push(summarize('background bundle (gzip)', 'KB', [sizes.background], 60));
await section('configuration parse', configFigures);

const sandbox = await startSandbox();
// The extension as built, plus two blank pages that measure the browser's own floor (floor-pages.ts).
const withFloor = distWithFloorPages(DIST);
const extension = await launchExtensionBrowser({ sandbox, distDir: withFloor.dir });
try {
  await preload(extension, { configText: demoConfig, source: 'alice', accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey });

  // Service worker cold start: stop every worker, then time the first message's answer from an extension page.
  const page = await extension.openPage('popup/index.html');
  const cdp = await extension.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await section('worker cold start', async () => {
    const coldStarts: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      coldStarts.push(
        await page.evaluate(async () => {
          const start = performance.now();
          await chrome.runtime.sendMessage({ type: 'roles.list', request: {} });
          return performance.now() - start;
        }),
      );
    }
    return [summarize('worker cold start → first answer', 'ms', coldStarts, 100)];
  });

  const largeConfig = async (profiles: number) => {
    const answer = (await page.evaluate(
      (text) => chrome.runtime.sendMessage({ type: 'config.save', request: { text } }),
      `${demoConfig}\n${rolesConfig(profiles)}`,
    )) as { ok: boolean; value?: { saved: boolean; stored?: { area: string } } };
    if (!answer.ok || !answer.value?.saved) throw new Error('Could not save the large configuration.');
    // The figures' labels say where it is kept: 5,000 generated profiles fit in sync, 12,000 do not.
    if ((answer.value.stored?.area === 'local') !== profiles > 10_000) throw new Error(`${profiles} profiles were kept in ${answer.value.stored?.area}.`);
  };
  // AWS 100 ms away, cold connections, warming on and off: before the large configuration below.
  await section('click with AWS far away (warming on and off)', () => warmFigures(extension, sandbox, page, Math.min(RUNS, 10)));
  await section('click, zero latency', () => clickFigures(extension, sandbox, page, Math.max(RUNS, 20), largeConfig));

  // Measured as the popup is: alone, with no other extension page open.
  for (const open of extension.context.pages()) if (open.url().startsWith('chrome-extension://')) await open.close();
  await section('browser floor', () => floorFigures(extension, sandbox, RUNS));

  // Last: it replaces the demo configuration with 100, 2,000 and 10,000 generated roles.
  await section('popup', () => popupFigures(extension, RUNS));

  // Its own configuration in the editor (never saved): the sandbox's 200 × 2 Identity Center directory.
  await section('Identity Center import', () => ssoImportFigures(extension, sandbox, Math.min(RUNS, 5)));
} catch (error) {
  // The browser or its setup failed: what was measured before is still printed.
  notMeasured.push({ section: 'the rest (browser setup failed)', error: error instanceof Error ? error.message : String(error) });
} finally {
  await extension.close();
  await sandbox.close();
  withFloor.remove();
}

printTable(figures);
if (notMeasured.length > 0) {
  console.log('\nNot measured:');
  for (const { section: name, error } of notMeasured) console.log(`  ${name}: ${error}`);
  process.exitCode = 1;
}

const out = resolve(import.meta.dirname, '..', '..', 'bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(resolve(out, 'bench.json'), `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, figures, notMeasured }, null, 2)}\n`);
console.log(`\nWritten to ${resolve(out, 'bench.json')}`);
