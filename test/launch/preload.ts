/**
 * Loads a configuration and one source's keys the way the options page does, through the extension's own
 * messages (config.save, vault.create, keys.set), so demos and benchmarks start signed in to nothing but ready.
 * keys.set checks the keys with GetCallerIdentity against the sandbox before saving them.
 */
import type { ExtensionBrowser } from './browser';

/** The slice of the extension API used inside the page below (the tests do not load @types/chrome). */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** The demo vault's passphrase; `npm start` prints it, for unlocking after the vault locks itself. */
export const DEMO_PASSPHRASE = 'demo passphrase';

export interface Preload {
  configText: string;
  source: string;
  accessKeyId: string;
  secretAccessKey: string;
  passphrase?: string;
}

export async function preload(extension: ExtensionBrowser, data: Preload): Promise<void> {
  const page = await extension.openPage('src/options/index.html');
  const steps: [string, Record<string, unknown>][] = [
    ['config.save', { text: data.configText }],
    ['vault.create', { passphrase: data.passphrase ?? DEMO_PASSPHRASE }],
    ['keys.set', { source: data.source, accessKeyId: data.accessKeyId, secretAccessKey: data.secretAccessKey }],
  ];
  for (const [type, request] of steps) {
    const answer = (await page.evaluate(async (envelope) => chrome.runtime.sendMessage(envelope), { type, request })) as
      | { ok: true }
      | { ok: false; error: { message: string } };
    if (!answer.ok) throw new Error(`Preloading the demo failed at ${type}: ${answer.error.message}`);
  }
  await page.close();
}
