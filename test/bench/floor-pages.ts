/**
 * The floor under the popup figures: how soon this Chromium, on this machine, paints a blank extension page and
 * runs a one-line script in one, opened in a new tab exactly as the popup is measured. No popup can beat these.
 * The pages exist only in a copy of the built extension that the benchmark loads; dist/ itself is untouched.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch/browser';
import { summarize, type Figure } from './stats';

const BLANK = 'bench-floor/blank.html';
const SCRIPT = 'bench-floor/script.html';
const SCRIPT_RAN = 'floor:script-ran';

/** A copy of `dist` with the two floor pages added; `remove` deletes it. */
export function distWithFloorPages(dist: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'role-switcher-bench-'));
  cpSync(dist, dir, { recursive: true });
  mkdirSync(join(dir, 'bench-floor'));
  const page = (head: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>${head}</head><body><p>floor</p></body></html>`;
  writeFileSync(join(dir, BLANK), page(''));
  writeFileSync(join(dir, SCRIPT), page('<script type="module" src="script.js"></script>'));
  writeFileSync(join(dir, 'bench-floor/script.js'), `performance.mark(${JSON.stringify(SCRIPT_RAN)});\n`);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Leaves a page just opened alone for a moment before asking it anything: Playwright's first query injects its
 * own script into the page, which would land between the page's render and its first frame. The figures are the
 * page's own marks and paint entries, so reading them later changes nothing.
 */
export async function untouched(page: Page): Promise<void> {
  await page.waitForTimeout(400);
}

/** Opens a floor page in a new tab: the blank page's first paint, or when the script page's script ran. */
export async function openFloorPage(extension: ExtensionBrowser, which: 'blank' | 'script'): Promise<number> {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/${which === 'blank' ? BLANK : SCRIPT}`);
  await untouched(page);
  const time = await page.evaluate(
    async ({ entry, mark }) => {
      // The first paint is reported once it has happened: wait for it, briefly.
      for (let i = 0; i < 100 && performance.getEntriesByName(entry).length === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
      return performance.getEntriesByName(entry === 'first-paint' ? entry : mark)[0]?.startTime ?? Number.NaN;
    },
    { entry: which === 'blank' ? 'first-paint' : SCRIPT_RAN, mark: SCRIPT_RAN },
  );
  await page.close();
  return time;
}

export async function floorFigures(extension: ExtensionBrowser, runs: number): Promise<Figure[]> {
  const firstPaints: number[] = [];
  const scriptRuns: number[] = [];
  // The first opening of each warms the browser's caches, as the popup's unmeasured first opening does.
  for (let run = 0; run <= runs; run += 1) {
    const paint = await openFloorPage(extension, 'blank');
    const script = await openFloorPage(extension, 'script');
    if (run === 0) continue;
    firstPaints.push(paint);
    scriptRuns.push(script);
  }
  return [
    summarize('floor: blank extension page opened → first paint', 'ms', firstPaints),
    summarize('floor: extension page opened → its one-line script runs', 'ms', scriptRuns),
  ];
}
