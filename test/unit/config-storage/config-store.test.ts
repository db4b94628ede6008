/**
 * The background's save rule over the real wiring (storage areas from the polyfill, here fakes): a text refused
 * whole is never saved and the last good configuration stays in force; a broken profile does not block a save (it
 * is skipped, the rest works), nor do warnings.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHROME_SYNC_QUOTA, FakeStorageArea } from '../fakes/storage-area';

const areas = vi.hoisted((): Record<'sync' | 'local', unknown> => ({ sync: undefined, local: undefined }));
vi.mock('webextension-polyfill', () => ({ default: { storage: areas } }));

const { loadConfig, loadStoredConfig, saveConfigText, scrubStoredConfig } = await import('../../../src/background/config/store');
const { writeConfig } = await import('../../../src/background/config/sync-store');
const { MAX_CONFIG_SECTIONS } = await import('../../../src/core/config');

const GOOD = '[prod]\nrole_arn = arn:aws:iam::123456789012:role/Admin\n';
const BROKEN = '[prod]\nrole_arn = arn:aws:iam::123456789012:role/Admin\n[dev]\nrole_arn = not-an-arn\n';
const WARNED = '[prod]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nregion = mars-north-1\n';

beforeEach(() => {
  areas.sync = new FakeStorageArea('sync', CHROME_SYNC_QUOTA);
  areas.local = new FakeStorageArea('local');
});

describe('saveConfigText', () => {
  it('saves a valid text to sync and answers with its roles', async () => {
    const { saved, model, stored } = await saveConfigText(GOOD);
    expect(saved).toBe(true);
    expect(model.roles.map((r) => r.name)).toEqual(['prod']);
    expect(stored.area).toBe('sync');
    expect((await loadConfig()).roles.map((r) => r.name)).toEqual(['prod']);
  });

  it('saves a text with a broken profile: that profile is skipped with its error, every other one works', async () => {
    await saveConfigText(GOOD);
    const { saved, model, stored } = await saveConfigText(BROKEN);
    expect(saved).toBe(true);
    expect(model.diagnostics.some((d) => d.severity === 'error' && d.line === 4 && d.profile === 'dev')).toBe(true);
    expect(stored.area).toBe('sync');
    expect((await loadStoredConfig()).text).toBe(BROKEN);
    const inForce = await loadConfig();
    expect(inForce.roles.map((r) => r.name)).toEqual(['prod']);
    expect(inForce.skipped.map((p) => [p.name, p.line])).toEqual([['dev', 3]]);
  });

  it('never saves a text refused whole (over the limits): the last good configuration stays in force', async () => {
    await saveConfigText(GOOD);
    const { saved, model, stored } = await saveConfigText(`${GOOD}${'[p]\n'.repeat(MAX_CONFIG_SECTIONS)}`);
    expect(saved).toBe(false);
    expect(model.diagnostics.map((d) => d.code)).toEqual(['too-many-profiles']);
    expect(stored.area).toBe('sync');
    expect((await loadStoredConfig()).text).toBe(GOOD);
    expect((await loadConfig()).roles.map((r) => r.name)).toEqual(['prod']);
  });

  it('saves a text with warnings only', async () => {
    const { saved, model } = await saveConfigText(WARNED);
    expect(model.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(saved).toBe(true);
    expect((await loadStoredConfig()).text).toBe(WARNED);
  });
});

describe('loadConfig', () => {
  it('parses a text once while it stays the same, and again as soon as it changes', async () => {
    await saveConfigText(GOOD);
    const first = await loadConfig();
    expect(await loadConfig()).toBe(first);
    await saveConfigText(WARNED);
    const second = await loadConfig();
    expect(second).not.toBe(first);
    expect(second.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    // A browser whose storage now holds the first text again (another browser's save through sync) gets its roles.
    await saveConfigText(GOOD);
    expect((await loadConfig()).diagnostics).toEqual([]);
  });
});

describe('access keys in the configuration', () => {
  const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const WITH_KEYS = `[base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET}\n${GOOD}`;

  /** Everything both areas hold, as one string, decompressed: what sync would upload and local keeps on disk. */
  async function everythingStored(): Promise<string> {
    const stored = await loadStoredConfig();
    const sync = areas.sync as FakeStorageArea;
    const local = areas.local as FakeStorageArea;
    return JSON.stringify([await sync.get(null), await local.get(null), stored.text]);
  }

  it('are taken out before saving: not in sync, not in local, not in what the editor and Export get', async () => {
    const { saved, text, removed } = await saveConfigText(WITH_KEYS);
    expect(saved).toBe(true);
    expect(removed.map((r) => [r.line, r.key, r.profile])).toEqual([[2, 'aws_access_key_id', 'base'], [3, 'aws_secret_access_key', 'base']]);
    expect(text).not.toContain(SECRET);
    const stored = await loadStoredConfig();
    expect(stored.text).toBe(text);
    // The sync items are compressed: decode through the reader, and also check the raw items hold no clear secret.
    expect(await everythingStored()).not.toContain(SECRET);
    expect((await loadConfig()).roles.map((r) => r.name)).toEqual(['prod']);
  });

  it('stored by an older version and not scrubbed yet never reach a reader, on the first read or a later one', async () => {
    await (areas.local as FakeStorageArea).set({ 'config.local': { text: WITH_KEYS, savedAt: 1, reason: 'too-large', syncBytes: 1 } });
    for (let read = 0; read < 2; read += 1) {
      expect((await loadStoredConfig()).text).not.toContain(SECRET);
      expect((await loadConfig()).roles.map((r) => r.name)).toEqual(['prod']);
    }
    // Changed since (written as this version writes it: with a new stamp, sync-store.ts).
    await (areas.local as FakeStorageArea).set({ 'config.local': { text: `${WITH_KEYS}# edited\n`, savedAt: 2, reason: 'too-large', syncBytes: 1 }, 'config.localStamp': 'edited' });
    const edited = (await loadStoredConfig()).text;
    expect(edited).toContain('# edited');
    expect(edited).not.toContain(SECRET);
  });

  it('stored by an older version are scrubbed on the next start, once', async () => {
    // An older version saved the text as typed (its writer did not strip): write the areas as it would have.
    await (areas.local as FakeStorageArea).set({ 'config.local': { text: WITH_KEYS, savedAt: 1, reason: 'too-large', syncBytes: 1 } });
    const legacyRaw = JSON.stringify(await (areas.local as FakeStorageArea).get(null));
    expect(legacyRaw).toContain(SECRET);
    expect(await scrubStoredConfig()).toBe(true);
    expect(await everythingStored()).not.toContain(SECRET);
    expect(JSON.stringify(await (areas.local as FakeStorageArea).get(null))).not.toContain(SECRET);
    expect(await scrubStoredConfig()).toBe(false);
  });

  it('in the configuration of the version before sync (config.text) are dropped by its migration', async () => {
    await (areas.local as FakeStorageArea).set({ 'config.text': WITH_KEYS });
    expect((await loadStoredConfig()).text).not.toContain(SECRET);
    expect(await everythingStored()).not.toContain(SECRET);
  });

  it('never reach storage through the writer, whoever calls it', async () => {
    await writeConfig({ sync: areas.sync as FakeStorageArea, local: areas.local as FakeStorageArea }, { now: () => 1, newGen: () => 'g1' }, WITH_KEYS);
    expect(await everythingStored()).not.toContain(SECRET);
  });
});
