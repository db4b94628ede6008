/** No roles configured yet: say where to add them, with a one-line example, and a button to get there. */
import browser from 'webextension-polyfill';
import { t } from './i18n';

/** Configuration text, not prose: it stays the same in every language. */
const EXAMPLE = '[prod-admin]  role_arn = arn:aws:iam::123456789012:role/Admin';

export function EmptyState() {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <p id="empty-title" class="empty-title">
        {t('popupEmptyTitle')}
      </p>
      <p>{t('popupEmptyHint')}</p>
      <code class="example">{EXAMPLE}</code>
      <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('popupEmptyButton')}
      </button>
    </section>
  );
}
