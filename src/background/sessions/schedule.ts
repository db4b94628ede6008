/**
 * The alarms the session timers need, derived from the registry every time (never kept anywhere else):
 * - `sessions.deadline`, one-shot at the next warning or expiry of any live session;
 * - `sessions.tick`, every minute while a live session has a tab, to refresh the badges' minutes.
 * Whatever fires, the handler recomputes from the stored instants (timeline.ts), so a late, early or double
 * firing changes nothing.
 */
import { nextDeadline, needsTick } from '../../core/sessions/timeline';
import type { SessionRegistry } from '../../core/sessions/model';
import { clearAlarm, ensureRepeatingAlarm, scheduleAlarm } from '../../platform/alarms';

export const DEADLINE_ALARM = 'sessions.deadline';
export const TICK_ALARM = 'sessions.tick';

export async function scheduleTimers(registry: SessionRegistry, warnMinutes: number): Promise<void> {
  const next = nextDeadline(registry, warnMinutes);
  await (next === undefined ? clearAlarm(DEADLINE_ALARM) : scheduleAlarm(DEADLINE_ALARM, next));
  await (needsTick(registry) ? ensureRepeatingAlarm(TICK_ALARM, 1) : clearAlarm(TICK_ALARM));
}
