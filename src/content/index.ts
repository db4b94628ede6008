/**
 * The console content script (console hosts only, see manifest.json). It asks the background for the display data
 * of its tab's session, draws the bar, and reports what the page says about itself (multi-session on, the session
 * differentiator), which the background uses to confirm which session the tab shows. It never sees credentials.
 *
 * The console is a single-page application: the URL changes without a page load. The bar is re-asked when the
 * URL changes (checked with the countdown, every second), when the tab becomes visible, and when the background
 * says the session changed (expired, replaced, renewed). While the popup is open it may also ask this page to
 * connect ahead to where the next login goes (preconnect.ts).
 */
import browser from 'webextension-polyfill';
import { send, type ContentEvent, type TabDisplay } from '../messages';
import { createBar } from './bar';
import { readPageFacts } from './page-facts';
import { preconnect } from './preconnect';

const bar = createBar(document);
// Page-lifetime state of this content script (not the worker's): what was last answered, and for which URL.
let display: TabDisplay | null = null;
let askedFor = '';

async function ask(): Promise<void> {
  askedFor = location.href;
  // `since`: this document's start, so the background can tell this page from one a new login replaces.
  const answer = await send('sessions.tabInfo', { page: { ...readPageFacts(document), since: Math.floor(performance.timeOrigin) } });
  display = answer.ok ? answer.value.display : null;
  bar.render(display, Date.now());
}

setInterval(() => {
  if (location.href !== askedFor) void ask();
  else bar.render(display, Date.now());
}, 1000);

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void ask();
});

browser.runtime.onMessage.addListener((message: unknown) => {
  if (typeof message !== 'object' || message === null) return undefined;
  const event = message as ContentEvent;
  if (event.event === 'tabSession.changed') void ask();
  if (event.event === 'connections.preconnect') preconnect(document, event.hosts, location.hostname);
  return undefined;
});

void ask();
