/**
 * The session messages. All are `extension-pages` only except `sessions.tabInfo`, the content script's, which
 * answers display data for the sender's own tab (src/messages.ts AUDIENCE); what its page says also feeds
 * auto-assume (sources/console/auto-assume.ts), which acts on that tab only, never on what the message asks.
 */
import { consolePlace } from '../../core/sessions/console-place';
import { tabDisplay } from '../../core/sessions/display';
import { MAX_WARN_MINUTES } from '../../core/sessions/model';
import type { HandlerMap } from '../handler-map';
import { focusSession, forget, signOutAll, signOutSession } from './actions';
import { renewSession } from './renew';
import { scheduleTimers } from './schedule';
import { readRegistry, saveSessionSettings } from './store';
import { overview } from './summary';
import { observe } from './tabs';
import { reconcileSessions } from './timers';
import { SignInError } from '../sign-in/sign-in-error';
import { consolePageIn } from '../sources/console/auto-assume';

type SessionMessages = 'sessions.list' | 'sessions.focus' | 'sessions.renew' | 'sessions.signOut' | 'sessions.signOutAll' | 'sessions.forget' | 'sessions.saveSettings' | 'sessions.tabInfo';

export const sessionHandlers: HandlerMap<SessionMessages> = {
  // Brought up to date first: the popup may open before a late alarm has fired.
  'sessions.list': async () => overview(await reconcileSessions()),
  'sessions.focus': async ({ id, tabId }) => {
    await focusSession(text(id), typeof tabId === 'number' ? tabId : undefined);
    return {};
  },
  'sessions.renew': ({ id, mfaCode, requestId }) =>
    renewSession(text(id), { ...(typeof mfaCode === 'string' && { mfaCode }), ...(typeof requestId === 'string' && { requestId }) }),
  'sessions.signOut': async ({ id }) => {
    await signOutSession(text(id));
    return {};
  },
  'sessions.signOutAll': async () => ({ signedOut: await signOutAll() }),
  'sessions.forget': async ({ id }) => {
    await forget(text(id));
    return {};
  },
  'sessions.saveSettings': async ({ warnMinutes, autoRenew }) => {
    if (warnMinutes !== undefined && (!Number.isInteger(warnMinutes) || warnMinutes < 0 || warnMinutes > MAX_WARN_MINUTES)) {
      throw new SignInError('bad-request', `Choose a warning time from 1 to ${MAX_WARN_MINUTES} minutes, or 0 for no warning.`);
    }
    const settings = await saveSessionSettings({
      ...(warnMinutes !== undefined && { warnMinutes }),
      ...(autoRenew !== undefined && { autoRenew: { profile: text(autoRenew.profile), on: autoRenew.on === true } }),
    });
    const registry = await readRegistry();
    await scheduleTimers(registry, settings.warnMinutes);
    return overview(registry);
  },
  'sessions.tabInfo': async ({ page }, from) => {
    // Only for the sender's own tab, and only on a console page: the URL comes from the browser, not the message.
    if (from?.tabId === undefined || from.url === undefined || !consolePlace(from.url)) return { display: null };
    const facts = {
      ...(typeof page?.prismModeEnabled === 'boolean' && { prismModeEnabled: page.prismModeEnabled }),
      ...(typeof page?.differentiator === 'string' && /^[a-z0-9]{1,64}$/.test(page.differentiator) && { differentiator: page.differentiator }),
      ...(typeof page?.since === 'number' && Number.isFinite(page.since) && { since: page.since }),
    };
    const registry = await observe(from.tabId, { url: from.url, page: facts });
    // Auto-assume (opt-in) decides on its own, after the answer: a switch would outlive this page.
    void consolePageIn(from.tabId, from.url, facts.differentiator).catch(() => undefined);
    return { display: tabDisplay(registry, from.tabId) ?? null };
  },
};

function text(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new SignInError('bad-request', 'The request is missing a session. Reload the popup and try again.');
  return value;
}
