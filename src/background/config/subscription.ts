/**
 * The person's subscription: one https address of a team's configuration, chosen on the options page (whose click
 * asked the browser for that host), fetched, checked and compared with the copy in use before it replaces it
 * (core/config/fetched-config.ts), refreshed by the hour (refresh.ts) and by hand. A failure never touches the copy
 * in use: it is recorded with when it happened, and the options page says so beside when the copy was fetched.
 * Stored in `config.subscription` (storage.local, not secret: access keys are taken out of the text, and an address
 * with a credential in it is refused), through layer-copy.ts (which keeps the last copy read in memory).
 */
import { checkConfigUrl } from '../../core/config/config-url';
import { afterFetch, diffConfigs, type ConfigDiff, type SubscriptionRecord } from '../../core/config/fetched-config';
import { parseConfig } from '../../core/config/index';
import { SignInError } from '../sign-in/sign-in-error';
import { fetchConfig } from './fetch-config';
import { readCopy, removeCopy, writeCopy } from './layer-copy';

export type Subscription = SubscriptionRecord;

export async function loadSubscription(): Promise<Subscription | undefined> {
  const stored = await readCopy('config.subscription');
  return stored && typeof stored.url === 'string' && typeof stored.text === 'string' ? stored : undefined;
}

/**
 * Subscribes to `typed` (or changes the address): the first fetch must give a good configuration, else nothing is
 * stored and the error says why; the previous subscription, if any, stays until then.
 */
export async function subscribe(typed: string, group: string | undefined, now = Date.now()): Promise<{ subscription: Subscription; change: ConfigDiff }> {
  const checked = checkConfigUrl(typed);
  if (!checked.ok) throw new SignInError('bad-request', checked.reason);
  const previous = await loadSubscription();
  const fetched = await fetchConfig(checked.url);
  if (!fetched.ok) {
    throw new SignInError('invalid-config', `${fetched.reason}${previous ? ' Your subscription is unchanged.' : ' You are not subscribed.'}`);
  }
  const change = diffConfigs(previous?.text ? parseConfig(previous.text) : undefined, fetched.model);
  const copy = afterFetch(previous?.url === checked.url ? previous : undefined, checked.url, now, { ok: true, text: fetched.text, removedKeys: fetched.removedKeys, diff: change });
  const subscription: Subscription = { ...copy, lastChange: { ...change, at: now }, group: groupName(group, checked.url) };
  await writeCopy('config.subscription', subscription);
  return { subscription, change };
}

/** Fetches the subscription again; a good text replaces the copy, anything else keeps it and is recorded. */
export async function refreshSubscription(now = Date.now()): Promise<{ subscription: Subscription; change?: ConfigDiff } | undefined> {
  const previous = await loadSubscription();
  if (!previous) return undefined;
  const fetched = await fetchConfig(previous.url);
  const outcome = fetched.ok
    ? { ok: true as const, text: fetched.text, removedKeys: fetched.removedKeys, diff: diffConfigs(previous.text ? parseConfig(previous.text) : undefined, fetched.model) }
    : fetched;
  const subscription: Subscription = { ...afterFetch(previous, previous.url, now, outcome), group: previous.group };
  await writeCopy('config.subscription', subscription);
  return { subscription, ...(outcome.ok && { change: outcome.diff }) };
}

export async function unsubscribe(): Promise<void> {
  await removeCopy('config.subscription');
}

/** The popup's group for its roles: the name the person gave, else the file's host. */
function groupName(typed: string | undefined, url: string): string {
  const name = typed?.trim().slice(0, 80);
  return name ? name : new URL(url).host;
}
