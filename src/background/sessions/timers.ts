/**
 * The session clock: on every wake (worker start, alarm, tab event) the registry is moved to where the stored
 * instants say it should be by now, what became due is announced once (warning notification, or a silent
 * auto-renewal; expiry clears the warning), the badges are redrawn, and the alarms are set for what comes next.
 */
import { advance, type TimelineEvent } from '../../core/sessions/timeline';
import type { SessionRegistry, SessionSettings } from '../../core/sessions/model';
import type { Alarm } from '../../platform/alarms';
import { message } from '../../platform/i18n';
import { showAllBadges, showChanges } from './badges';
import { clearWarning, showWarning } from './notices';
import { renewSession } from './renew';
import { DEADLINE_ALARM, scheduleTimers, TICK_ALARM } from './schedule';
import { changeRegistry, loadSessionSettings } from './store';
import { SignInError } from '../sign-in/sign-in-error';

export async function reconcileSessions(now: number = Date.now()): Promise<SessionRegistry> {
  const settings = await loadSessionSettings();
  const { before, after, value } = await changeRegistry((registry) => {
    const advanced = advance(registry, now, settings.warnMinutes);
    return { registry: advanced.registry, value: advanced.events };
  });
  await showChanges(before, after, now);
  await scheduleTimers(after, settings.warnMinutes);
  for (const event of value ?? []) await announce(event, after, settings, now);
  return after;
}

export async function onSessionAlarm(alarm: Alarm): Promise<void> {
  if (alarm.name !== DEADLINE_ALARM && alarm.name !== TICK_ALARM) return;
  const registry = await reconcileSessions();
  // Chrome resets a tab's badge on each page load, and the minutes move on: redraw them all.
  if (alarm.name === TICK_ALARM) await showAllBadges(registry);
}

async function announce(event: TimelineEvent, registry: SessionRegistry, settings: SessionSettings, now: number): Promise<void> {
  const session = registry.sessions.find((s) => s.id === event.id);
  if (!session) return;
  if (event.kind === 'expired') {
    await clearWarning(session.id);
    return;
  }
  if (!settings.autoRenew.includes(session.profile)) {
    await showWarning(session, now);
    return;
  }
  // Auto-renewal only when nothing has to be asked: a locked vault or an MFA code falls back to the warning.
  try {
    await renewSession(session.id, { interactive: false });
  } catch (error) {
    // An automatic renewal is not a use of the vault: after the idle time it finds the vault locked, and says so.
    const code = error instanceof SignInError ? error.code : undefined;
    const needsInput = code === 'mfa-required' || code === 'sso-login-required';
    const note = code === 'vault-locked' ? 'sessionAutoRenewVaultLocked' : needsInput ? 'sessionAutoRenewNeedsInput' : 'sessionAutoRenewFailed';
    await showWarning(session, now, message(note));
  }
}
