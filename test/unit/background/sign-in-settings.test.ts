import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const { normalizeSettings, saveSignInSettings, loadSignInSettings } = await import('../../../src/background/sign-in/settings');

describe('sign-in settings', () => {
  it('fills defaults and repairs out-of-range values', () => {
    expect(normalizeSettings(undefined)).toEqual({ defaultDurationSeconds: 3_600, openIn: 'new-tab', keepPage: true, onlySwitchable: false, defaultWay: 'keys', autoAssumeLastRole: false });
    expect(normalizeSettings({ defaultDurationSeconds: 99_999, openIn: 'new-window' as never, keepPage: false, onlySwitchable: 'yes' as never, defaultWay: 'both' as never, autoAssumeLastRole: 'yes' as never })).toEqual({
      defaultDurationSeconds: 43_200,
      openIn: 'new-tab',
      keepPage: false,
      onlySwitchable: false,
      defaultWay: 'keys',
      autoAssumeLastRole: false,
    });
    expect(normalizeSettings({ onlySwitchable: true, defaultWay: 'console' })).toMatchObject({ onlySwitchable: true, defaultWay: 'console' });
    // Auto-assume is off unless turned on.
    expect(normalizeSettings({ autoAssumeLastRole: true }).autoAssumeLastRole).toBe(true);
  });

  it('saves a partial change on top of what is stored', async () => {
    await saveSignInSettings({ openIn: 'beside-tab' });
    await saveSignInSettings({ defaultDurationSeconds: 7_200 });
    expect(await loadSignInSettings()).toEqual({ defaultDurationSeconds: 7_200, openIn: 'beside-tab', keepPage: true, onlySwitchable: false, defaultWay: 'keys', autoAssumeLastRole: false });
  });
});
