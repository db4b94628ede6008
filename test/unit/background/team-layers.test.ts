/**
 * The worker's side of a team's roles: the organisation's policy (storage.managed) and the subscription, merged into
 * the configuration in force that every reader gets from loadConfig (the popup's index, config.save's report,
 * config.get's report on the editor's lines), the settings a policy fixes, keys refused by policy, and the
 * subscription's fetch, check, diff and keep-last-good, with its hourly alarm.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser, setCalls } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));

const { handlers } = await import('../../../src/background/handlers');
const { loadConfig } = await import('../../../src/background/config/store');
const { parseIndex } = await import('../../../src/platform/roles-index');
const { onRefreshAlarm, REFRESH_ALARM } = await import('../../../src/background/config/refresh');
const { mirrorManagedPolicy, refreshManagedCopy } = await import('../../../src/background/config/managed');

/** An administrator's policy arriving (storage.managed), and the worker copying it, as it does on that change. */
async function setPolicy(policy: Record<string, unknown>): Promise<void> {
  await fakeBrowser.storage.managed.clear();
  await fakeBrowser.storage.managed.set(policy);
  await mirrorManagedPolicy();
}

const TEAM = `[team-base]
aws_account_id = 111111111111

[team-dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = team-base
`;
const URL_A = 'https://team-roles.s3.eu-west-1.amazonaws.com/roles.ini';

/** What the fake network answers, by URL; a missing URL is a network failure (what fetch does without CORS). */
let served: Record<string, { status?: number; body: string; type?: string }> = {};
let fetched: string[] = [];

