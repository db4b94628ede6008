/**
 * The configuration as the background sees it: the stored text, parsed on demand (and the last parse kept while the
 * worker lives, for as long as the text is the same).
 * Where the text lives (sync or local, chunked and compressed) is config-sync-store.ts; this file adds the rule
 * that an invalid text is never saved, and wires the real storage areas.
 */
import { parseConfig, type ConfigModel } from '../core/config';
import type { StoredConfigInfo } from '../messages';
import { storageArea } from '../platform/storage';
import { readConfig, writeConfig, type ConfigAreas, type StoreClock, type StoredConfig } from './config-sync-store';

const CLOCK: StoreClock = {
  now: () => Date.now(),
  newGen: () => Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => (byte % 36).toString(36)).join(''),
};

function browserAreas(): ConfigAreas {
  return { sync: storageArea('sync'), local: storageArea('local') };
}

export async function loadStoredConfig(): Promise<StoredConfig> {
  return readConfig(browserAreas(), CLOCK);
}

export async function loadConfigText(): Promise<string> {
  return (await loadStoredConfig()).text;
}

/**
 * The last text parsed and its model: a sign-in (which also registers its session) reads the text but parses it
 * only when it changed, which at thousands of profiles is most of the worker's time before STS. Read-only: no
 * caller changes a model.
 */
let lastParsed: { text: string; model: Readonly<ConfigModel> } | undefined;

export async function loadConfig(): Promise<ConfigModel> {
  const text = await loadConfigText();
  if (lastParsed?.text !== text) lastParsed = { text, model: parseConfig(text) };
  return lastParsed.model;
}

/**
 * Saves the text only when it has no errors (warnings do not block), so an invalid text never replaces the last
 * good configuration. Returns the parsed model either way, for its diagnostics, and where the configuration in
 * force is stored.
 */
export async function saveConfigText(text: string): Promise<{ saved: boolean; model: ConfigModel; stored: StoredConfigInfo }> {
  const model = parseConfig(text);
  if (model.diagnostics.some((d) => d.severity === 'error')) {
    return { saved: false, model, stored: (await loadStoredConfig()).stored };
  }
  return { saved: true, model, stored: await writeConfig(browserAreas(), CLOCK, text) };
}
