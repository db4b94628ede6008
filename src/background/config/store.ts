/**
 * The configuration as the background sees it: the stored text, parsed on demand (and the last parse kept while the
 * worker lives, for as long as the text is the same), with the read-only layers beside it merged in (the
 * organisation's and the subscription's: team-layers.ts), so every reader (the role index, the popup, sign-in,
 * sessions) gets the same model from `loadConfig`.
 * Where the text lives (sync or local, chunked and compressed) is config-sync-store.ts; this file adds the rule
 * that a text refused whole (too large, too many sections) is never saved, and wires the real storage areas.
 */
import { parseConfig, refusesWhole, type ConfigModel } from '../../core/config/index';
import { mergeLayers } from '../../core/config/layers';
import { stripSecrets, type RemovedSecret } from '../../core/config/strip-secrets';
import type { StoredConfigInfo } from '../../messages';
import { storageArea } from '../../platform/storage';
import { SignInError } from '../sign-in/sign-in-error';
import { readConfig, writeConfig, type ConfigAreas, type StoreClock, type StoredConfig } from './sync-store';
import { loadLayers } from './team-layers';

const CLOCK: StoreClock = {
  now: () => Date.now(),
  newGen: () => Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => (byte % 36).toString(36)).join(''),
};

function browserAreas(): ConfigAreas {
  return { sync: storageArea('sync'), local: storageArea('local') };
}

/** The configuration in force. Never with access keys in it, even one stored by an older version not yet scrubbed. */
export async function loadStoredConfig(): Promise<StoredConfig> {
  const stored = await readConfig(browserAreas(), CLOCK);
  if (lastStripped?.read !== stored.text) lastStripped = { read: stored.text, text: stripSecrets(stored.text).text };
  return { ...stored, text: lastStripped.text };
}

/** The last text read and its form without keys: at thousands of profiles the strip is ~8 ms of every sign-in. */
let lastStripped: { read: string; text: string } | undefined;

/**
 * Rewrites a stored configuration that still holds access keys (saved by a version before they were stripped, or
 * synced from one) without them. Runs on install, update, start and every configuration change; a text without
 * keys is left alone, so it writes at most once.
 */
export async function scrubStoredConfig(): Promise<boolean> {
  const areas = browserAreas();
  const stored = await readConfig(areas, CLOCK);
  const { text, removed } = stripSecrets(stored.text);
  if (removed.length === 0) return false;
  await writeConfig(areas, CLOCK, text);
  return true;
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
/** The last merge, kept for as long as the own model and the layers' models are the same objects. */
let lastMerged: { parts: readonly unknown[]; model: ConfigModel } | undefined;

/** The configuration in force: the person's own text with the organisation's and the subscription's layers. */
export async function loadConfig(): Promise<ConfigModel> {
  const [text, layers] = await Promise.all([loadConfigText(), loadLayers()]);
  if (lastParsed?.text !== text) lastParsed = { text, model: parseConfig(text) };
  const own = lastParsed.model;
  const parts = [own, ...layers.flatMap((layer) => [layer.model, layer.group, layer.label])];
  if (lastMerged?.parts.length !== parts.length || lastMerged.parts.some((part, i) => part !== parts[i])) {
    lastMerged = { parts, model: mergeLayers(own, layers) };
  }
  return lastMerged.model;
}

export interface SaveOutcome {
  saved: boolean;
  /** The configuration in force after the save (or as it would be): the text's model with the layers merged in. */
  model: ConfigModel;
  stored: StoredConfigInfo;
  /** The text as saved (or as it would be): access key lines replaced by a comment. */
  text: string;
  removed: RemovedSecret[];
}

/**
 * Saves the text unless it is refused whole (over the size limits, or unreadable: `refusesWhole`), which keeps the
 * last good configuration. A profile with errors does not block the save: it is left out of the model (listed in
 * `skipped`, with its diagnostic) and every other profile works, so one typo among 300 profiles costs one profile,
 * and the text is kept to be fixed. Access keys are stripped first, always. Returns the parsed model either way, for
 * its diagnostics, and where the configuration in force is stored.
 *
 * `alongside` is what must be written with it (the popup's role index): when it fails, the previous text is
 * written back and the error passes on, so the configuration and its index succeed together or the last good
 * one stays (never a configuration in sync that no popup can list).
 */
export async function saveConfigText(typed: string, alongside?: (model: ConfigModel) => Promise<unknown>): Promise<SaveOutcome> {
  const { text, removed } = stripSecrets(typed);
  const own = parseConfig(text);
  const model = mergeLayers(own, await loadLayers());
  if (own.diagnostics.some(refusesWhole)) {
    return { saved: false, model, stored: (await loadStoredConfig()).stored, text, removed };
  }
  const areas = browserAreas();
  const previous = alongside && (await readConfig(areas, CLOCK));
  const stored = await writeConfig(areas, CLOCK, text);
  if (alongside && previous) {
    try {
      await alongside(model);
    } catch (error) {
      await writeConfig(areas, CLOCK, previous.text);
      throw new SignInError('internal',
        `The configuration was not saved: the browser refused to store its role list (${errorText(error)}). ` +
        'The last saved configuration is still in use.');
    }
  }
  return { saved: true, model, stored, text, removed };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
