/**
 * Click → console login for `npm run bench`, against the zero-latency sandbox: from the click event in the popup
 * to the `Action=login` request reaching the federation endpoint, and the extension's own share of it, that is
 * minus the two round trips (AssumeRole, getSigninToken) as the sandbox timed them, arrival to answer sent.
 * Loopback connection set-up and TLS count as the extension's: they are the browser's work, not AWS's.
 * With AWS 100 ms away and connections that cost their handshakes: warm-figures.ts.
 */
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch/browser';
import type { Sandbox } from '../sandbox/index';
import type { RequestLogEntry } from '../sandbox/state';
import { summarize, type Figure } from './stats';

const PROFILE = 'dev-developer';

interface Click {
  total: number;
  own: number;
  toAssumeRole: number;
  toSigninToken: number;
  toLogin: number;
}

/**
 * `largeConfig(n)`: the same roles among n more, loaded last: the worker reads and parses the configuration before
 * STS, so this is where a large configuration shows; 5,000 fit in sync, 12,000 do not (kept in storage.local).
 */
export async function clickFigures(extension: ExtensionBrowser, sandbox: Sandbox, keep: Page, runs: number, largeConfig: (profiles: number) => Promise<void>): Promise<Figure[]> {
  const clicks = await measureClicks(extension, sandbox, keep, runs);
  await largeConfig(5_000);
  const large = await measureClicks(extension, sandbox, keep, Math.min(runs, 10));
  await largeConfig(12_000);
  const huge = await measureClicks(extension, sandbox, keep, Math.min(runs, 10));
  return [
    summarize('click → login navigation (incl. 2 round trips)', 'ms', clicks.map((c) => c.total)),
    summarize('  the extension\u2019s own time (minus the 2 round trips)', 'ms', clicks.map((c) => c.own), 50),
    summarize('  of which click → AssumeRole sent (popup, worker, SDK, signing)', 'ms', clicks.map((c) => c.toAssumeRole)),
    summarize('  of which AssumeRole answered → getSigninToken sent', 'ms', clicks.map((c) => c.toSigninToken)),
    summarize('  of which getSigninToken answered → login sent (console tab)', 'ms', clicks.map((c) => c.toLogin)),
    summarize('click → login navigation, 5,000 more profiles configured', 'ms', large.map((c) => c.total)),
    summarize('  of which click → AssumeRole sent', 'ms', large.map((c) => c.toAssumeRole)),
    summarize('click → login navigation, 12,000 more (too large for sync)', 'ms', huge.map((c) => c.total)),
    summarize('  of which click → AssumeRole sent', 'ms', huge.map((c) => c.toAssumeRole)),
  ];
}

async function measureClicks(extension: ExtensionBrowser, sandbox: Sandbox, keep: Page, runs: number): Promise<Click[]> {
  const clicks: Click[] = [];
  for (let run = 0; run < runs; run += 1) {
    const popup = await extension.openPage('popup/index.html');
    const button = popup.getByRole('option', { name: PROFILE, exact: true });
    await button.waitFor();
    // The click's own time, from the event in the page (epoch ms): Playwright's steps before it do not count.
    await popup.evaluate(() => {
      document.addEventListener('click', (event) => ((globalThis as { clickedAt?: number }).clickedAt = performance.timeOrigin + event.timeStamp), {
        capture: true,
        once: true,
      });
    });
    const before = Date.now();
    await button.click();
    const clickedAt = await popup.evaluate(() => (globalThis as { clickedAt?: number }).clickedAt ?? Number.NaN);
    const login = await arrival(sandbox, 'login', before);
    const assume = await arrival(sandbox, 'AssumeRole', before);
    const token = await arrival(sandbox, 'getSigninToken', before);
    const roundTrips = assume.answeredAt - assume.receivedAt + (token.answeredAt - token.receivedAt);
    clicks.push({
      total: login.receivedAt - clickedAt,
      own: login.receivedAt - clickedAt - roundTrips,
      toAssumeRole: assume.receivedAt - clickedAt,
      toSigninToken: token.receivedAt - assume.answeredAt,
      toLogin: login.receivedAt - token.answeredAt,
    });
    for (const open of extension.context.pages()) if (open !== keep) await open.close();
  }
  return clicks;
}

/** The first request of this action that arrived after `since`, once it has been answered. */
export async function arrival(
  sandbox: Sandbox,
  action: string,
  since: number,
  timeoutMs = 15_000,
  matches: (request: RequestLogEntry) => boolean = (request) => request.action === action,
): Promise<RequestLogEntry> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = sandbox.state.requests.find((request) => matches(request) && request.receivedAt >= since);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No ${action} request reached the sandbox.`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
