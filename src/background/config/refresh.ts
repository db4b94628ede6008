/**
 * The layers kept from an address are fetched again by the hour: the subscription and the URL an organisation's
 * policy names. One repeating alarm (`config.refresh`), kept only while there is something to refresh; a firing
 * late or twice just fetches again, and a failure keeps the copy in use (subscription.ts, managed.ts).
 */
import { clearAlarm, ensureRepeatingAlarm, type Alarm } from '../../platform/alarms';
import { loadManagedPolicy, refreshManagedCopy } from './managed';
import { loadSubscription, refreshSubscription } from './subscription';

export const REFRESH_ALARM = 'config.refresh';
/** A team's file changes a few times a week; an hour is soon enough, and costs one small request. */
export const REFRESH_MINUTES = 60;

/** Creates the alarm when a subscription or a policy URL needs it, removes it when nothing does. */
export async function syncRefreshAlarm(): Promise<void> {
  const [subscription, policy] = await Promise.all([loadSubscription(), loadManagedPolicy()]);
  if (subscription || policy?.configurationUrl !== undefined) await ensureRepeatingAlarm(REFRESH_ALARM, REFRESH_MINUTES);
  else await clearAlarm(REFRESH_ALARM);
}

export async function onRefreshAlarm(alarm: Alarm): Promise<void> {
  if (alarm.name !== REFRESH_ALARM) return;
  await Promise.all([refreshSubscription(), refreshManagedCopy(true)]);
}

/**
 * On start, install, and whenever the policy may have changed: the alarm follows what there is, and a policy URL
 * not fetched yet (a new policy) is fetched now rather than within the hour.
 */
export async function followLayers(): Promise<void> {
  await syncRefreshAlarm();
  await refreshManagedCopy(false);
}
