/**
 * `console.offer`, asked by the popup once its list is up (issue 13): when the tab in front is an AWS console page
 * (any partition), who it is signed in as and which profiles its own switch-role reaches, and for each profile that
 * could go either way (keys in the vault too), which way a plain click takes. The same rules as the sign-in
 * (console-in-front.ts, src/core/console-switch/way.ts), so a row says what its click does.
 * A tab that is no console page, a page without its session data, or anything else that goes wrong while looking:
 * "no console", quietly. The popup has its list already and must never show an error for a question it asked itself.
 */
import type { ConsoleOffer } from '../../../messages';
import { aliasHops } from '../../../core/config/index';
import { signInWay, type SignInWay } from '../../../core/console-switch/way';
import { loadConfig } from '../../config/store';
import type { HandlerMap } from '../../handler-map';
import { loadSignInSettings } from '../../sign-in/settings';
import { consoleCanStandIn, consoleTab, keyHolders, readConsoleInFront, switchable } from './console-in-front';

export async function consoleOffer(): Promise<{ console: ConsoleOffer | null; onlySwitchable: boolean }> {
  const settings = await loadSignInSettings();
  const offer = await offerInFront(settings.defaultWay).catch(() => null);
  return { console: offer, onlySwitchable: settings.onlySwitchable };
}

async function offerInFront(preferred: SignInWay): Promise<ConsoleOffer | null> {
  const found = await consoleTab();
  if (!found) return null;
  const config = await loadConfig();
  const front = await readConsoleInFront(config, found.tab, found.partition);
  const holds = await keyHolders();
  // A role written with an account alias has one way only, the console's (AssumeRole needs the id).
  const aliased = aliasHops(config);
  const roles = config.roles.filter((role) => switchable(front, role) && consoleCanStandIn(config, role, role.chain[0]));
  return {
    partition: found.partition,
    account: front.base.account,
    name: front.base.name,
    multiSession: front.page.multiSession,
    switchable: roles.map((role) => role.name),
    eitherWay: roles
      .filter((role) => role.chain[0] !== undefined && holds(role.chain[0]) && !aliased(role))
      .map((role) => ({ profile: role.name, way: signInWay({ keys: true, offered: true, preferred }) })),
  };
}

export const consoleHandlers: HandlerMap<'console.offer'> = {
  'console.offer': async () => consoleOffer(),
};
