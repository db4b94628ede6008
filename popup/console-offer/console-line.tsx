/**
 * Under the list, in a place of its own, so its arrival moves no row (issue 14; it may wrap, only the key hints are
 * below it): which console the tab in front is signed in as and how many roles it can switch to, with AESR's "show
 * only roles that can switch from this console". Nothing at all when there is no console.
 */
import { t } from '../i18n';
import { useConsoleOfferContext } from './console-offer-context';

export function ConsoleLine() {
  const state = useConsoleOfferContext();
  const offer = state?.offer;
  if (!state || !offer) return null;
  const count = offer.switchable.length;
  const text = count === 1 ? t('popupConsoleLineOne', offer.name, offer.account) : t('popupConsoleLine', offer.name, offer.account, String(count));
  const label = t('popupConsoleOnlySwitchable');
  return (
    <div class="console-line">
      <span class="console-what">{text}</span>
      <button
        type="button"
        class="toggle console-only"
        aria-pressed={state.onlySwitchable}
        aria-label={label}
        title={label}
        onClick={() => state.setOnlySwitchable(!state.onlySwitchable)}
      >
        {t('popupConsoleOnlyShort')}
      </button>
    </div>
  );
}

/** In the key hints: Alt+Enter, shown only when some role could go either way. */
export function ConsoleKeyHint() {
  const offer = useConsoleOfferContext()?.offer;
  if (!offer || offer.eitherWay.length === 0) return null;
  return <span>{t('popupConsoleAltHint')}</span>;
}
