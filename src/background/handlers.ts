/** What the background answers to each message. */
import type { ConfigModel } from '../core/config';
import type { ConfigDiagnostic, MessageName, RequestOf, ResponseOf, RoleSummary } from '../messages';
import { loadConfig, loadConfigText, saveConfigText } from './config-store';
import { signIn } from './sign-in';
import { SignInError } from './sign-in-error';
import { keyStatus, removeKeys, setKeys } from './source-keys';

type Handlers = { [K in MessageName]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

/** AWS access key ids: AKIA (long-term) or ASIA (temporary) followed by upper-case letters and digits. */
const ACCESS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{12,124}$/;

export const handlers: Handlers = {
  'roles.list': async () => {
    const model = await loadConfig();
    return { roles: model.roles.map(toSummary), diagnostics: model.diagnostics.map(toDiagnostic) };
  },
  'config.get': async () => ({ text: await loadConfigText() }),
  'config.save': async ({ text }) => {
    const { saved, model } = await saveConfigText(text);
    return { saved, roleCount: model.roles.length, diagnostics: model.diagnostics.map(toDiagnostic) };
  },
  'sources.list': async () => ({ sources: await keyStatus(rootSources(await loadConfig())) }),
  'keys.set': async ({ source, accessKeyId, secretAccessKey }) => {
    const id = accessKeyId.trim();
    const secret = secretAccessKey.trim();
    if (source.trim() === '') throw new SignInError('bad-request', 'Name the source profile these keys belong to.');
    if (!ACCESS_KEY_ID.test(id)) {
      throw new SignInError('bad-request', 'That access key id does not look like one: it starts with AKIA and has 20 capital letters and digits.');
    }
    if (secret.length < 16 || /\s/.test(secret)) {
      throw new SignInError('bad-request', 'That secret access key does not look like one: paste the 40-character secret without spaces.');
    }
    return setKeys(source.trim(), { accessKeyId: id, secretAccessKey: secret });
  },
  'keys.remove': async ({ source }) => removeKeys(source),
  signIn: async ({ profile, openIn }) => signIn(profile, openIn ?? 'new-tab'),
};

function rootSources(model: ConfigModel): string[] {
  const roots = new Set<string>();
  for (const role of model.roles) {
    const root = role.chain[0];
    if (root !== undefined) roots.add(root);
  }
  for (const source of model.sources) if (source.kind === 'keys') roots.add(source.name);
  return [...roots].sort();
}

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
    ...(role.group !== undefined && { group: role.group }),
  };
}

function toDiagnostic(d: ConfigModel['diagnostics'][number]): ConfigDiagnostic {
  return { line: d.line, severity: d.severity, message: d.message, ...(d.profile !== undefined && { profile: d.profile }) };
}
