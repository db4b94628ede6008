/**
 * The way from the role list to the Sessions view, shown once there is a session: how many, and the next to end. It
 * lives on the status line's right (attempt-panel.tsx), a place kept from the first paint, so its arrival moves no
 * row (issue 14). While a sign-in's status is shown there it narrows to the count (popup.css); its accessible name
 * is always the whole text. Without `onOpen` (the Sessions view's own status line) it is the same text, not a button.
 */
import { formatCountdown, timeUnknown } from '../../src/core/sessions/countdown';
import { t } from '../i18n';
import { useSessionsContext } from './sessions-context';

export function SessionsStrip({ onOpen }: { onOpen?: () => void }) {
  const sessions = useSessionsContext();
  const list = sessions?.overview?.sessions ?? [];
  if (list.length === 0 || !sessions) return null;
  const live = list.filter((s) => s.status === 'live' && s.consoleExpiresAt > sessions.now && !timeUnknown(s.consoleExpiresAt - sessions.now)).map((s) => s.consoleExpiresAt);
  const count = t('popupSessionsOpen', String(list.length));
  const next = live.length > 0 ? t('popupSessionsNext', formatCountdown(Math.min(...live) - sessions.now)) : undefined;
  const name = next === undefined ? count : `${count} · ${next}`;
  if (!onOpen) {
    return (
      <span class="sessions-strip">
        <span class="count">{count}</span>
        {next !== undefined && <span class="next">{next}</span>}
      </span>
    );
  }
  return (
    <button type="button" class="sessions-strip" aria-label={name} title={name} onClick={onOpen}>
      {/* A space between the parts, as in the name: its visible text is then words of the name (WCAG 2.5.3, axe's
          label-content-name-mismatch), not "2next"; the flex layout draws no space of its own for it. */}
      <span class="count">{count}</span>{' '}
      {next !== undefined && <span class="next">{next}</span>}
      <span aria-hidden="true" class="chevron-right">›</span>
    </button>
  );
}
