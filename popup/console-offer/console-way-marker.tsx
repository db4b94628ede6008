/**
 * In a role's row, when the console in front has a say: a click switches this console tab; and for a role that
 * could go either way, which way the plain click takes and what Alt does instead. Part of the row's description,
 * so a screen reader says it too.
 */
import { t } from '../i18n';
import { goesEitherWay, plainWay } from './choice';
import { useConsoleOfferContext } from './console-offer-context';

export function ConsoleWayMarker({ profile }: { profile: string }) {
  const offer = useConsoleOfferContext()?.offer;
  const way = plainWay(offer, profile);
  if (way === undefined) return null;
  const either = goesEitherWay(offer, profile);
  const key = way === 'console' ? (either ? 'popupWayConsoleOrKeys' : 'popupWayConsole') : 'popupWayKeysOrConsole';
  const spoken = way === 'console' ? (either ? 'popupWayConsoleOrKeysSpoken' : 'popupWayConsoleSpoken') : 'popupWayKeysOrConsoleSpoken';
  return (
    <span class={way === 'console' ? 'console-way' : 'console-way keys'}>
      <span aria-hidden="true">{t(key)}</span>
      <span class="visually-hidden">{t(spoken)}</span>
    </span>
  );
}
