/**
 * The console's own switch-role, sent from the console page (page internals: page-reader.ts; fields:
 * src/core/console-switch/switch-request.ts):
 * - classic mode: a form POSTed in the page, same tab; AWS answers with the redirect (switched) or its Switch Role
 *   page with the refusal (the tab is then sent back to where it was: never left half-switched);
 * - multi-session mode: a `fetch` from the page with its cookies; AWS answers JSON with the new session's
 *   `destination` (checked: a console URL of the partition), opened in the tab the person chose.
 * AWS's refusal becomes one sentence: "AWS refused to switch to <role>: <message>".
 */
import type { RoleProfile } from '../../../core/config/index';
import { classicSwitchForm, httpsHost, isSigninHost, multiSessionSwitch, type ConsolePage } from '../../../core/console-switch/switch-request';
import { safeConsoleDestination } from '../../../core/federation';
import { isConsoleHost } from '../../../core/partitions';
import type { OpenIn } from '../../../messages';
import { nextLoad, runInPage } from '../../../platform/page-script';
import { navigateTab } from '../../../platform/tab-control';
import { openUrl } from '../../../platform/tabs';
import { SignInError } from '../../sign-in/sign-in-error';

/** How long AWS gets to answer a switch. */
const SWITCH_TIMEOUT_MS = 20_000;

function refused(role: RoleProfile, message: string): SignInError {
  const error = new SignInError('federation-error', `AWS refused to switch to ${role.name}: ${message}`);
  error.fix = 'profile';
  error.subject = role.name;
  return error;
}

/* eslint-disable no-restricted-globals -- runs in the console page (scripting.executeScript, MAIN world), never in the worker */
/** Runs in the page (MAIN world): a hidden form, submitted to the top window. Serialized: nothing from outside. */
function submitInPage(action: string, fields: Record<string, string>): boolean {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = action;
  form.target = '_top';
  form.style.display = 'none';
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  (document.body ?? document.documentElement).append(form);
  HTMLFormElement.prototype.submit.call(form);
  return true;
}
/* eslint-enable no-restricted-globals */

/** Runs in the page (MAIN world): the multi-session request with the page's cookies. */
async function fetchInPage(url: string, body: Record<string, string>): Promise<{ status: number; json: unknown }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', 'X-CSRF-PROTECTION': '1' },
      body: JSON.stringify(body),
    });
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    return { status: response.status, json };
  } catch {
    return { status: 0, json: null };
  }
}

/* eslint-disable no-restricted-globals -- runs in the console page (scripting.executeScript, MAIN world), never in the worker */
/** Runs in the refusal page (MAIN world): the text of its alert, where the console says why. */
function refusalText(): string | undefined {
  for (const element of Array.from(document.querySelectorAll('[role="alert"], .awsui-alert, #error, .error'))) {
    const value = element.textContent?.replace(/\s+/g, ' ').trim();
    if (value) return value.slice(0, 300);
  }
  return undefined;
}
/* eslint-enable no-restricted-globals */

/** Classic mode: the form in the page; resolves once the tab shows the switched console, else throws. */
export async function classicSwitch(tabId: number, page: ConsolePage, role: RoleProfile, from: string, redirect: string): Promise<void> {
  const form = classicSwitchForm(page, role, redirect);
  const landing = nextLoad(tabId, SWITCH_TIMEOUT_MS);
  try {
    await runInPage(tabId, submitInPage, form.action, form.fields);
  } catch {
    landing.cancel();
    throw new SignInError('internal', `The switch to ${role.name} could not be sent from this tab; reload the console page and try again.`);
  }
  const landed = await landing.done;
  const host = landed !== undefined ? httpsHost(landed) : undefined;
  if (host !== undefined && isConsoleHost(page.partition, host)) return;
  if (host !== undefined && isSigninHost(page.partition, host)) {
    // AWS's Switch Role page with its refusal: read it, then back to the page the person was on.
    const said = await runInPage(tabId, refusalText).catch(() => undefined);
    await navigateTab(tabId, from).catch(() => undefined);
    throw refused(role, typeof said === 'string' && said !== '' ? said : 'the console answered with its Switch Role page.');
  }
  throw new SignInError('timeout', `The console did not answer the switch to ${role.name} in time; check the tab and try again.`);
}

/** Multi-session mode: the JSON request from the page; returns the tab the new session opens in. */
export async function multiSessionSwitchTo(tabId: number, page: ConsolePage, role: RoleProfile, redirect: string, openIn: OpenIn): Promise<{ tabId: number | undefined; destination: string }> {
  const request = multiSessionSwitch(page, role, redirect);
  if (!request) throw new SignInError('internal', 'The console page did not say which session it shows; reload it and try again.');
  const answer = await runInPage(tabId, fetchInPage, request.url, request.body).catch(() => undefined);
  if (!answer || answer.status === 0) {
    throw new SignInError('network', 'AWS could not be reached from the console page. Check your network connection and try again.');
  }
  const json = typeof answer.json === 'object' && answer.json !== null ? (answer.json as Record<string, unknown>) : {};
  if (answer.status !== 200) {
    const message = typeof json.message === 'string' && json.message !== '' ? json.message.slice(0, 300) : `HTTP ${answer.status}.`;
    throw refused(role, message);
  }
  const destination = typeof json.destination === 'string' ? safeConsoleDestination(page.partition, json.destination) : undefined;
  if (destination === undefined) throw refused(role, 'it did not answer with a console page to open.');
  const opened = openIn === 'current-tab' ? await navigateTab(tabId, destination) : await openUrl(destination, openIn);
  return { tabId: opened, destination };
}

