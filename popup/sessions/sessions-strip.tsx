/**
 * The way from the role list to the Sessions view, shown once there is a session: how many are live (ended ones
 * are not counted, issue 14), and the next to end, or how many ended when none is live. It lives on the status
 * line's right (attempt-panel.tsx), a place kept from the first paint, so its arrival moves no row (issue 14).
 * While a sign-in's status is shown there it narrows to the number alone (sessions.css), which leaves a success
 * line its width; its accessible name and tooltip are always the whole text. Without `onOpen` (the Sessions view's
 * own status line) it is the same text, not a button.
 */
import { formatCountdown, timeUnknown } from '../../src/core/sessions/countdown';
import { t } from '../i18n';
import { splitSessions } from './live';
import { useSessionsContext } from './sessions-context';

export function SessionsStrip({ onOpen }: { onOpen?: () => void }) {
  const sessions = useSessionsContext();
  const list = sessions?.overview?.sessions ?? [];
  if (list.length === 0 || !sessions) return null;
  const { live, ended } = splitSessions(list, sessions.now);
  const ends = live.map((s) => s.consoleExpiresAt).filter((at) => !timeUnknown(at - sessions.now));
  const count = t('popupSessionsOpen', String(live.length));
  let next: string | undefined;
  if (ends.length > 0) next = t('popupSessionsNext', formatCountdown(Math.min(...ends) - sessions.now));
  else if (live.length === 0) next = t('popupSessionsEndedCount', String(ended.length));
  const name = next === undefined ? count : `${count} · ${next}`;
  // Spaces between the parts, as in the name: its visible text is then words of the name (WCAG 2.5.3, axe's
  // label-content-name-mismatch), not "2next"; the flex layout draws no space of its own for them.
  const parts = (
    <>
      <span class="count">{count}</span>{' '}
      <span class="count-short" aria-hidden="true">
        {live.length}
      </span>{' '}
      {next !== undefined && <span class="next">{next}</span>}
    </>
  );
  if (!onOpen) {
    return (
      <span class="sessions-strip" title={name}>
        {parts}
      </span>
    );
  }
  return (
    <button type="button" class="sessions-strip" aria-label={name} title={name} onClick={onOpen}>
      {parts}
      <span aria-hidden="true" class="chevron-right">›</span>
    </button>
  );
}
