/** The configuration as the background sees it: the stored text, parsed on demand (the worker keeps no state). */
import { parseConfig, type ConfigModel } from '../core/config';
import { readStored, writeStored } from '../platform/storage';

export async function loadConfigText(): Promise<string> {
  return (await readStored('config.text')) ?? '';
}

export async function loadConfig(): Promise<ConfigModel> {
  return parseConfig(await loadConfigText());
}

/**
 * Saves the text only when it has no errors, so an invalid text never replaces the last good configuration.
 * Returns the parsed model either way, for its diagnostics.
 */
export async function saveConfigText(text: string): Promise<{ saved: boolean; model: ConfigModel }> {
  const model = parseConfig(text);
  const saved = !model.diagnostics.some((d) => d.severity === 'error');
  if (saved) await writeStored('config.text', text);
  return { saved, model };
}
