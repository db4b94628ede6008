/**
 * The organisation's policy as storage.managed gives it (src/core/managed-policy.ts): Chrome checks it against
 * public/managed-schema.json, Firefox does not, so every value is checked here and one that cannot be used is left
 * out with a sentence, never guessed at.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MANAGED_GROUP, POLICY_SETTINGS, readManagedPolicy } from '../../../src/core/managed-policy';

describe('readManagedPolicy', () => {
  it('is undefined without a policy', () => {
    expect(readManagedPolicy({})).toBeUndefined();
  });

  it('reads the configuration, the group, default and locked settings, and the vault-keys rule', () => {
    expect(readManagedPolicy({
      configuration: '[a]\nrole_arn = arn:aws:iam::123456789012:role/A\n',
      groupName: '  Acme platform  ',
      settings: { defaultDurationSeconds: 7200, openIn: 'current-tab' },
      lockedSettings: ['defaultDurationSeconds'],
      allowVaultKeys: false,
    })).toEqual({
      configuration: '[a]\nrole_arn = arn:aws:iam::123456789012:role/A\n',
      group: 'Acme platform',
      settings: { defaultDurationSeconds: 7200, openIn: 'current-tab' },
      locked: ['defaultDurationSeconds'],
      allowVaultKeys: false,
      problems: [],
    });
  });

  it('defaults: the group, keys allowed, nothing locked', () => {
    expect(readManagedPolicy({ configurationUrl: 'https://intranet.example.com/roles.ini' })).toEqual({
      configurationUrl: 'https://intranet.example.com/roles.ini', group: DEFAULT_MANAGED_GROUP, settings: {}, locked: [], allowVaultKeys: true, problems: [],
    });
  });

  it('leaves out what cannot be used, and says so', () => {
    const policy = readManagedPolicy({
      configuration: 42,
      configurationUrl: 'http://intranet.example.com/roles.ini',
      settings: { colour: 'red', keepPage: false },
      lockedSettings: ['keepPage', 'vault'],
      allowVaultKeys: 'no',
    });
    expect(policy).toMatchObject({ settings: { keepPage: false }, locked: ['keepPage'], allowVaultKeys: true });
    expect(policy?.configuration).toBeUndefined();
    expect(policy?.configurationUrl).toBeUndefined();
    expect(policy?.problems).toEqual([
      'configuration is not text, so it is ignored.',
      'configurationUrl is not used: Only https:// addresses are read, so the file cannot be changed on its way: use the https address of the file.',
      'settings.colour is not a setting this extension has, so it is ignored.',
      'lockedSettings: vault is not a setting this extension has, so nothing is locked for it.',
      'allowVaultKeys is not true or false, so keys stay allowed.',
    ]);
  });

  it('uses the configuration itself over its URL, and says the URL is not used', () => {
    const policy = readManagedPolicy({ configuration: '[a]\n', configurationUrl: 'https://intranet.example.com/roles.ini' });
    expect(policy?.configurationUrl).toBeUndefined();
    expect(policy?.problems).toEqual(['configurationUrl is not used: the policy gives the configuration itself too, and that is used.']);
  });

  it('matches the managed storage schema the manifest declares', () => {
    const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../public/managed-schema.json'), 'utf8')) as {
      properties: Record<string, { type: string; properties?: Record<string, unknown> }>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual(['allowVaultKeys', 'configuration', 'configurationUrl', 'groupName', 'lockedSettings', 'settings']);
    expect(Object.keys(schema.properties.settings?.properties ?? {})).toEqual([...POLICY_SETTINGS]);
  });
});
