/**
 * In a role's row, when the console in front has a say: a click switches this console tab; and for a role that
 * could go either way, which way the plain click takes and what Alt does instead. Drawn in the row's detail line,
 * and `spoken` in the row's description (role-option.tsx), so a screen reader says it too, once.
 */
import { t } from '../i18n';
import { goesEitherWay, plainWay } from './choice';
import { useConsoleOfferContext } from './console-offer-context';

export function ConsoleWayMarker({ profile, spoken = false }: { profile: string; spoken?: boolean }) {
  const offer = useConsoleOfferContext()?.offer;
  const way = plainWay(offer, profile);
  if (way === undefined) return null;
  const either = goesEitherWay(offer, profile);
  const key = way === 'console' ? (either ? 'popupWayConsoleOrKeys' : 'popupWayConsole') : 'popupWayKeysOrConsole';
  if (spoken) return <span>{t(way === 'console' ? (either ? 'popupWayConsoleOrKeysSpoken' : 'popupWayConsoleSpoken') : 'popupWayKeysOrConsoleSpoken')}</span>;
  return <span class={way === 'console' ? 'console-way' : 'console-way keys'}>{t(key)}</span>;
}
