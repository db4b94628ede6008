/**
 * One console session: colour, profile, what is left of it (a live countdown, or expired / replaced / refused),
 * account, role, region and how it is kept apart, its tabs (each brings that tab to the front), and its actions.
 * The role's colour stays on an ended session too (issue 14: the colour is how people tell their roles apart); an
 * ended one offers only what still means something for it, Renew and Dismiss.
 */
import type { SessionSummary } from '../../src/messages';
import { formatCountdown, spokenCountdown, timeUnknown } from '../../src/core/sessions/countdown';
import { t, type MessageKey } from '../i18n';
import { isLive } from './live';

export interface SessionItemProps {
  session: SessionSummary;
  now: number;
  busy: boolean;
  onFocus: (tabId?: number) => void;
  onRenew: () => void;
  onSignOut: () => void;
  onForget: () => void;
  onAutoRenew: (on: boolean) => void;
}

const ISOLATION: Record<NonNullable<SessionSummary['isolation']>, MessageKey> = {
  'multi-session': 'popupSessionIsolationMulti',
  single: 'popupSessionIsolationSingle',
  container: 'popupSessionIsolationContainer',
};

export function SessionItem(props: SessionItemProps) {
  const { session, now } = props;
  const nameId = `session-${session.id}`;
  const left = session.consoleExpiresAt - now;
  const live = isLive(session, now);
  const ended = !live;
  const named = (key: MessageKey) => `${t(key)} ${session.profile}`;
  return (
    <li class={`session ${live ? 'live' : 'ended'}`} aria-labelledby={nameId} data-status={live ? 'live' : session.status === 'live' ? 'expired' : session.status}>
      <span class="swatch" aria-hidden="true" style={session.color ? { background: session.color } : undefined} />
      <div class="session-head">
        <span class="name" id={nameId}>
          {session.profile}
        </span>
        <span class="when">{statusText(session, live, left)}</span>
      </div>
      <div class="detail">
        {session.accountAlias !== undefined && <span>{session.accountAlias}</span>}
        <span>{session.accountId}</span>
        <span>{session.roleName}</span>
        <span>{session.region}</span>
        {session.isolation !== undefined && <span>{t(ISOLATION[session.isolation])}</span>}
      </div>
      {session.tabs.length > 0 ? (
        <ul class="session-tabs" aria-label={t('popupSessionTabs', session.profile)}>
          {session.tabs.map((tab) => (
            <li key={tab.id}>
              <button type="button" class="link" onClick={() => props.onFocus(tab.id)}>
                {tab.title !== undefined && tab.title !== '' ? tab.title : t('popupSessionTab', String(tab.id))}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="session-tabs none">{t('popupSessionNoTabs')}</p>
      )}
      <div class="session-actions">
        {session.tabs.length > 0 && (
          <button type="button" aria-label={named('popupSessionFocus')} onClick={() => props.onFocus()}>
            {t('popupSessionFocus')}
          </button>
        )}
        <button type="button" class={ended ? 'primary' : undefined} aria-label={named('popupSessionRenew')} disabled={props.busy} onClick={props.onRenew}>
          {t('popupSessionRenew')}
        </button>
        {live && (
          <button type="button" aria-label={named('popupSessionSignOut')} onClick={props.onSignOut}>
            {t('popupSessionSignOut')}
          </button>
        )}
        <button type="button" aria-label={named(ended ? 'popupSessionDismiss' : 'popupSessionForget')} onClick={props.onForget}>
          {t(ended ? 'popupSessionDismiss' : 'popupSessionForget')}
        </button>
        {live && (
          <label class="auto-renew">
            <input type="checkbox" checked={session.autoRenew} onChange={(event) => props.onAutoRenew(event.currentTarget.checked)} />
            {t('popupSessionAutoRenew')}
          </label>
        )}
      </div>
    </li>
  );
}

function statusText(session: SessionSummary, live: boolean, left: number) {
  if (live && session.isolation === undefined && session.tabs.length > 0) return t('popupSessionSigningIn');
  if (live && timeUnknown(left)) return null;
  if (live) {
    const at = new Date(session.consoleExpiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    return (
      <>
        <time class="countdown" dateTime={new Date(session.consoleExpiresAt).toISOString()} aria-label={t('popupSessionEndsIn', spokenCountdown(left))}>
          {t('popupSessionEndsIn', formatCountdown(left))}
        </time>{' '}
        <span class="at">{t('popupSessionEndsAt', at)}</span>
      </>
    );
  }
  if (session.status === 'replaced') return session.replacedBy !== undefined ? t('popupSessionReplacedBy', session.replacedBy) : t('popupSessionReplacedOutside');
  if (session.status === 'refused') return t(session.refusal === 'session-limit' ? 'popupSessionRefusedLimit' : 'popupSessionRefusedFailed');
  return t('popupSessionExpired');
}
