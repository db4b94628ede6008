/**
 * In the role list: the role is signed in, with the time its soonest-ending live session has left. Drawn in the
 * row's detail line, and `spoken` in the row's description (role-option.tsx), each once.
 */
import { formatCountdown, spokenCountdown, timeUnknown } from '../../src/core/sessions/countdown';
import { t } from '../i18n';
import { useSessionsContext } from './sessions-context';

export function SignedInMarker({ profile, spoken = false }: { profile: string; spoken?: boolean }) {
  const sessions = useSessionsContext();
  const now = sessions?.now ?? 0;
  const ends = sessions?.overview?.sessions
    .filter((s) => s.profile === profile && s.status === 'live' && s.consoleExpiresAt > now)
    .map((s) => s.consoleExpiresAt);
  if (!ends || ends.length === 0) return null;
  const left = Math.min(...ends) - now;
  // Signed in through a console switch: how long it lasts is unknown, so no time is shown.
  if (timeUnknown(left)) return spoken ? <span>{t('popupSignedInUnknownSpoken')}</span> : <span class="signed-in">{t('popupSignedInMarker', '').trim()}</span>;
  if (spoken) return <span>{t('popupSignedInSpoken', spokenCountdown(left))}</span>;
  return <span class="signed-in">{t('popupSignedInMarker', formatCountdown(left))}</span>;
}
