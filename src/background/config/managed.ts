/**
 * The organisation's layer: the policy in `storage.managed` (core/managed-policy.ts) and, when the policy names its
 * configuration by URL, the last good copy fetched from there (`config.managedCopy`, refreshed with the
 * subscription: refresh.ts; read and written through layer-copy.ts, which keeps the last copy in memory).
 * The policy is read through a copy in storage.local (`config.managedPolicy`), which the worker refreshes on every
 * wake and on every change of the managed area: Chromium answers `storage.managed` only once its policy service is
 * up, about 2.5 s after the browser starts (measured on Chromium 156, with and without a policy), and every
 * configuration read waiting for it would hold the first sign-in and the options page that long. A policy pushed
 * while the browser runs arrives as a managed change and is in force as soon as it is copied.
 */
import { afterFetch, diffConfigs, type FetchedCopy } from '../../core/config/fetched-config';
import { parseConfig } from '../../core/config/index';
import { readManagedPolicy, type ManagedPolicy } from '../../core/managed-policy';
import { readManagedStorage } from '../../platform/managed-storage';
import { readStored, removeStored, writeStored } from '../../platform/storage';
import { fetchConfig } from './fetch-config';
import { readCopy, writeCopy } from './layer-copy';

export async function loadManagedPolicy(): Promise<ManagedPolicy | undefined> {
  return readManagedPolicy((await readStored('config.managedPolicy')) ?? {});
}

/** Copies `storage.managed` when it differs from the copy (written only then: a write is a configuration change). */
export async function mirrorManagedPolicy(): Promise<void> {
  const [policy, copy] = await Promise.all([readManagedStorage(), readStored('config.managedPolicy')]);
  if (JSON.stringify(policy) === JSON.stringify(copy ?? {})) return;
  if (Object.keys(policy).length === 0) await removeStored('config.managedPolicy');
  else await writeStored('config.managedPolicy', policy);
}

export interface ManagedText {
  policy: ManagedPolicy;
  /** The configuration in force from the policy: its own text, or the last good copy from its URL ('' before one). */
  text: string;
  /** For a policy that names a URL: the copy and how its fetches went. */
  copy?: FetchedCopy;
}

export async function loadManagedText(): Promise<ManagedText | undefined> {
  const policy = await loadManagedPolicy();
  if (!policy) return undefined;
  if (policy.configuration !== undefined) return { policy, text: policy.configuration };
  if (policy.configurationUrl === undefined) return { policy, text: '' };
  const copy = await readCopy('config.managedCopy');
  // A copy of another address (the policy changed) is not the organisation's configuration any more.
  return copy?.url === policy.configurationUrl ? { policy, text: copy.text, copy } : { policy, text: '' };
}

/**
 * Fetches the policy's URL (`force`: now; else only when no attempt of this address was made yet) and keeps the
 * copy when it is good. Returns the record after it, or undefined when the policy names no URL.
 */
export async function refreshManagedCopy(force: boolean, now = Date.now()): Promise<FetchedCopy | undefined> {
  const policy = await loadManagedPolicy();
  const url = policy?.configurationUrl;
  if (url === undefined) return undefined;
  const previous = await readCopy('config.managedCopy');
  if (!force && previous?.url === url) return previous;
  const kept = previous?.url === url ? previous : undefined;
  const fetched = await fetchConfig(url);
  const next = afterFetch(kept, url, now, fetched.ok
    ? { ok: true, text: fetched.text, removedKeys: fetched.removedKeys, diff: diffConfigs(kept?.text ? parseConfig(kept.text) : undefined, fetched.model) }
    : fetched);
  await writeCopy('config.managedCopy', next);
  return next;
}
