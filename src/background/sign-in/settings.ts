/** Sign-in preferences, with defaults for anything unset or out of range. */
import { DEFAULT_WAY, type SignInWay } from '../../core/console-switch/way';
import { clampDuration, DEFAULT_DURATION } from '../../core/durations';
import type { SignInSettings } from '../../messages';
import { readStored, writeStored } from '../../platform/storage';

export const DEFAULT_SIGN_IN_SETTINGS: SignInSettings = { defaultDurationSeconds: DEFAULT_DURATION, openIn: 'new-tab', keepPage: true, onlySwitchable: false, defaultWay: DEFAULT_WAY, autoAssumeLastRole: false };

const OPEN_IN: readonly SignInSettings['openIn'][] = ['new-tab', 'current-tab', 'beside-tab'];
const WAYS: readonly SignInWay[] = ['keys', 'console'];

export function normalizeSettings(value: Partial<SignInSettings> | undefined): SignInSettings {
  const merged = { ...DEFAULT_SIGN_IN_SETTINGS, ...value };
  return {
    defaultDurationSeconds: clampDuration(Number(merged.defaultDurationSeconds)),
    openIn: OPEN_IN.includes(merged.openIn) ? merged.openIn : DEFAULT_SIGN_IN_SETTINGS.openIn,
    keepPage: merged.keepPage === true,
    onlySwitchable: merged.onlySwitchable === true,
    defaultWay: WAYS.includes(merged.defaultWay) ? merged.defaultWay : DEFAULT_WAY,
    autoAssumeLastRole: merged.autoAssumeLastRole === true,
  };
}

export async function loadSignInSettings(): Promise<SignInSettings> {
  return normalizeSettings(await readStored('settings.signIn'));
}

export async function saveSignInSettings(change: Partial<SignInSettings>): Promise<SignInSettings> {
  const next = normalizeSettings({ ...(await loadSignInSettings()), ...change });
  await writeStored('settings.signIn', next);
  return next;
}
