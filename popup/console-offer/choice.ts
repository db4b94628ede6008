/**
 * What the popup does with the console offer (issue 13), pure: which way a row's plain click takes, which way a
 * click asks for (Alt: the other one, only for a role that could go either way), and which roles are listed when
 * the person chose to see only those the console can switch to.
 */
import { askedWay, type SignInWay } from '../../src/core/console-switch/way';
import type { ConsoleOffer, RoleSummary } from '../../src/messages';

/** The way a plain click on `profile` takes: `console` (switches this tab), `keys` (a role that could go either way and goes with keys), or undefined (the console has no say: keys or Identity Center as always). */
export function plainWay(offer: ConsoleOffer | null | undefined, profile: string): SignInWay | undefined {
  if (!offer) return undefined;
  const either = offer.eitherWay.find((entry) => entry.profile === profile);
  if (either) return either.way;
  return offer.switchable.includes(profile) ? 'console' : undefined;
}

/** The role could go either way: keys in the vault, and the console in front can switch to it. */
export function goesEitherWay(offer: ConsoleOffer | null | undefined, profile: string): boolean {
  return offer?.eitherWay.some((entry) => entry.profile === profile) ?? false;
}

/** What a click asks the background for: with Alt, the other way of a role that could go either way; else nothing. */
export function clickWay(offer: ConsoleOffer | null | undefined, profile: string, alt: boolean): SignInWay | undefined {
  const either = offer?.eitherWay.find((entry) => entry.profile === profile);
  return askedWay(either?.way, alt);
}

/** The roles listed: all of them, or, on a console with "only roles that can switch" on, those it can switch to. */
export function listedRoles(roles: RoleSummary[], offer: ConsoleOffer | null | undefined, onlySwitchable: boolean): RoleSummary[] {
  if (!offer || !onlySwitchable) return roles;
  const switchable = new Set(offer.switchable);
  return roles.filter((role) => switchable.has(role.profile));
}
