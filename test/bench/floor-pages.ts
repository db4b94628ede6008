/**
 * The floor under the popup figures: how soon this Chromium, on this machine, paints a blank extension page and
 * runs a one-line script in one, opened in a new tab exactly as the popup is measured. No popup can beat these.
 * The pages exist only in a copy of the built extension that the benchmark loads; dist/ itself is untouched.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

export async function floorFigures(extension: ExtensionBrowser, runs: number): Promise<Figure[]> {
  const firstPaints: number[] = [];
  const scriptRuns: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    for (const path of [BLANK, SCRIPT]) {
      const page = await extension.context.newPage();
      await page.goto(`chrome-extension://${extension.extensionId}/${path}`);
      const [paint, script] = await page.evaluate(async (mark) => {
        // The first paint is reported once it has happened: wait for it, briefly.
        for (let i = 0; i < 100 && performance.getEntriesByName('first-paint').length === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
        return [performance.getEntriesByName('first-paint')[0]?.startTime ?? Number.NaN, performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN];
      }, SCRIPT_RAN);
      await page.close();
      // The first opening of each warms the browser's caches, as the popup's unmeasured first opening does.
      if (run === 0) continue;
      if (path === BLANK) firstPaints.push(paint ?? Number.NaN);
      else scriptRuns.push(script ?? Number.NaN);
    }
  }
  return [
    summarize('floor: blank extension page opened → first paint', 'ms', firstPaints),
    summarize('floor: extension page opened → its one-line script runs', 'ms', scriptRuns),
  ];
}
