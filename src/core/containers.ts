/**
 * One Firefox container per role (DESIGN.md, "Per-tab roles"): its console tabs share that container's cookie
 * jar, so any number of roles stay signed in side by side. The rules here are pure; src/platform/containers.ts
 * applies them to `browser.contextualIdentities`.
 *
 * A container is found by name, the profile's name, among the containers this extension made ("owned", their
 * cookieStoreIds kept in storage): only those are ever used, recoloured or removed. A container the person made is
 * never signed into, even under the same name: a shared configuration could otherwise name a profile after the
 * person's own "Personal" or "Banking" container and put an AWS session among its cookies. Then a new one is made
 * beside it.
 */
import { containerColor, type ContainerColor } from './container-color';

/** The identity icon (Firefox's fixed set): the role is an identity, and no other icon means "AWS role". */
export const CONTAINER_ICON = 'fingerprint';

export interface ContainerSpec {
  name: string;
  color: ContainerColor;
  icon: string;
}

/** What `contextualIdentities.query` answers, in the part used here. */
export interface ExistingContainer {
  cookieStoreId: string;
  name: string;
  color: string;
  icon: string;
}

export type ContainerPlan =
  | { action: 'use'; cookieStoreId: string }
  | { action: 'update'; cookieStoreId: string; changes: Partial<Pick<ContainerSpec, 'color' | 'icon'>> }
  | { action: 'create'; spec: ContainerSpec };

export function containerSpec(profile: { name: string; color?: string }): ContainerSpec {
  return { name: profile.name, color: containerColor(profile.color), icon: CONTAINER_ICON };
}

/**
 * Reuse by name an owned container (the oldest, if two sign-ins raced and made two), else make one; the person's
 * own containers are never used. An owned one whose colour or icon no longer matches the profile is updated.
 */
export function planContainer(spec: ContainerSpec, existing: readonly ExistingContainer[], owned: readonly string[]): ContainerPlan {
  const named = existing.filter((container) => container.name === spec.name);
  const mine = oldest(named.filter((container) => owned.includes(container.cookieStoreId)));
  if (mine) {
    const changes = {
      ...(mine.color !== spec.color && { color: spec.color }),
      ...(mine.icon !== spec.icon && { icon: spec.icon }),
    };
    return Object.keys(changes).length > 0 ? { action: 'update', cookieStoreId: mine.cookieStoreId, changes } : { action: 'use', cookieStoreId: mine.cookieStoreId };
  }
  return { action: 'create', spec };
}

/**
 * Owned containers no current profile uses, with no tab open in them: safe to remove. Removing a container
 * deletes its cookies, so a container in use stays until its tabs are closed.
 */
export function staleContainers(existing: readonly ExistingContainer[], owned: readonly string[], profileNames: readonly string[], inUse: ReadonlySet<string>): string[] {
  const names = new Set(profileNames);
  return existing
    .filter((container) => owned.includes(container.cookieStoreId) && !names.has(container.name) && !inUse.has(container.cookieStoreId))
    .map((container) => container.cookieStoreId);
}

/** The owned list without containers that are gone (removed by the person, or by us). */
export function liveOwned(owned: readonly string[], existing: readonly ExistingContainer[]): string[] {
  const ids = new Set(existing.map((container) => container.cookieStoreId));
  return owned.filter((id) => ids.has(id));
}

/** Firefox numbers containers `firefox-container-<n>` in creation order; anything else sorts last. */
function oldest(containers: readonly ExistingContainer[]): ExistingContainer | undefined {
  const order = (container: ExistingContainer) => Number(/(\d+)$/.exec(container.cookieStoreId)?.[1] ?? Infinity);
  return [...containers].sort((a, b) => order(a) - order(b))[0];
}
