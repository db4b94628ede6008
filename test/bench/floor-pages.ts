/**
 * The floor under the popup figures: how soon this Chromium, on this machine, paints a blank extension page and
 * runs a one-line script in one, opened in a new tab exactly as the popup is measured. No popup can beat these.
 * And the floor under the launch page's part of a click: how soon a form that an extension page posts to the sign-in
 * host is on the wire, over a connection already open (what the login's POST costs the browser alone).
 * The pages exist only in a copy of the built extension that the benchmark loads; dist/ itself is untouched.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch/browser';
import type { Sandbox } from '../sandbox/index';
import { arrival } from './click-figures';
import { summarize, type Figure } from './stats';

const BLANK = 'bench-floor/blank.html';
const SCRIPT = 'bench-floor/script.html';
const SCRIPT_RAN = 'floor:script-ran';
const POST = 'bench-floor/post.html';
/** The sign-in host the floor's form goes to; its path carries the moment the page submitted it (wall clock). */
const POST_HOST = 'eu-west-1.signin.aws.amazon.com';
const POST_PATH = '/bench-floor/';

/** A copy of `dist` with the two floor pages added; `remove` deletes it. */
export function distWithFloorPages(dist: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'role-switcher-bench-'));
  cpSync(dist, dir, { recursive: true });
  mkdirSync(join(dir, 'bench-floor'));
  const page = (head: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>${head}</head><body><p>floor</p></body></html>`;
  writeFileSync(join(dir, BLANK), page(''));
  writeFileSync(join(dir, SCRIPT), page('<script type="module" src="script.js"></script>'));
  writeFileSync(join(dir, 'bench-floor/script.js'), `performance.mark(${JSON.stringify(SCRIPT_RAN)});\n`);
  // As the launch page posts its login (src/launch/main.ts): a form built and submitted, one hidden field of a
  // sign-in token's size (nothing secret: a run of one letter).
  writeFileSync(join(dir, POST), page('<script type="module" src="post.js"></script>'));
  writeFileSync(join(dir, 'bench-floor/post.js'), `globalThis.post = () => {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = ${JSON.stringify(`https://${POST_HOST}${POST_PATH}`)} + (performance.timeOrigin + performance.now()).toFixed(1);
  const field = document.createElement('input');
  field.type = 'hidden';
  field.name = 'SigninToken';
  field.value = 'x'.repeat(1500);
  form.append(field);
  document.body.append(form);
  form.submit();
};
`);
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

/**
 * An extension page posts a form to the sign-in host, over a connection a page of that site opened before (the
 * login's own partition: a navigation's connections are its site's, ARCHITECTURE.md "Warming"): submit() → the
 * request at the sandbox. Undefined when the request had to open a connection of its own.
 */
async function postFloor(extension: ExtensionBrowser, sandbox: Sandbox): Promise<number | undefined> {
  sandbox.closeConnections();
  const site = await extension.context.newPage();
  await site.goto(`https://${POST_HOST}/`).catch(() => undefined);
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/${POST}`);
  await untouched(page);
  const since = Date.now();
  await page.evaluate('post()');
  const request = await arrival(sandbox, 'floor', since, 15_000, (entry) => entry.host === POST_HOST && entry.path.startsWith(POST_PATH));
  await page.close();
  await site.close();
  if ((request.onConnection ?? 1) === 1) return undefined;
  return request.receivedAt - Number(request.path.slice(POST_PATH.length));
}

export async function floorFigures(extension: ExtensionBrowser, sandbox: Sandbox, runs: number): Promise<Figure[]> {
  const firstPaints: number[] = [];
  const scriptRuns: number[] = [];
  const posts: number[] = [];
  // The first opening of each warms the browser's caches, as the popup's unmeasured first opening does.
  for (let run = 0; run <= runs; run += 1) {
    const paint = await openFloorPage(extension, 'blank');
    const script = await openFloorPage(extension, 'script');
    if (run === 0) continue;
    firstPaints.push(paint);
    scriptRuns.push(script);
  }
  for (let run = 0; run <= runs; run += 1) {
    const post = await postFloor(extension, sandbox);
    if (run > 0 && post !== undefined) posts.push(post);
  }
  return [
    summarize('floor: blank extension page opened → first paint', 'ms', firstPaints),
    summarize('floor: extension page opened → its one-line script runs', 'ms', scriptRuns),
    summarize('floor: extension page posts a form → request on the wire (connection open)', 'ms', posts),
  ];
}
