/**
 * Popup figures for `npm run bench`, measured inside the real popup page from the marks it sets
 * (popup/paint-marks.ts): opening → list painted with the search box focused, keystroke → filtered list painted,
 * and the page's JS heap, for 100 / 2,000 / 10,000 roles loaded through the public `config.save` message.
 */
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch/browser';
import { openFloorPage, untouched } from './floor-pages';
import { rolesConfig } from './role-config';
import { summarize, type Figure } from './stats';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Mark names, as popup/paint-marks.ts sets them. */
const LIST_PAINTED = 'popup:list-painted';
const ROLES_REQUESTED = 'popup:roles-requested';
const ROLES_RECEIVED = 'popup:roles-received';
const FILTER_PAINTED = 'popup:filter-painted';

/** Typed one key at a time, then cleared with Esc: realistic queries (a team, an environment, a role, an id). */
const QUERIES = ['payments prod admin', 'eu-west', '1000', 'deployer staging'];

export const ROLE_COUNTS = [100, 2_000, 10_000] as const;

/**
 * Saves the generated configuration through the options page, which is then closed: extension pages share one
 * renderer (one JS heap), so no other page may stay open while the popup is measured.
 */
async function loadRoles(extension: ExtensionBrowser, count: number): Promise<void> {
  const page = await extension.openPage('src/options/index.html');
  const answer = (await page.evaluate(
    (text) => chrome.runtime.sendMessage({ type: 'config.save', request: { text } }),
    rolesConfig(count),
  )) as { ok: boolean; value?: { saved: boolean; roleCount: number } };
  await page.close();
  if (!answer.ok || !answer.value?.saved || answer.value.roleCount !== count) {
    throw new Error(`Could not load ${count} roles: ${JSON.stringify(answer).slice(0, 300)}`);
  }
}

interface Opening {
  page: Page;
  /** Start of navigation → list painted, search box focused. */
  total: number;
  /** Start of navigation → the popup's script running and asking for the roles (HTML, modules, CSS). */
  boot: number;
  /** Reading the roles: the opening mirror in localStorage (synchronous) and parsing it. */
  rolesList: number;
  /** Roles received → list painted: the popup's own work (order, layout, render, paint). */
  render: number;
  /**
   * The list on screen by the browser's own paint timing, as the floor's blank page is measured: its first
   * contentful paint when the list was in the first frame (it is, from the mirror), else `total`.
   */
  presented: number;
}

async function openToPainted(extension: ExtensionBrowser): Promise<Opening> {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/popup/index.html`);
  await untouched(page);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, LIST_PAINTED, { timeout: 30_000 });
  const marks = await page.evaluate((names) => {
    if (document.activeElement?.getAttribute('role') !== 'combobox') throw new Error('The search box is not focused.');
    return names.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN);
  }, [LIST_PAINTED, ROLES_REQUESTED, ROLES_RECEIVED, 'first-contentful-paint']);
  const [painted = Number.NaN, requested = Number.NaN, received = Number.NaN, contentful = Number.NaN] = marks;
  return { page, total: painted, boot: requested, rolesList: received - requested, render: painted - received, presented: Math.max(painted, contentful) };
}

/**
 * Closes a popup once the work it does after its first paint is over (the storage.local check, the sessions
 * list, which wakes the worker, and the search text built when idle), as it is when a person has used it: a popup
 * closed within milliseconds of opening leaves that work to compete with the next measured opening.
 */
async function settleAndClose(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2_000 })));
  await page.waitForTimeout(200);
  await page.close();
}

async function keystrokes(page: Page): Promise<number[]> {
  const samples: number[] = [];
  const search = page.getByRole('combobox', { name: 'Search roles' });
  for (const query of QUERIES) {
    for (const key of query) {
      const before = await page.evaluate((name) => performance.getEntriesByName(name).length, FILTER_PAINTED);
      await search.press(key === ' ' ? 'Space' : key);
      await page.waitForFunction(({ name, count }) => performance.getEntriesByName(name).length > count, { name: FILTER_PAINTED, count: before });
      samples.push(await page.evaluate((name) => performance.getEntriesByName(name).at(-1)?.duration ?? Number.NaN, FILTER_PAINTED));
    }
    await search.press('Escape');
  }
  return samples;
}

/** Used JS heap after a full garbage collection, in MB: the popup's, when it is the only extension page open. */
async function heapMb(extension: ExtensionBrowser, page: Page): Promise<number> {
  const cdp = await extension.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

export async function popupFigures(extension: ExtensionBrowser, runs: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  // Any extension page left open by earlier figures would share the heap being measured.
  for (const page of extension.context.pages()) if (page.url().startsWith('chrome-extension://')) await page.close();
  for (const count of ROLE_COUNTS) {
    await loadRoles(extension, count);
    const label = count.toLocaleString('en');
    // One unmeasured opening: it reads the new index from storage.local and leaves the opening mirror that every
    // later opening starts from (src/platform/opening-mirror.ts).
    await settleAndClose((await openToPainted(extension)).page);
    const openings: Opening[] = [];
    const floors: number[] = [];
    const heaps: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      // A blank extension page just before each popup: the browser's floor at that same moment, so the popup's own
      // cost (the difference) stands out of this shared machine's noise.
      floors.push(await openFloorPage(extension, 'blank'));
      const opening = await openToPainted(extension);
      openings.push(opening);
      if (count === 10_000 && run < 5) heaps.push(await heapMb(extension, opening.page));
      await settleAndClose(opening.page);
    }
    const target = count === 2_000 ? 50 : count === 10_000 ? 100 : undefined;
    figures.push(summarize(`popup opened → list painted + focused, ${label} roles`, 'ms', openings.map((o) => o.total), target));
    figures.push(summarize(`  blank extension page → first paint, opened just before each`, 'ms', floors));
    figures.push(summarize(`  list presented (browser paint timing, as the blank page)`, 'ms', openings.map((o) => o.presented)));
    figures.push(summarize(`  list presented − blank page painted (paired)`, 'ms', openings.map((o, i) => o.presented - (floors[i] ?? Number.NaN))));
    figures.push(summarize(`  of which page load → popup script runs`, 'ms', openings.map((o) => o.boot)));
    figures.push(summarize(`  of which roles read (opening mirror, parsed)`, 'ms', openings.map((o) => o.rolesList)));
    figures.push(summarize(`  of which roles read → list painted (render, frame)`, 'ms', openings.map((o) => o.render)));

    // The first opening after a configuration change, or ever: no usable mirror, so the popup waits for
    // storage.local. Each measured opening writes the mirror again, so it is cleared after each.
    const withoutMirror: number[] = [];
    for (let run = -1; run < Math.min(runs, 5); run += 1) {
      const opening = await openToPainted(extension);
      if (run >= 0) withoutMirror.push(opening.total);
      await opening.page.evaluate(() => localStorage.clear());
      await settleAndClose(opening.page);
    }
    figures.push(summarize(`  first opening without a mirror (storage.local read), ${label} roles`, 'ms', withoutMirror));

    if (count === 10_000) {
      const { page } = await openToPainted(extension);
      figures.push(summarize(`keystroke → filtered list painted, ${label} roles`, 'ms', await keystrokes(page), 16));
      heaps.push(await heapMb(extension, page));
      await page.close();
      figures.push(summarize(`popup JS heap, ${label} roles`, 'MB', heaps, 20));
    }
  }
  return figures;
}
