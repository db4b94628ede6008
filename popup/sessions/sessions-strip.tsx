/** The way from the role list to the Sessions view, shown once there is a session: how many, and the next to end. */
import { formatCountdown, timeUnknown } from '../../src/core/sessions/countdown';
import { t } from '../i18n';
import { useSessionsContext } from './sessions-context';

export function SessionsStrip({ onOpen }: { onOpen: () => void }) {
  const sessions = useSessionsContext();
  const list = sessions?.overview?.sessions ?? [];
  if (list.length === 0 || !sessions) return null;
  const live = list.filter((s) => s.status === 'live' && s.consoleExpiresAt > sessions.now && !timeUnknown(s.consoleExpiresAt - sessions.now)).map((s) => s.consoleExpiresAt);
  return (
    <button type="button" class="sessions-strip" onClick={onOpen}>
      <span>{t('popupSessionsOpen', String(list.length))}</span>
      {live.length > 0 && <span class="next">{t('popupSessionsNext', formatCountdown(Math.min(...live) - sessions.now))}</span>}
      <span aria-hidden="true" class="chevron-right">›</span>
    </button>
  );
}
