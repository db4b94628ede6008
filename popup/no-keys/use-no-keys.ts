/**
 * Roles that cannot sign in as things stand because their source has no access keys (issue 14): marked in the list
 * with the reason, not found out by a click. Asked after the list has painted, and again when the roles change (a
 * configuration saved meanwhile): `keys.missing`, the source names only; null while the vault is locked, which may
 * hold them: then nothing is marked. A role the
 * console in front can switch to is not marked (its click goes that way), so nothing is marked before the console
 * offer has answered too (no row says "no keys" and then takes it back).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { send, type RoleSummary } from '../../src/messages';
import { useConsoleOfferContext } from '../console-offer/console-offer-context';
import { plainWay } from '../console-offer/choice';
import { whenIdle } from '../paint-marks';

/** The source whose keys are missing for this role, when it is marked; else undefined. */
export type NoKeysOf = (role: RoleSummary) => string | undefined;

export function useNoKeys(roles: readonly RoleSummary[]): NoKeysOf {
  const [missing, setMissing] = useState<ReadonlySet<string> | undefined>(undefined);
  const consoleState = useConsoleOfferContext();
  // Outside a console-offer provider (a component test of the list alone) no console is known: as good as none.
  const offer = consoleState ? consoleState.offer : null;

  useEffect(() => {
    if (roles.length === 0) return undefined;
    let live = true;
    const ask = () =>
      void send('keys.missing', {}).then((result) => {
        if (live && result.ok) setMissing(result.value.sources === null ? undefined : new Set(result.value.sources));
      });
    // After the first paint, as the console offer and the sessions are; where idle callbacks are missing (tests), at once.
    const cancel = typeof requestIdleCallback === 'function' ? whenIdle(ask) : (ask(), () => undefined);
    return () => {
      live = false;
      cancel();
    };
  }, [roles]);

  return useCallback<NoKeysOf>(
    (role) => {
      // A role only a console tab can reach (an account alias in its chain): keys would not help.
      if (!missing || offer === undefined || role.skipped !== undefined || role.consoleOnly || !missing.has(role.source)) return undefined;
      return plainWay(offer, role.profile) === 'console' ? undefined : role.source;
    },
    [missing, offer],
  );
}
