/**
 * Firefox containers, one per role (rules in src/core/containers.ts). Chrome and Edge have no
 * `contextualIdentities`, and Firefox can have containers switched off: there every function here answers
 * `undefined` or does nothing, and consoles open in the browser's one cookie jar as before.
 */
import browser, { type ContextualIdentities } from 'webextension-polyfill';
import { containerSpec, liveOwned, planContainer, staleContainers, type ExistingContainer } from '../core/containers';
import { readStored, writeStored } from './storage';

/** Feature detection, not browser sniffing: the polyfill answers `undefined` for an API Chrome lacks. */
function identities(): ContextualIdentities.Static | undefined {
  return (browser as Partial<typeof browser>).contextualIdentities;
}

/** Every container, or undefined when there are none to be had (no API, or containers switched off). */
async function allContainers(api: ContextualIdentities.Static): Promise<ExistingContainer[] | undefined> {
  try {
    return await api.query({});
  } catch {
    // Firefox rejects with "Contextual identities are currently disabled" when privacy.userContext.enabled is off.
    return undefined;
  }
}

/** The cookieStoreId of the role's container, found by name or made; `undefined` where there are no containers. */
export async function containerFor(profile: { name: string; color?: string }): Promise<string | undefined> {
  const api = identities();
  const existing = api && (await allContainers(api));
  if (!api || !existing) return undefined;
  const owned = liveOwned((await readStored('containers.owned')) ?? [], existing);
  const plan = planContainer(containerSpec(profile), existing, owned);
  if (plan.action === 'use') return plan.cookieStoreId;
  if (plan.action === 'update') {
    await api.update(plan.cookieStoreId, plan.changes);
    return plan.cookieStoreId;
  }
  const made = await api.create(plan.spec);
  // Two sign-ins of one role at once each make one: both then settle on the oldest and the newer is removed. The
  // person's own containers of that name (there before, never owned) are not candidates.
  const theirs = new Set(existing.filter((container) => !owned.includes(container.cookieStoreId)).map((container) => container.cookieStoreId));
  const now = await api.query({});
  const named = now.filter((container) => container.name === plan.spec.name && !theirs.has(container.cookieStoreId));
  const kept = planContainer(plan.spec, named, named.map((container) => container.cookieStoreId));
  const keptId = kept.action === 'create' ? made.cookieStoreId : kept.cookieStoreId;
  if (keptId !== made.cookieStoreId) await api.remove(made.cookieStoreId);
  const stored = liveOwned((await readStored('containers.owned')) ?? [], now).filter((id) => id !== made.cookieStoreId);
  await writeStored('containers.owned', [...new Set([...stored, keptId])]);
  return keptId;
}

/**
 * Removes the containers this extension made for profiles that no longer exist, unless a tab is open in one
 * (removing a container deletes its cookies). Containers the person made are never removed. Best effort: a
 * container left behind is harmless, so a failure here never fails the save that asked for it.
 */
export async function removeStaleContainers(profileNames: readonly string[]): Promise<void> {
  const api = identities();
  const existing = api && (await allContainers(api));
  if (!api || !existing) return;
  try {
    const owned = liveOwned((await readStored('containers.owned')) ?? [], existing);
    const tabs = await browser.tabs.query({});
    const inUse = new Set(tabs.flatMap((tab) => (tab.cookieStoreId === undefined ? [] : [tab.cookieStoreId])));
    const stale = staleContainers(existing, owned, profileNames, inUse);
    const removed = await Promise.all(stale.map((id) => api.remove(id).then(() => id, () => undefined)));
    await writeStored('containers.owned', owned.filter((id) => !removed.includes(id)));
  } catch {
    // Left for the next save.
  }
}
