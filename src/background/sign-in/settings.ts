/**
 * Sign-in preferences, with defaults for anything unset or out of range. An organisation's policy
 * (core/managed-policy.ts) may give other defaults and lock some settings: stored are only the settings the person
 * chose, so the policy's defaults apply to the rest; a locked setting is the policy's, whatever is stored, and a
 * change to it is refused with one sentence.
 */
import { DEFAULT_WAY, type SignInWay } from '../../core/console-switch/way';
import { clampDuration, DEFAULT_DURATION } from '../../core/durations';
import { POLICY_SETTINGS, type ManagedPolicy, type PolicySetting } from '../../core/managed-policy';
import type { SignInSettings } from '../../messages';
import { readStored, writeStored } from '../../platform/storage';
import { loadManagedPolicy } from '../config/managed';
import { SignInError } from './sign-in-error';

export const DEFAULT_SIGN_IN_SETTINGS: SignInSettings = { defaultDurationSeconds: DEFAULT_DURATION, openIn: 'new-tab', keepPage: true, onlySwitchable: false, defaultWay: DEFAULT_WAY, autoAssumeLastRole: false };

const OPEN_IN: readonly SignInSettings['openIn'][] = ['new-tab', 'current-tab', 'beside-tab'];
const WAYS: readonly SignInWay[] = ['keys', 'console'];

/** How each setting is named in a sentence (a locked one's refusal). */
const SETTING_NAMES: Record<PolicySetting, string> = {
  defaultDurationSeconds: 'the default session length',
  openIn: 'where the console opens',
  keepPage: 'keeping the console page when switching',
  onlySwitchable: 'listing only the roles the console in front can switch to',
  defaultWay: 'the way a role that could go either way signs in',
  autoAssumeLastRole: 'switching to the role last used after a console sign-in',
};

export function normalizeSettings(value: Partial<SignInSettings> | undefined, defaults: SignInSettings = DEFAULT_SIGN_IN_SETTINGS): SignInSettings {
  const merged = { ...defaults, ...value };
  return {
    defaultDurationSeconds: clampDuration(Number(merged.defaultDurationSeconds)),
    openIn: OPEN_IN.includes(merged.openIn) ? merged.openIn : defaults.openIn,
    keepPage: typeof merged.keepPage === 'boolean' ? merged.keepPage : defaults.keepPage,
    onlySwitchable: typeof merged.onlySwitchable === 'boolean' ? merged.onlySwitchable : defaults.onlySwitchable,
    defaultWay: WAYS.includes(merged.defaultWay) ? merged.defaultWay : defaults.defaultWay,
    autoAssumeLastRole: typeof merged.autoAssumeLastRole === 'boolean' ? merged.autoAssumeLastRole : defaults.autoAssumeLastRole,
  };
}

/** The settings in force: the policy's locked values, else what the person chose, else the policy's defaults, else ours. */
export function settingsUnderPolicy(stored: Partial<SignInSettings> | undefined, policy: Pick<ManagedPolicy, 'settings' | 'locked'> | undefined): SignInSettings {
  if (!policy) return normalizeSettings(stored);
  const defaults = normalizeSettings(policy.settings as Partial<SignInSettings>);
  const locked = Object.fromEntries(policy.locked.map((name) => [name, defaults[name]]));
  return normalizeSettings({ ...stored, ...locked }, defaults);
}

/** `policy`: the organisation's policy as the caller already asked for it (a sign-in reads it once). */
export async function loadSignInSettings(policy: Promise<ManagedPolicy | undefined> = loadManagedPolicy()): Promise<SignInSettings> {
  const [stored, inForce] = await Promise.all([readStored('settings.signIn'), policy]);
  return settingsUnderPolicy(stored, inForce);
}

export async function saveSignInSettings(change: Partial<SignInSettings>): Promise<SignInSettings> {
  const [stored, policy] = await Promise.all([readStored('settings.signIn'), loadManagedPolicy()]);
  const current = settingsUnderPolicy(stored, policy);
  const forced = (policy?.locked ?? []).find((name) => name in change && change[name] !== current[name]);
  if (forced !== undefined) {
    throw new SignInError('forbidden-by-policy', `Your organisation sets ${SETTING_NAMES[forced]} (a browser policy), so it cannot be changed here.`);
  }
  // Only what the person chose is kept, each value checked as it is read.
  const chosen = { ...stored, ...change };
  const checked = normalizeSettings(chosen);
  const next = Object.fromEntries(POLICY_SETTINGS.filter((name) => chosen[name] !== undefined).map((name) => [name, checked[name]])) as Partial<SignInSettings>;
  await writeStored('settings.signIn', next);
  return settingsUnderPolicy(next, policy);
}
