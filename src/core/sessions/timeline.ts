/**
 * The timers, as pure functions of stored instants and the clock. The worker may sleep through an alarm, an alarm
 * may fire late or twice, the machine may sleep: every wake calls `advance` with the time it is, which moves each
 * session to where it should be by now and says what to announce, at most once per session.
 */
import { UNKNOWN_EXPIRY } from './countdown';
import type { SessionRegistry } from './model';

export type TimelineEvent = { kind: 'warn'; id: string } | { kind: 'expired'; id: string };

export interface Advanced {
  registry: SessionRegistry;
  events: TimelineEvent[];
}

/** The instant the warning is due: `warnMinutes` before expiry (never, when 0). */
export function warnAt(consoleExpiresAt: number, warnMinutes: number): number | undefined {
  return warnMinutes > 0 ? consoleExpiresAt - warnMinutes * 60_000 : undefined;
}

export function advance(registry: SessionRegistry, now: number, warnMinutes: number): Advanced {
  const events: TimelineEvent[] = [];
  const sessions = registry.sessions.map((session) => {
    if (session.status !== 'live') return session;
    if (now >= session.consoleExpiresAt) {
      // Over: a warning not given yet is pointless now, so it is skipped rather than given late.
      events.push({ kind: 'expired', id: session.id });
      return { ...session, status: 'expired' as const, warned: true };
    }
    const due = warnAt(session.consoleExpiresAt, warnMinutes);
    if (!session.warned && due !== undefined && now >= due) {
      events.push({ kind: 'warn', id: session.id });
      return { ...session, warned: true };
    }
    return session;
  });
  return { registry: events.length > 0 ? { ...registry, sessions } : registry, events };
}

/** When `advance` next has something to do, for the one deadline alarm; undefined when nothing is live. */
export function nextDeadline(registry: SessionRegistry, warnMinutes: number): number | undefined {
  let next: number | undefined;
  for (const session of registry.sessions) {
    if (session.status !== 'live' || session.consoleExpiresAt >= UNKNOWN_EXPIRY) continue;
    const warning = session.warned ? undefined : warnAt(session.consoleExpiresAt, warnMinutes);
    for (const instant of [warning, session.consoleExpiresAt]) {
      if (instant !== undefined && (next === undefined || instant < next)) next = instant;
    }
  }
  return next;
}

/** The per-minute badge refresh runs while a live session has a tab to show it in. */
export function needsTick(registry: SessionRegistry): boolean {
  return registry.sessions.some((s) => s.status === 'live' && s.tabs.length > 0);
}
