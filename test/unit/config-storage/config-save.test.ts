/**
 * `config.save` in the background: the configuration and the popup's role index are saved together, or the last
 * good configuration stays (a storage that refuses the index write, as a 237 MB index once did); and the index
 * holds only what the popup shows, so its size follows the number of roles, not the depth of their chains. A text
 * with a broken profile is saved, and the profile listed in the index where it is, with its first error only.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';
import { installFirefox, uninstallFirefox } from '../fakes/firefox';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));

const { handlers } = await import('../../../src/background/handlers');
const { loadStoredConfig } = await import('../../../src/background/config/store');
const { parseIndex } = await import('../../../src/platform/roles-index');
const { containerFor } = await import('../../../src/platform/containers');

const role = (name: string, source: string) => `[profile ${name}]\nrole_arn = arn:aws:iam::222222222222:role/${name}\nsource_profile = ${source}\n`;
const GOOD = `[keys]\n${role('dev', 'keys')}`;
/** Five roles chained one on the other: the deepest chain the parser follows. */
const CHAINED = `[keys]\n${['r1', 'r2', 'r3', 'r4', 'r5'].map((name, i) => role(name, i === 0 ? 'keys' : `r${i}`)).join('')}`;

async function indexedRoles() {
  return parseIndex((await fakeBrowser.storage.local.get('roles.index'))['roles.index'] as { version: number; json: string });
}

beforeEach(() => {
  resetFakeBrowser();
  uninstallFirefox(fakeBrowser);
});

describe('config.save', () => {
  it('keeps the last good configuration and its index when the index cannot be written', async () => {
    expect((await handlers['config.save']({ text: GOOD })).saved).toBe(true);
    fakeBrowser.storage.local.failWith = (operation) =>
      operation.type === 'set' && operation.keys.includes('roles.index') ? new Error('QUOTA_BYTES quota exceeded') : undefined;

    await expect(handlers['config.save']({ text: CHAINED })).rejects.toThrow(/not saved.*QUOTA_BYTES.*last saved configuration is still in use/);
    expect((await loadStoredConfig()).text).toBe(GOOD);
    expect((await indexedRoles())?.map((r) => r.profile)).toEqual(['dev']);

    // Once the index can be written again, the same save goes through whole.
    fakeBrowser.storage.local.failWith = undefined;
    expect((await handlers['config.save']({ text: CHAINED })).saved).toBe(true);
    expect((await loadStoredConfig()).text).toBe(CHAINED);
    expect((await indexedRoles())?.map((r) => r.profile)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it('indexes each role with its source, not its whole chain', async () => {
    await handlers['config.save']({ text: CHAINED });
    const roles = await indexedRoles();
    expect(roles?.every((r) => r.source === 'keys' && !('chain' in r))).toBe(true);
    // Each entry costs the same whatever its depth in the chain.
    const sizes = (roles ?? []).map((r) => JSON.stringify(r).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBe(0);
  });

  it('keeps inline images only: an https image in the configuration never reaches the popup', async () => {
    const inline = 'data:image/png;base64,iVBORw0KGgo=';
    const text = `[keys]\n${role('pixel', 'keys')}image = https://tracker.example.com/p.png\n${role('icon', 'keys')}image = ${inline}\n`;
    const { saved, diagnostics } = await handlers['config.save']({ text });
    expect(saved).toBe(true);
    expect(diagnostics.map((d) => [d.severity, d.profile])).toEqual([['warning', 'pixel']]);
    expect(diagnostics[0]?.message).toMatch(/is not shown.*data:image\/png;base64/);
    expect((await indexedRoles())?.map((r) => [r.profile, r.image])).toEqual([['pixel', undefined], ['icon', inline]]);
  });

  it('saves a text with a broken profile, and indexes it in its place with its first error: nothing else of it', async () => {
    const text = `[keys]\n${role('dev', 'keys')}${role('typo', 'keys')}color = nope\ngroup = team\n${role('prod', 'keys')}` +
      `[profile chained]\nrole_arn = arn:aws:iam::222222222222:role/c\nsource_profile = typo\n`;
    const { saved, roleCount, diagnostics } = await handlers['config.save']({ text });
    expect(saved).toBe(true);
    expect(roleCount).toBe(2);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.profile)).toEqual(['typo', 'chained']);
    const indexed = await indexedRoles();
    expect(indexed?.map((r) => [r.profile, r.skipped === undefined ? 'role' : 'skipped'])).toEqual([
      ['dev', 'role'], ['typo', 'skipped'], ['prod', 'role'], ['chained', 'skipped'],
    ]);
    expect(indexed?.[1]).toEqual({
      profile: 'typo', accountId: '', roleName: '', roleArn: '', partition: '', source: 'keys', group: 'team',
      skipped: 'color = nope is not a colour: write six hex digits, with or without #, like color = ff9900.',
    });
    // A role on a broken one is skipped too, grouped by the source its chain would start from.
    expect(indexed?.[3]).toMatchObject({ profile: 'chained', source: 'keys' });
    expect(indexed?.[3]?.skipped).toContain('source_profile = typo cannot be used');
    // The popup opening from a stale index asks roles.list, which answers the same list.
    expect((await handlers['roles.list']({})).roles).toEqual(indexed);
  });

  it('shows a role written with an account alias with the alias where the account goes, once, and says only a console can reach it', async () => {
    await handlers['config.save']({ text: '[AnotherRole]\nrole_name = SomeOtherRole\naws_account_id = account-3-alias\n' });
    expect(await indexedRoles()).toEqual([{
      profile: 'AnotherRole', accountId: 'account-3-alias', roleName: 'SomeOtherRole', roleArn: 'arn:aws:iam::account-3-alias:role/SomeOtherRole',
      partition: 'aws', source: 'default', consoleOnly: true,
    }]);
  });

  it('keeps the Firefox container of a profile skipped for an error (its console cookies), and removes a gone one\u2019s', async () => {
    const { identities } = installFirefox(fakeBrowser);
    await handlers['config.save']({ text: `[keys]\n${role('dev', 'keys')}${role('prod', 'keys')}${role('old', 'keys')}` });
    for (const name of ['dev', 'prod', 'old']) await containerFor({ name });
    await handlers['config.save']({ text: `[keys]\n${role('dev', 'keys')}${role('prod', 'keys')}color = nope\n` });
    expect(identities.containers.map((container) => container.name)).toEqual(['dev', 'prod']);
  });
});
