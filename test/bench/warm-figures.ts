/**
 * Click → login sent where people really are (issue 16): AWS 100 ms away (`AWS_SANDBOX_NETWORK`, default
 * `aws-100ms`: every request one round trip, every new connection two more), with cold connections, warming on and
 * off, alternated run by run so both see the same machine. Each run starts as a person's first click after a while:
 * the worker stopped, every connection closed; the popup opens and its warming is answered. "Off" then stops the
 * worker again (forgetting its primed SDK), closes every connection and wakes the worker as the popup's own questions
 * do once it has painted: the click finds what it would without warming. The click is dispatched to the row, not
 * made with the pointer, which would rest on the row and warm it.
 *
 * A third mode, warming on with an AWS console tab open (the usual case after a first sign-in): the console page then
 * connects ahead for the login's own navigation too (warm-logins.ts), which nothing else can.
 *
 * Split, from the sandbox's records: the round trips AWS requires (AssumeRole and getSigninToken, arrival to answer
 * sent); the connection setups on the click's path (a request that opened its connection after the click: that
 * connection's handshake time); and the rest, the extension's own time (popup, worker, SDK, launch page, browser).
 */
import type { CDPSession, Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch/browser';
import { applyNetworkProfile, networkProfile, NETWORK_PROFILES, type Sandbox } from '../sandbox/index';
import type { RequestLogEntry } from '../sandbox/state';
import { arrival } from './click-figures';
import { summarize, type Figure } from './stats';

const PROFILE = 'dev-developer';
/**
 * How long after the popup's warming is answered the click comes, in both modes: a person reads the list first.
 * Half a second is quick for that; it leaves the worker idle again, as it is by the time a person clicks.
 */
const READING_MS = 500;
/** The hosts dev-developer's sign-in calls from the worker (eu-west-1): what the popup's warming opens. */
const WARMED = ['sts.eu-west-1.amazonaws.com', 'eu-west-1.signin.aws.amazon.com'];
/** The hosts dev-developer's login navigates to: what a console page connects to ahead when one is open. */
const LOGIN_HOSTS = ['eu-west-1.signin.aws.amazon.com', 'eu-west-1.console.aws.amazon.com'];
/** A console page of the same site, open in a tab before the popup (the sandbox serves it on the real host name). */
const CONSOLE_PAGE = 'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1';

type Mode = 'on' | 'console' | 'off';

interface WarmClick {
  total: number;
  roundTrips: number;
  setups: number;
  /** Connections opened on the click's path, by the request that opened them. */
  opened: string[];
  own: number;
  /** The extension's own time in three parts: before AssumeRole, between the two round trips, after getSigninToken. */
  toAssumeRole: number;
  toSigninToken: number;
  toLogin: number;
}

export async function warmFigures(extension: ExtensionBrowser, sandbox: Sandbox, keep: Page, runs: number): Promise<Figure[]> {
  const name = process.env.AWS_SANDBOX_NETWORK ?? 'aws-100ms';
  const network = networkProfile(name);
  const cdp = await extension.context.newCDPSession(keep);
  await cdp.send('ServiceWorker.enable');
  const on: WarmClick[] = [];
  const withConsole: WarmClick[] = [];
  const off: WarmClick[] = [];
  applyNetworkProfile(sandbox.state, network);
  try {
    for (let run = 0; run < runs; run += 1) {
      on.push(await measure(extension, sandbox, keep, cdp, 'on'));
      withConsole.push(await measure(extension, sandbox, keep, cdp, 'console'));
      off.push(await measure(extension, sandbox, keep, cdp, 'off'));
    }
  } finally {
    applyNetworkProfile(sandbox.state, NETWORK_PROFILES.local);
  }
  const where = `AWS ${network.latencyMs} ms away, cold connections`;
  const rows = (label: string, clicks: WarmClick[], target?: number) => [
    summarize(`${where}, warming ${label}: click → login sent`, 'ms', clicks.map((c) => c.total)),
    summarize(`  the round trips AWS requires (AssumeRole, getSigninToken)`, 'ms', clicks.map((c) => c.roundTrips)),
    summarize(`  everything else`, 'ms', clicks.map((c) => c.total - c.roundTrips), target),
    summarize(`    of which connection setup on the click\u2019s path (TCP + TLS)`, 'ms', clicks.map((c) => c.setups)),
    summarize(`    of which the extension\u2019s own time (popup, worker, SDK, launch page)`, 'ms', clicks.map((c) => c.own)),
    summarize(`      click → AssumeRole sent (popup, worker, vault, SDK)`, 'ms', clicks.map((c) => c.toAssumeRole)),
    summarize(`      AssumeRole answered → getSigninToken sent`, 'ms', clicks.map((c) => c.toSigninToken)),
    summarize(`      getSigninToken answered → login sent (launch page)`, 'ms', clicks.map((c) => c.toLogin)),
  ];
  printOpened('warming on', on);
  printOpened('warming on, a console tab open', withConsole);
  printOpened('warming off', off);
  return [...rows('on', on, 60), ...rows('on, a console tab open', withConsole, 60), ...rows('off', off)];
}

/** Which connections the click's path had to open, as the runs found them (the network log's proof of reuse). */
function printOpened(label: string, clicks: WarmClick[]): void {
  const seen = new Map<string, number>();
  for (const click of clicks) {
    const key = click.opened.length === 0 ? 'none' : click.opened.join(', ');
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const lines = [...seen].map(([opened, count]) => `${opened} (${count} of ${clicks.length} runs)`);
  console.log(`Connections opened on the click's path, ${label}: ${lines.join('; ')}`);
}

async function measure(extension: ExtensionBrowser, sandbox: Sandbox, keep: Page, cdp: CDPSession, mode: Mode): Promise<WarmClick> {
  for (const open of extension.context.pages()) if (open !== keep) await open.close();
  if (mode === 'console') await (await extension.context.newPage()).goto(CONSOLE_PAGE);
  // A first click after a while: no worker running (nothing remembered of earlier warmings), no connection open.
  await cdp.send('ServiceWorker.stopAllWorkers');
  await closeAll(sandbox);
  const from = sandbox.state.requests.length;
  const since = Date.now();

  const popup = await extension.openPage('popup/index.html');
  const button = popup.getByRole('option', { name: PROFILE, exact: true });
  await button.waitFor();
  // The popup's warming, answered: as a person's click comes well after the list is there.
  await until(() => WARMED.every((host) => sandbox.state.requests.slice(from).some((request) => request.host === host && request.method === 'HEAD')));
  // With a console tab: its page's connections for the login, a handshake each and no request.
  if (mode === 'console') {
    await until(() => LOGIN_HOSTS.every((host) => sandbox.state.connections.some((c) => c.openedAt >= since && c.host === host && c.readyAt !== undefined && c.requests === 0)));
  }
  if (mode === 'off') {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await closeAll(sandbox);
    await popup.evaluate(`chrome.runtime.sendMessage({ type: 'sessions.list', request: {} })`);
  }

  await popup.waitForTimeout(READING_MS);
  await popup.evaluate(() => {
    document.addEventListener('click', (event) => ((globalThis as { clickedAt?: number }).clickedAt = performance.timeOrigin + event.timeStamp), {
      capture: true,
      once: true,
    });
  });
  const before = Date.now();
  await button.dispatchEvent('click');
  const clickedAt = await popup.evaluate(() => (globalThis as { clickedAt?: number }).clickedAt ?? Number.NaN);
  const login = await arrival(sandbox, 'login', before);
  const assume = await arrival(sandbox, 'AssumeRole', before);
  const token = await arrival(sandbox, 'getSigninToken', before);
  const roundTrips = assume.answeredAt - assume.receivedAt + (token.answeredAt - token.receivedAt);
  const path = [assume, token, login];
  const opened = path.filter((request) => openedAfter(sandbox, request, clickedAt));
  const setup = (request: RequestLogEntry) => (opened.includes(request) ? setupOf(sandbox, request) : 0);
  const setups = path.reduce((sum, request) => sum + setup(request), 0);
  const total = login.receivedAt - clickedAt;
  return {
    total,
    roundTrips,
    setups,
    opened: opened.map((request) => `${request.action ?? request.path} (${request.host})`),
    own: total - roundTrips - setups,
    toAssumeRole: assume.receivedAt - clickedAt - setup(assume),
    toSigninToken: token.receivedAt - assume.answeredAt - setup(token),
    toLogin: login.receivedAt - token.answeredAt - setup(login),
  };
}

/** The request came on a connection it opened itself, after the click. */
function openedAfter(sandbox: Sandbox, request: RequestLogEntry, clickedAt: number): boolean {
  const connection = sandbox.state.connections.find((c) => c.id === request.connection);
  return request.onConnection === 1 && connection !== undefined && connection.openedAt >= clickedAt;
}

function setupOf(sandbox: Sandbox, request: RequestLogEntry): number {
  const connection = sandbox.state.connections.find((c) => c.id === request.connection);
  return connection?.readyAt !== undefined ? connection.readyAt - connection.openedAt : 0;
}

/** Every connection closed, including one the browser opens meanwhile (a page's preconnect). */
async function closeAll(sandbox: Sandbox): Promise<void> {
  await until(() => {
    sandbox.closeConnections();
    return sandbox.state.connections.every((connection) => connection.closedAt !== undefined);
  });
}

async function until(done: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('The benchmark waited in vain (warming, or connections closing).');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
