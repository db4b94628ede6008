/**
 * Idle auto-lock. The deadline is stored in storage.session and pushed on every use of the vault; an alarm
 * fires at it. The worker may have slept through the alarm, or the alarm may fire late or twice, so both the
 * alarm and every wake compare the clock with the stored deadline instead of trusting the timer.
 */
import type { Alarm } from '../../platform/alarms';
import { scheduleAlarm } from '../../platform/alarms';
import { readStored, writeStored } from '../../platform/storage';
import { AUTO_LOCK_ALARM, loadSettings, lockNow } from './state';

/** A use of the vault: the idle deadline moves to now + the setting. */
export async function pushDeadline(now: number = Date.now()): Promise<void> {
  // Never 0: settings are read through normalizeVaultSettings (1 to 1,440 minutes).
  const { autoLockMinutes } = await loadSettings();
  const lockAt = now + autoLockMinutes * 60_000;
  await Promise.all([writeStored('vault.lockAt', lockAt), scheduleAlarm(AUTO_LOCK_ALARM, lockAt)]);
}

/** Locks when the stored deadline has passed (the alarm was missed or is late). True when it locked. */
export async function lockIfIdle(now: number = Date.now()): Promise<boolean> {
  const lockAt = await readStored('vault.lockAt');
  if (lockAt === undefined || now < lockAt) return false;
  await lockNow();
  return true;
}

/** The alarm listener's part: lock if due, else re-arm for the (pushed) deadline. */
export async function onAutoLockAlarm(alarm: Alarm, now: number = Date.now()): Promise<void> {
  if (alarm.name !== AUTO_LOCK_ALARM) return;
  if (await lockIfIdle(now)) return;
  const lockAt = await readStored('vault.lockAt');
  if (lockAt !== undefined) await scheduleAlarm(AUTO_LOCK_ALARM, lockAt);
}
