/**
 * The messages of the read-only layers (core/config/layers.ts) for the options page: the organisation's policy, and
 * the subscription (subscribe, refresh by hand, unsubscribe). Each answer is what the page shows: the copy in use,
 * when it was fetched, why the last attempt was not used, and what the layer gives in the configuration in force.
 */
import type { FetchedCopy } from '../../core/config/fetched-config';
import type { ConfigModel, LayerId } from '../../core/config/index';
import type { FetchedConfigInfo, ManagedInfo } from '../../messages';
import { hostAccessGranted } from '../../platform/host-access';
import type { HandlerMap } from '../handler-map';
import { loadManagedText, refreshManagedCopy } from './managed';
import { toDiagnostic } from './roles-index';
import { syncRefreshAlarm } from './refresh';
import { loadConfig } from './store';
import { loadSubscription, refreshSubscription, subscribe, unsubscribe } from './subscription';

type LayerMessages = 'managed.get' | 'managed.refresh' | 'subscription.get' | 'subscription.subscribe' | 'subscription.refresh' | 'subscription.unsubscribe';

export const layerHandlers: HandlerMap<LayerMessages> = {
  'managed.get': async () => ({ managed: await managedInfo() }),
  'managed.refresh': async () => {
    await refreshManagedCopy(true);
    return { managed: await managedInfo() };
  },
  'subscription.get': async () => ({ subscription: await subscriptionInfo() }),
  'subscription.subscribe': async ({ url, group }) => {
    const { change } = await subscribe(String(url), typeof group === 'string' ? group : undefined);
    await syncRefreshAlarm();
    const subscription = await subscriptionInfo();
    if (!subscription) throw new Error('subscription vanished');
    return { subscription, change };
  },
  'subscription.refresh': async () => {
    const refreshed = await refreshSubscription();
    return { subscription: await subscriptionInfo(), ...(refreshed?.change && { change: refreshed.change }) };
  },
  'subscription.unsubscribe': async () => {
    await unsubscribe();
    await syncRefreshAlarm();
    return {};
  },
};

async function managedInfo(): Promise<ManagedInfo | null> {
  const managed = await loadManagedText();
  if (!managed) return null;
  const { policy } = managed;
  const inForce = layerInForce(await loadConfig(), 'managed');
  return {
    group: policy.group,
    ...(policy.configuration !== undefined && { text: policy.configuration }),
    ...inForce,
    ...(policy.configurationUrl !== undefined && {
      fetched: await fetchedInfo(managed.copy ?? { url: policy.configurationUrl, text: '', fetchedAt: 0, checkedAt: 0, removedKeys: 0 }, policy.group, inForce),
    }),
    lockedSettings: policy.locked,
    allowVaultKeys: policy.allowVaultKeys,
    problems: policy.problems,
  };
}

async function subscriptionInfo(): Promise<FetchedConfigInfo | null> {
  const subscription = await loadSubscription();
  if (!subscription) return null;
  return fetchedInfo(subscription, subscription.group, layerInForce(await loadConfig(), 'subscription'));
}

async function fetchedInfo(copy: FetchedCopy, group: string, inForce: ReturnType<typeof layerInForce>): Promise<FetchedConfigInfo> {
  return {
    url: copy.url, group, text: copy.text, fetchedAt: copy.fetchedAt, checkedAt: copy.checkedAt, removedKeys: copy.removedKeys,
    ...(copy.failure && { failure: copy.failure }),
    ...(copy.lastChange && { lastChange: copy.lastChange }),
    ...inForce,
    hostAllowed: await hostAccessGranted(new URL(copy.url).origin),
  };
}

/** What a layer gives the configuration in force (none of it before its first good copy). */
function layerInForce(model: ConfigModel, id: LayerId): { roles: number; skipped: number; diagnostics: FetchedConfigInfo['diagnostics'] } {
  const report = model.layers?.find((layer) => layer.id === id);
  return report ? { roles: report.roles, skipped: report.skipped, diagnostics: report.diagnostics.map(toDiagnostic) } : { roles: 0, skipped: 0, diagnostics: [] };
}
