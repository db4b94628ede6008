/**
 * The Sessions view: every console session the extension opened, newest first: the live ones with countdowns and
 * their actions, the ended ones folded into one line that opens on demand (ended-sessions.tsx); what the console's
 * session mode means for them (multi-session off, the 5-session limit). When the expiry warning comes is set on the
 * options page, with the other settings. Esc or the back button returns to the role list.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SessionSummary } from '../../src/messages';
import { CopyDetails } from '../copy-details';
import { t } from '../i18n';
import { EndedSessions } from './ended-sessions';
import { splitSessions } from './live';
import { RenewPanel } from './renew-panel';
import { SessionItem } from './session-item';
import { SessionsStrip } from './sessions-strip';
import { useSessionsContext } from './sessions-context';
import { useRenew } from './use-renew';

export function SessionsView({ onBack, renewFirst }: { onBack: () => void; renewFirst?: string }) {
  const sessions = useSessionsContext();
  const renew = useRenew();
  const back = useRef<HTMLButtonElement>(null);
  const overview = sessions?.overview;
  const list = overview?.sessions ?? [];
  const busy = renew.state.kind === 'running' || renew.state.kind === 'unlocking';
  const { live, ended } = splitSessions(list, sessions?.now ?? 0);
  const [endedOpen, setEndedOpen] = useState(false);

  useEffect(() => back.current?.focus(), []);
  // Opened from the warning notification's Renew: start that renewal once the session is known.
  const started = useRef(false);
  useEffect(() => {
    const target = list.find((s) => s.id === renewFirst);
    if (started.current || !target) return;
    started.current = true;
    // An ended session's card is in the folded list: open it, so the session being renewed is in sight.
    if (ended.includes(target)) setEndedOpen(true);
    renew.start({ id: target.id, profile: target.profile });
  }, [list, ended, renewFirst, renew]);

  const item = (session: SessionSummary) =>
    sessions && (
      <SessionItem
        key={session.id}
        session={session}
        now={sessions.now}
        busy={busy}
        onFocus={(tabId) => sessions.act('sessions.focus', session.id, tabId)}
        onRenew={() => renew.start({ id: session.id, profile: session.profile })}
        onSignOut={() => sessions.act('sessions.signOut', session.id)}
        onForget={() => sessions.act('sessions.forget', session.id)}
        onAutoRenew={(on) => sessions.saveSettings({ autoRenew: { profile: session.profile, on } })}
      />
    );

  const replaced = list.some((s) => s.status === 'replaced' && s.isolation === 'single');
  const single = overview?.modes.aws === 'single' || replaced;
  return (
    <main
      class="popup sessions-view"
      aria-labelledby="sessions-title"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        // Handled here, so the page-wide Esc (clear the search, close the popup) does not run too.
        event.preventDefault();
        onBack();
      }}
    >
      <header class="bar">
        <button ref={back} type="button" class="toggle" aria-label={t('popupSessionsBack')} title={t('popupSessionsBack')} onClick={onBack}>
          ‹
        </button>
        <h1 id="sessions-title" class="sessions-title">
          {t('popupSessionsTitle')}
        </h1>
      </header>
      <RenewPanel
        renew={renew}
        beside={<SessionsStrip />}
        under={
          <>
            {sessions?.error && (
              <div role="alert" class="alert">
                <span>{sessions.error.message}</span>
                <span class="alert-actions">
                  <CopyDetails error={sessions.error} />
                </span>
              </div>
            )}
            {single && <p class="hint">{t('popupSessionSingleMode')}</p>}
            {(overview?.full.length ?? 0) > 0 && <p class="hint">{t('popupSessionLimitReached')}</p>}
            {overview && list.length === 0 && <p class="no-match">{t('popupSessionsEmpty')}</p>}
            {list.length > 0 && (
              <div class="sessions-scroll">
                {live.length > 0 ? (
                  <ul class="sessions" aria-labelledby="sessions-title">
                    {live.map(item)}
                  </ul>
                ) : (
                  <p class="no-match">{t('popupSessionsNoneLive')}</p>
                )}
                <EndedSessions
                  count={ended.length}
                  open={endedOpen}
                  onToggle={() => setEndedOpen((open) => !open)}
                  onClear={() => {
                    for (const session of ended) sessions?.act('sessions.forget', session.id);
                    setEndedOpen(false);
                  }}
                >
                  {ended.map(item)}
                </EndedSessions>
              </div>
            )}
          </>
        }
      />
    </main>
  );
}
