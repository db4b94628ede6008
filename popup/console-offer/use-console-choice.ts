/** The two things app.tsx takes from the console offer: the roles to list, and the way a click asks for. */
import { useCallback, useMemo } from 'preact/hooks';
import type { SignInWay } from '../../src/core/console-switch/way';
import type { RoleSummary } from '../../src/messages';
import { clickWay, listedRoles } from './choice';
import { useConsoleOfferContext } from './console-offer-context';

/** All the roles, or only those the console in front can switch to when the person asked for that. */
export function useListedRoles(roles: RoleSummary[]): RoleSummary[] {
  const state = useConsoleOfferContext();
  const offer = state?.offer;
  const only = state?.onlySwitchable ?? false;
  return useMemo(() => listedRoles(roles, offer, only), [roles, offer, only]);
}

/** The way a click on `profile` asks for: Alt takes the other way of a role that could go either way. */
export function useClickWay(): (profile: string, alt: boolean) => SignInWay | undefined {
  const offer = useConsoleOfferContext()?.offer;
  return useCallback((profile: string, alt: boolean) => clickWay(offer, profile, alt), [offer]);
}
