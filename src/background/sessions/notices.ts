/**
 * The session notifications: the warning before expiry (with a Renew button), and a login the console refused.
 * Notification ids carry the session id, so a click finds its session after the worker restarted.
 */
import { formatCountdown } from '../../core/sessions/countdown';
import type { SessionRecord } from '../../core/sessions/model';
import { message } from '../../platform/i18n';
import { clearNotice, showNotice } from '../../platform/notifications';

const WARN = 'sessions.warn:';
const REFUSED = 'sessions.refused:';
const FAILED = 'sessions.failed:';

export function warnNoticeId(sessionId: string): string {
  return `${WARN}${sessionId}`;
}

/** The session a warning notification belongs to; undefined for other notifications. */
export function sessionOfWarnNotice(noticeId: string): string | undefined {
  return noticeId.startsWith(WARN) ? noticeId.slice(WARN.length) : undefined;
}

/** Any of our session notifications: the session it is about. */
export function sessionOfNotice(noticeId: string): string | undefined {
  for (const prefix of [WARN, REFUSED, FAILED]) if (noticeId.startsWith(prefix)) return noticeId.slice(prefix.length);
  return undefined;
}

export async function showWarning(session: SessionRecord, now: number, note?: string): Promise<void> {
  const left = formatCountdown(session.consoleExpiresAt - now);
  const at = new Date(session.consoleExpiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const text = message('sessionWarnMessage', session.profile, session.accountId, left, at);
  await showNotice(warnNoticeId(session.id), {
    title: message('sessionWarnTitle'),
    message: note === undefined ? text : `${text} ${note}`,
    buttons: [message('sessionRenewButton')],
    sticky: true,
  });
}

export async function clearWarning(sessionId: string): Promise<void> {
  await clearNotice(warnNoticeId(sessionId));
}

export async function showRefused(session: SessionRecord): Promise<void> {
  await showNotice(`${REFUSED}${session.id}`, {
    title: message('sessionRefusedTitle', session.profile),
    message: message(session.refusal === 'session-limit' ? 'sessionLimitMessage' : 'sessionLoginFailedMessage'),
  });
}

export async function showRenewFailed(session: SessionRecord, reason: string): Promise<void> {
  await showNotice(`${FAILED}${session.id}`, { title: message('sessionRenewFailedTitle', session.profile), message: reason });
}
