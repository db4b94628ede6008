/** In the role list: the role is signed in, with the time its soonest-ending live session has left. */
import { formatCountdown, spokenCountdown, timeUnknown } from '../../src/core/sessions/countdown';
import { t } from '../i18n';
import { useSessionsContext } from './sessions-context';

export function SignedInMarker({ profile }: { profile: string }) {
  const sessions = useSessionsContext();
  const now = sessions?.now ?? 0;
  const ends = sessions?.overview?.sessions
    .filter((s) => s.profile === profile && s.status === 'live' && s.consoleExpiresAt > now)
    .map((s) => s.consoleExpiresAt);
  if (!ends || ends.length === 0) return null;
  const left = Math.min(...ends) - now;
  // Signed in through a console switch: how long it lasts is unknown, so no time is shown.
  if (timeUnknown(left)) return <span class="signed-in">{t('popupSignedInMarker', '').trim()}</span>;
  return (
    <span class="signed-in">
      <span aria-hidden="true">{t('popupSignedInMarker', formatCountdown(left))}</span>
      <span class="visually-hidden">{t('popupSignedInSpoken', spokenCountdown(left))}</span>
    </span>
  );
}
