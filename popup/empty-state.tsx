/**
 * No roles configured yet: say where to add them, with a two-line example (a profile and its role, valid INI the
 * options page takes as it is), and a button to the options page. The example wraps rather than run off the popup's
 * right edge (issue 14: it was one line, clipped, and not valid INI). A newcomer is pointed at the welcome page, whose
 * three steps lead to a first sign-in.
 */
import browser from 'webextension-polyfill';
import { openWelcomePage } from '../src/platform/runtime';
import { t } from './i18n';

/** Configuration text, not prose: it stays the same in every language. */
export const EXAMPLE = '[profile prod-admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin';

export function EmptyState() {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <p id="empty-title" class="empty-title">
        {t('popupEmptyTitle')}
      </p>
      <p>{t('popupEmptyHint')}</p>
      <pre class="example">
        <code>{EXAMPLE}</code>
      </pre>
      <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('popupEmptyButton')}
      </button>
      <p class="empty-welcome">
        <button type="button" class="link" onClick={() => void openWelcomePage()}>
          {t('popupEmptyWelcome')}
        </button>
      </p>
    </section>
  );
}
