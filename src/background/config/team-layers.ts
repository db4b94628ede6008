/**
 * The read-only layers beside the person's own text, as the worker merges them (core/config/layers.ts): the
 * organisation's (managed.ts) and the subscription (subscription.ts). Read on every use, parsed only when a text
 * changed (the last parse of each is kept while the worker lives, like the own text's in store.ts).
 */
import { parseConfig, type ConfigModel } from '../../core/config/index';
import { mergeLayers, type ConfigLayer } from '../../core/config/layers';
import { loadManagedText } from './managed';
import { loadSubscription } from './subscription';

/** Who the organisation's layer is, inside a sentence. */
export const MANAGED_LABEL = 'your organisation\u2019s configuration';

export function subscriptionLabel(url: string): string {
  return `your subscription (${new URL(url).host})`;
}

export async function loadLayers(): Promise<ConfigLayer[]> {
  const [managed, subscription] = await Promise.all([loadManagedText(), loadSubscription()]);
  const layers: ConfigLayer[] = [];
  if (managed && managed.text !== '') layers.push({ id: 'managed', group: managed.policy.group, label: MANAGED_LABEL, model: parsed(managed.text) });
  if (subscription && subscription.text !== '') {
    layers.push({ id: 'subscription', group: subscription.group, label: subscriptionLabel(subscription.url), model: parsed(subscription.text) });
  }
  return layers;
}

/** The person's own model with the layers in force merged in. */
export async function withLayers(own: ConfigModel): Promise<ConfigModel> {
  return mergeLayers(own, await loadLayers());
}

/** The last parse of each layer's text; read-only (no caller changes a model). */
const lastParsed = new Map<string, ConfigModel>();

function parsed(text: string): ConfigModel {
  let model = lastParsed.get(text);
  if (!model) {
    model = parseConfig(text);
    // The two layers' texts, and one earlier text each: a refresh or a new policy replaces them.
    if (lastParsed.size >= 4) lastParsed.delete(lastParsed.keys().next().value ?? '');
    lastParsed.set(text, model);
  }
  return model;
}