beforeEach(() => {
  resetFakeBrowser();
  served = {};
  fetched = [];
  vi.stubGlobal('fetch', (url: string) => {
    fetched.push(url);
    const answer = served[url];
    if (!answer) return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(new Response(answer.body, { status: answer.status ?? 200, headers: { 'content-type': answer.type ?? 'application/octet-stream' } }));
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function indexed() {
  return parseIndex((await fakeBrowser.storage.local.get('roles.index'))['roles.index'] as { version: number; json: string });
}

describe('the organisation\u2019s layer', () => {
  it('lists the managed roles as their own group, read-only, before the person\u2019s; a profile of the same name is reported on its line', async () => {
    await setPolicy({ configuration: TEAM, groupName: 'Acme platform' });
    const own = '[team-dev]\nrole_arn = arn:aws:iam::999999999999:role/Mine\n\n[mine]\nrole_arn = arn:aws:iam::999999999999:role/Other\n';
    const saved = await handlers['config.save']({ text: own });

    expect(saved.saved).toBe(true);
    expect(saved.roleCount).toBe(1);
    const shadowed = saved.diagnostics.filter((d) => d.profile === 'team-dev');
    expect(shadowed).toEqual([{
      line: 1, severity: 'error', profile: 'team-dev',
      message: '[team-dev] has the same name as a profile in your organisation\u2019s configuration, which is used instead: rename this one to keep it.',
    }]);
    expect((await indexed())?.map((r) => [r.profile, r.group, r.skipped === undefined])).toEqual([
      ['team-dev', 'Acme platform', true],
      ['team-dev', undefined, false],
      ['mine', undefined, true],
    ]);
    // The editor, loading the saved text, gets the same report for its lines.
    expect((await handlers['config.get']({})).shadowed).toEqual(shadowed);
    // Sign-in resolves the managed role.
    expect((await loadConfig()).roles.find((r) => r.name === 'team-dev')?.roleArn).toBe('arn:aws:iam::222222222222:role/Developer');
  });

  it('follows a policy pushed while the browser runs, once copied, and reads only the copy', async () => {
    await handlers['config.save']({ text: '[mine]\nrole_arn = arn:aws:iam::999999999999:role/Other\n' });
    expect((await loadConfig()).roles.map((r) => r.name)).toEqual(['mine']);
    await fakeBrowser.storage.managed.set({ configuration: TEAM });
    // storage.managed is not read on the way (Chromium answers it only seconds after start): the copy is.
    expect((await loadConfig()).roles.map((r) => r.name)).toEqual(['mine']);
    await mirrorManagedPolicy();
    expect((await loadConfig()).roles.map((r) => [r.name, r.group])).toEqual([['team-dev', 'Managed by your organisation'], ['mine', undefined]]);
    expect((await handlers['managed.get']({})).managed).toMatchObject({ group: 'Managed by your organisation', roles: 1, skipped: 0, allowVaultKeys: true, lockedSettings: [] });
  });

  it('fetches a policy\u2019s URL, and keeps its last good copy when the next fetch fails', async () => {
    await setPolicy({ configurationUrl: URL_A });
    served[URL_A] = { body: TEAM };
    await refreshManagedCopy(false, 1_000);
    expect((await loadConfig()).roles.map((r) => r.name)).toEqual(['team-dev']);
    delete served[URL_A];
    await refreshManagedCopy(true, 2_000);
    expect((await loadConfig()).roles.map((r) => r.name)).toEqual(['team-dev']);
    const info = (await handlers['managed.get']({})).managed;
    expect(info?.fetched).toMatchObject({ url: URL_A, fetchedAt: 1_000, failure: { at: 2_000 } });
    expect(info?.fetched?.failure?.message).toMatch(/may read it only with your permission/);
  });

  it('gives defaults and locks settings: a locked one cannot be changed, the others keep what the person chose', async () => {
    await handlers['settings.save']({ openIn: 'beside-tab' });
    await setPolicy({ settings: { defaultDurationSeconds: 14_400, keepPage: false }, lockedSettings: ['defaultDurationSeconds'] });
    expect(await handlers['settings.get']({})).toMatchObject({ defaultDurationSeconds: 14_400, keepPage: false, openIn: 'beside-tab' });

    await expect(handlers['settings.save']({ defaultDurationSeconds: 3_600 })).rejects.toThrow(
      'Your organisation sets the default session length (a browser policy), so it cannot be changed here.',
    );
    // A default that is not locked is the person's to change; the locked one stays the policy's, whatever is stored.
    expect(await handlers['settings.save']({ keepPage: true })).toMatchObject({ keepPage: true, defaultDurationSeconds: 14_400 });
    await fakeBrowser.storage.sync.set({ 'settings.signIn': { defaultDurationSeconds: 900 } });
    expect((await handlers['settings.get']({})).defaultDurationSeconds).toBe(14_400);
    // Only what the person chose is stored.
    await setPolicy({});
    expect(await handlers['settings.get']({})).toMatchObject({ defaultDurationSeconds: 900, openIn: 'new-tab', keepPage: true });
  });

  it('refuses keys in the vault, and their use, when the policy says so, before any AWS call', async () => {
    await setPolicy({ allowVaultKeys: false });
    await expect(handlers['keys.set']({ source: 'alice', accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: 'aLiCe/SeCrEt+KeY/EXAMPLE0000000000000001' })).rejects.toThrow(
      'Your organisation does not allow access keys in the vault (a browser policy): sign in with IAM Identity Center instead.',
    );
    await handlers['config.save']({ text: `[alice]\n[dev]\nrole_arn = arn:aws:iam::222222222222:role/Developer\nsource_profile = alice\n` });
    await expect(handlers.signIn({ profile: 'dev' })).rejects.toThrow(/does not allow access keys in the vault/);
    expect(fetched).toEqual([]);
  });
});

describe('the subscription', () => {
  it('is fetched, checked and diffed before it replaces the copy in use; a refused update keeps it', async () => {
    served[URL_A] = { body: TEAM };
    const first = await handlers['subscription.subscribe']({ url: URL_A });
    expect(first.change).toEqual({ added: ['team-base', 'team-dev'], removed: [], changed: [] });
    expect(first.subscription).toMatchObject({ url: URL_A, group: 'team-roles.s3.eu-west-1.amazonaws.com', roles: 1, skipped: 0 });
    expect(fakeBrowser.alarms.all.has(REFRESH_ALARM)).toBe(true);
    expect((await loadConfig()).roles.map((r) => [r.name, r.layer])).toEqual([['team-dev', 'subscription']]);

    // An update: one role added, one changed.
    served[URL_A] = { body: `${TEAM.replace('Developer', 'Admin')}\n[team-audit]\nrole_arn = arn:aws:iam::444444444444:role/Audit\nsource_profile = team-base\n` };
    const second = await handlers['subscription.refresh']({});
    expect(second.change).toEqual({ added: ['team-audit'], removed: [], changed: ['team-dev'] });

    // An invalid update (a web page, then an error document with no role) is refused; the last good copy stays.
    const good = (await loadConfig()).roles.map((r) => r.roleArn);
    served[URL_A] = { body: '<!doctype html><title>Sign in</title>', type: 'text/html; charset=utf-8' };
    const refused = await handlers['subscription.refresh']({});
    expect(refused.change).toBeUndefined();
    expect(refused.subscription?.failure?.message).toBe('team-roles.s3.eu-west-1.amazonaws.com answered a web page, not a configuration: use the address of the raw file.');
    served[URL_A] = { body: 'nothing here\n' };
    await handlers['subscription.refresh']({});
    served[URL_A] = { status: 404, body: 'NoSuchKey' };
    const missing = await handlers['subscription.refresh']({});
    expect(missing.subscription?.failure?.message).toBe('team-roles.s3.eu-west-1.amazonaws.com answered HTTP 404 (no such file, or not public): check the address.');
    expect((await loadConfig()).roles.map((r) => r.roleArn)).toEqual(good);
    expect(missing.subscription?.lastChange).toMatchObject({ added: ['team-audit'], changed: ['team-dev'] });
  });

  it('refuses a first fetch that cannot be used and stores nothing; keeps an address with a credential out', async () => {
    await expect(handlers['subscription.subscribe']({ url: URL_A })).rejects.toThrow(
      'team-roles.s3.eu-west-1.amazonaws.com could not be read: the extension may read it only with your permission, so subscribe (or refresh) from the options page and allow it. You are not subscribed.',
    );
    await expect(handlers['subscription.subscribe']({ url: `${URL_A}?X-Amz-Signature=abc` })).rejects.toThrow(/carries a credential/);
    expect((await handlers['subscription.get']({})).subscription).toBeNull();
    expect(fakeBrowser.alarms.all.has(REFRESH_ALARM)).toBe(false);
  });

  it('never keeps access keys from the file', async () => {
    served[URL_A] = { body: TEAM.replace('aws_account_id = 111111111111', 'aws_account_id = 111111111111\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY') };
    const { subscription } = await handlers['subscription.subscribe']({ url: URL_A });
    expect(subscription.removedKeys).toBe(1);
    expect(JSON.stringify(fakeBrowser.storage.local.snapshot())).not.toContain('wJalrXUtnFEMI');
  });

  it('is refreshed by its alarm, and the alarm goes with the subscription', async () => {
    served[URL_A] = { body: TEAM };
    await handlers['subscription.subscribe']({ url: URL_A, group: 'Platform team' });
    served[URL_A] = { body: `${TEAM}\n[team-ops]\nrole_arn = arn:aws:iam::555555555555:role/Ops\nsource_profile = team-base\n` };
    await onRefreshAlarm({ name: 'vault.auto-lock', scheduledTime: 0 });
    expect((await loadConfig()).roles.map((r) => r.name)).toEqual(['team-dev']);
    await onRefreshAlarm({ name: REFRESH_ALARM, scheduledTime: 0 });
    expect((await loadConfig()).roles.map((r) => [r.name, r.group])).toEqual([['team-dev', 'Platform team'], ['team-ops', 'Platform team']]);
    await handlers['subscription.unsubscribe']({});
    expect(fakeBrowser.alarms.all.has(REFRESH_ALARM)).toBe(false);
    expect((await loadConfig()).roles).toEqual([]);
  });
});

describe('the layers\u2019 copies, read again (layer-copy.ts)', () => {
  const URL_B = 'https://config.example.com/org.ini';
  const ORG = '[org-base]\naws_account_id = 333333333333\n\n[org-ops]\nrole_arn = arn:aws:iam::333333333333:role/Ops\nsource_profile = org-base\n';
  /** The storage.local reads that named `key`: each reads the whole copy. */
  const wholeReads = (key: string) =>
    fakeBrowser.storage.local.operations.filter((op) => op.type === 'get' && op.keys !== null && [op.keys].flat().includes(key)).length;
  const names = async () => (await loadConfig()).roles.map((r) => r.name);

  it('takes the copy read last from memory: a sign-in does not read the whole subscription or policy copy again', async () => {
    await setPolicy({ configurationUrl: URL_B });
    served[URL_B] = { body: ORG };
    await refreshManagedCopy(true);
    served[URL_A] = { body: TEAM };
    await handlers['subscription.subscribe']({ url: URL_A });
    expect(await names()).toEqual(['org-ops', 'team-dev']);
    const before = [wholeReads('config.subscription'), wholeReads('config.managedCopy')];
    expect(await names()).toEqual(['org-ops', 'team-dev']);
    expect(await names()).toEqual(['org-ops', 'team-dev']);
    expect([wholeReads('config.subscription'), wholeReads('config.managedCopy')]).toEqual(before);
  });

  it('reads a copy afresh once its stamp changed or it is gone: another write is never hidden by the last read', async () => {
    served[URL_A] = { body: TEAM };
    const { subscription } = await handlers['subscription.subscribe']({ url: URL_A });
    expect(await names()).toEqual(['team-dev']);
    // A copy written by another worker's lifetime, as layer-copy.ts writes it: the copy and a new stamp together.
    const record = await fakeBrowser.storage.local.get('config.subscription');
    const next = `${TEAM}\n[team-audit]\nrole_arn = arn:aws:iam::444444444444:role/Audit\nsource_profile = team-base\n`;
    await fakeBrowser.storage.local.set({
      'config.subscription': { ...(record['config.subscription'] as object), text: next },
      'config.subscriptionStamp': 'another-write',
    });
    expect(await names()).toEqual(['team-dev', 'team-audit']);
    // Removed from storage (its stamp with it): the roles go.
    await fakeBrowser.storage.local.remove(['config.subscription', 'config.subscriptionStamp']);
    expect(await names()).toEqual([]);
    expect(subscription.url).toBe(URL_A);
  });

  it('gives a copy stored by an earlier version (no stamp) a stamp at its first read, and reads it from memory after', async () => {
    await fakeBrowser.storage.local.set({ 'config.subscription': { url: URL_A, group: 'Team', text: TEAM, fetchedAt: 1, checkedAt: 1, removedKeys: 0 } });
    expect(await names()).toEqual(['team-dev']);
    expect(typeof (await fakeBrowser.storage.local.get('config.subscriptionStamp'))['config.subscriptionStamp']).toBe('string');
    expect(await names()).toEqual(['team-dev']);
    const before = wholeReads('config.subscription');
    expect(await names()).toEqual(['team-dev']);
    expect(wholeReads('config.subscription')).toBe(before);
  });

  it('writes each copy with a new stamp in the same storage call, and removes both together', async () => {
    served[URL_A] = { body: TEAM };
    await handlers['subscription.subscribe']({ url: URL_A });
    await handlers['subscription.refresh']({});
    const writes = setCalls(fakeBrowser.storage.local).filter((keys) => keys.includes('config.subscription'));
    expect(writes).toEqual([['config.subscription', 'config.subscriptionStamp'], ['config.subscription', 'config.subscriptionStamp']]);
    const stamps = new Set<unknown>();
    for (let i = 0; i < 3; i++) {
      await handlers['subscription.refresh']({});
      stamps.add((await fakeBrowser.storage.local.get('config.subscriptionStamp'))['config.subscriptionStamp']);
    }
    expect(stamps.size).toBe(3);
    await handlers['subscription.unsubscribe']({});
    expect(Object.keys(fakeBrowser.storage.local.snapshot()).filter((key) => key.startsWith('config.subscription'))).toEqual([]);
  });
});
