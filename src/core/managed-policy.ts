/**
 * What an organisation's enterprise policy gives the extension, read from `storage.managed` (Chrome and Edge: the
 * `3rdparty.extensions.<id>` policy, checked by the browser against public/managed-schema.json; Firefox: the
 * `3rdparty.Extensions.<id>` entry of policies.json, not checked by the browser, so everything is checked here).
 * A value that cannot be used is left out and said (`problems`), never guessed at; no policy at all is `undefined`.
 */
import { checkConfigUrl } from './config/config-url';

export const DEFAULT_MANAGED_GROUP = 'Managed by your organisation';

/** The sign-in settings a policy may set a default for, or lock (the keys of SignInSettings in src/messages.ts). */
export const POLICY_SETTINGS = ['defaultDurationSeconds', 'openIn', 'keepPage', 'onlySwitchable', 'defaultWay', 'autoAssumeLastRole'] as const;
export type PolicySetting = (typeof POLICY_SETTINGS)[number];

export interface ManagedPolicy {
  /** The configuration itself (INI, the same text as the options page takes). */
  configuration?: string;
  /** Or where to fetch it (https); ignored when `configuration` is given. */
  configurationUrl?: string;
  /** The popup's group for its roles. */
  group: string;
  /** Defaults for the sign-in settings, as given (the background checks each value as it checks a saved one). */
  settings: Partial<Record<PolicySetting, unknown>>;
  /** Settings the person cannot change: the policy's value, or the default when it gives none. */
  locked: PolicySetting[];
  /** False: keys are not kept in the vault (keys.set refused, vault keys not used); Identity Center is the way in. */
  allowVaultKeys: boolean;
  /** Values left out, as sentences for the options page. */
  problems: string[];
}

export function readManagedPolicy(raw: Readonly<Record<string, unknown>>): ManagedPolicy | undefined {
  if (Object.keys(raw).length === 0) return undefined;
  const problems: string[] = [];
  const policy: ManagedPolicy = { group: DEFAULT_MANAGED_GROUP, settings: {}, locked: [], allowVaultKeys: true, problems };

  const text = stringOf(raw, 'configuration', problems);
  if (text !== undefined && text.trim() !== '') policy.configuration = text;
  const url = stringOf(raw, 'configurationUrl', problems);
  if (url !== undefined && url.trim() !== '') {
    const checked = checkConfigUrl(url);
    if (!checked.ok) problems.push(`configurationUrl is not used: ${checked.reason}`);
    else if (policy.configuration !== undefined) problems.push('configurationUrl is not used: the policy gives the configuration itself too, and that is used.');
    else policy.configurationUrl = checked.url;
  }
  const group = stringOf(raw, 'groupName', problems)?.trim();
  if (group) policy.group = group.slice(0, 80);

  const settings = raw.settings;
  if (isRecord(settings)) {
    for (const [name, value] of Object.entries(settings)) {
      if (isPolicySetting(name)) policy.settings[name] = value;
      else problems.push(`settings.${name} is not a setting this extension has, so it is ignored.`);
    }
  } else if (settings !== undefined) {
    problems.push('settings is not an object of setting names and values, so it is ignored.');
  }

  const locked = raw.lockedSettings;
  if (Array.isArray(locked)) {
    for (const name of locked) {
      if (typeof name === 'string' && isPolicySetting(name)) policy.locked.push(name);
      else problems.push(`lockedSettings: ${String(name)} is not a setting this extension has, so nothing is locked for it.`);
    }
  } else if (locked !== undefined) {
    problems.push('lockedSettings is not a list of setting names, so no setting is locked.');
  }

  if (typeof raw.allowVaultKeys === 'boolean') policy.allowVaultKeys = raw.allowVaultKeys;
  else if (raw.allowVaultKeys !== undefined) problems.push('allowVaultKeys is not true or false, so keys stay allowed.');
  return policy;
}

/** The sentence for anything the vault-keys rule refuses. */
export const VAULT_KEYS_FORBIDDEN =
  'Your organisation does not allow access keys in the vault (a browser policy): sign in with IAM Identity Center instead.';

function isPolicySetting(name: string): name is PolicySetting {
  return (POLICY_SETTINGS as readonly string[]).includes(name);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOf(raw: Readonly<Record<string, unknown>>, key: string, problems: string[]): string | undefined {
  const value = raw[key];
  if (value === undefined || typeof value === 'string') return value;
  problems.push(`${key} is not text, so it is ignored.`);
  return undefined;
}
