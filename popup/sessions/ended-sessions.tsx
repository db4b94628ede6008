/**
 * The Sessions view's ended sessions (expired, replaced, refused), folded into one line, "Ended (5) · Clear", under
 * the live ones (issue 14: in single-session mode each sign-in left a dead "Replaced" card with a full row of
 * buttons). The line opens the list on demand; Clear forgets them all (`sessions.forget`: the console is left as
 * it is, and an ended session has nothing of the person's left in it).
 */
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';

export interface EndedSessionsProps {
  count: number;
  open: boolean;
  onToggle: () => void;
  onClear: () => void;
  /** The ended sessions' items, shown when open. */
  children: ComponentChildren;
}

export function EndedSessions({ count, open, onToggle, onClear, children }: EndedSessionsProps) {
  if (count === 0) return null;
  return (
    <section class="ended-sessions" aria-labelledby="ended-sessions-toggle">
      <div class="ended-line">
        <button type="button" id="ended-sessions-toggle" class="link ended-toggle" aria-expanded={open} aria-controls="ended-sessions-list" onClick={onToggle}>
          <span aria-hidden="true" class={open ? 'chevron open' : 'chevron'}>
            ›
          </span>
          <span class="label">{t('popupSessionsEnded', String(count))}</span>
        </button>
        <span aria-hidden="true" class="sep">
          ·
        </span>
        <button type="button" class="link" aria-label={t('popupSessionsClearEnded')} onClick={onClear}>
          {t('popupSessionsClear')}
        </button>
      </div>
      {open && (
        <ul id="ended-sessions-list" class="sessions ended-list" aria-labelledby="ended-sessions-toggle">
          {children}
        </ul>
      )}
    </section>
  );
}
