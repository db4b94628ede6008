/** What the background answers to each message. */
import type { ConfigModel } from '../core/config';
import type { ConfigDiagnostic, MessageName, RequestOf, ResponseOf, RoleSummary } from '../messages';
import { loadConfig, loadStoredConfig, saveConfigText } from './config-store';
import { keyHandlers } from './keys-handlers';
import { signIn } from './sign-in';
import { loadSignInSettings, saveSignInSettings } from './sign-in-settings';
import { vaultHandlers } from './vault-handlers';

type Handlers = { [K in MessageName]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

export const handlers: Handlers = {
  'roles.list': async () => {
    const model = await loadConfig();
    return { roles: model.roles.map(toSummary), diagnostics: model.diagnostics.map(toDiagnostic) };
  },
  'config.get': async () => loadStoredConfig(),
  'config.save': async ({ text }) => {
    const { saved, model, stored } = await saveConfigText(text);
    return { saved, roleCount: model.roles.length, diagnostics: model.diagnostics.map(toDiagnostic), stored };
  },
  // Access keys (keys-handlers.ts) and the vault (vault-handlers.ts).
  ...keyHandlers,
  ...vaultHandlers,
  signIn: async (request) => signIn(request),
  'settings.get': async () => loadSignInSettings(),
  'settings.save': async (change) => saveSignInSettings(change),
};

function toSummary(role: ConfigModel['roles'][number]): RoleSummary {
  return {
    profile: role.name,
    accountId: role.accountId,
    roleName: role.roleName,
    roleArn: role.roleArn,
    partition: role.partition,
    chain: role.chain,
    ...(role.accountAlias !== undefined && { accountAlias: role.accountAlias }),
    ...(role.region !== undefined && { region: role.region }),
    ...(role.color !== undefined && { color: role.color }),
    ...(role.image !== undefined && { image: role.image }),
    ...(role.group !== undefined && { group: role.group }),
  };
}

function toDiagnostic(d: ConfigModel['diagnostics'][number]): ConfigDiagnostic {
  return { line: d.line, severity: d.severity, message: d.message, ...(d.profile !== undefined && { profile: d.profile }) };
}
