/**
 * Timers that survive the worker being stopped: `browser.alarms`. Each deadline is also stored, so a late or
 * duplicate firing is checked against the stored instant instead of trusted. Chrome fires alarms no sooner than
 * 30 s apart (https://developer.chrome.com/docs/extensions/reference/api/alarms).
 */
import browser, { type Alarms } from 'webextension-polyfill';

export type Alarm = Alarms.Alarm;

/** Creates or replaces the alarm `name` to fire once at `when` (epoch ms). */
export async function scheduleAlarm(name: string, when: number): Promise<void> {
  await browser.alarms.create(name, { when });
}

export async function clearAlarm(name: string): Promise<void> {
  await browser.alarms.clear(name);
}

/**
 * A repeating alarm, created only when missing: creating it again would restart its period, and a caller that
 * ensures it on every wake would then keep pushing it back.
 */
export async function ensureRepeatingAlarm(name: string, periodInMinutes: number): Promise<void> {
  if (!(await browser.alarms.get(name))) await browser.alarms.create(name, { periodInMinutes, delayInMinutes: periodInMinutes });
}
