/**
 * The background's save rule over the real wiring (storage areas from the polyfill, here fakes): an invalid text
 * is never saved and the last good configuration stays in force; warnings do not block a save.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHROME_SYNC_QUOTA, FakeStorageArea } from '../fakes/storage-area';

const areas = vi.hoisted((): Record<'sync' | 'local', unknown> => ({ sync: undefined, local: undefined }));
vi.mock('webextension-polyfill', () => ({ default: { storage: areas } }));

const { loadConfig, loadStoredConfig, saveConfigText } = await import('../../../src/background/config-store');

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

  it('never saves a text with an error: the last good configuration stays in force', async () => {
    await saveConfigText(GOOD);
    const { saved, model, stored } = await saveConfigText(BROKEN);
    expect(saved).toBe(false);
    expect(model.diagnostics.some((d) => d.severity === 'error' && d.line === 4)).toBe(true);
    expect(stored.area).toBe('sync');
    expect((await loadStoredConfig()).text).toBe(GOOD);
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
