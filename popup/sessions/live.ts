/**
 * Which sessions are live: the console still holds them (not expired, replaced or refused, and their time not up).
 * What the counts count (the strip, the view's status line) and what stays a card of its own in the Sessions view;
 * the others fold into one "Ended" line (issue 14: single-session mode left a dead card per sign-in, all counted).
 */
import type { SessionSummary } from '../../src/messages';

export function isLive(session: SessionSummary, now: number): boolean {
  return session.status === 'live' && session.consoleExpiresAt > now;
}

export function splitSessions(list: readonly SessionSummary[], now: number): { live: SessionSummary[]; ended: SessionSummary[] } {
  const live: SessionSummary[] = [];
  const ended: SessionSummary[] = [];
  for (const session of list) (isLive(session, now) ? live : ended).push(session);
  return { live, ended };
}
