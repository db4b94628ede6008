/** What the background answers to each message. */
import type { MessageName, RequestOf, ResponseOf } from '../messages';
import { loadConfig, loadStoredConfig, saveConfigText } from './config-store';
import { keyHandlers } from './keys-handlers';
import { toDiagnostic, writeRolesIndex } from './roles-index';
import { signIn } from './sign-in';
import { loadSignInSettings, saveSignInSettings } from './sign-in-settings';
import { vaultHandlers } from './vault-handlers';

type Handlers = { [K in MessageName]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

export const handlers: Handlers = {
  'roles.list': async () => {
    const model = await loadConfig();
    return { roles: await writeRolesIndex(model), diagnostics: model.diagnostics.map(toDiagnostic) };
  },
  'config.get': async () => loadStoredConfig(),
  'config.save': async ({ text }) => {
    const { saved, model, stored } = await saveConfigText(text);
    if (saved) await writeRolesIndex(model);
    return { saved, roleCount: model.roles.length, diagnostics: model.diagnostics.map(toDiagnostic), stored };
  },
  // Access keys (keys-handlers.ts) and the vault (vault-handlers.ts).
  ...keyHandlers,
  ...vaultHandlers,
  signIn: async (request) => signIn(request),
  'settings.get': async () => loadSignInSettings(),
  'settings.save': async (change) => saveSignInSettings(change),
};
