/**
 * The console in the tab in front, asked from the background once the role list has painted (`console.offer`): the
 * list never waits for it, and the worker is woken only after the first frame. Asked once per opening: a switch
 * made from the popup changes what the console is, but the rows must not change under the pointer while it is open
 * (issue 14). Any failure is "no console": the popup never says anything about a question it asked itself.
 * "Show only roles that can switch from this console" is a sign-in setting (storage.sync, with the others): the
 * answer carries it, and the toggle saves it at once.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { send, type ConsoleOffer } from '../../src/messages';
import { whenIdle } from '../paint-marks';

export interface ConsoleOfferState {
  /** Undefined until the background answers; null: no console in front. */
  offer: ConsoleOffer | null | undefined;
  onlySwitchable: boolean;
  setOnlySwitchable: (on: boolean) => void;
}

export function useConsoleOffer(): ConsoleOfferState {
  const [offer, setOffer] = useState<ConsoleOffer | null | undefined>(undefined);
  const [onlySwitchable, setOnly] = useState(false);

  useEffect(() => {
    let live = true;
    const ask = () =>
      void send('console.offer', {}).then((result) => {
        if (!live) return;
        setOffer(result.ok ? result.value.console : null);
        if (result.ok) setOnly(result.value.onlySwitchable);
      });
    // After the first paint (whenIdle), as the sessions are; where idle callbacks are missing (tests), at once.
    const cancel = typeof requestIdleCallback === 'function' ? whenIdle(ask) : (ask(), () => undefined);
    return () => {
      live = false;
      cancel();
    };
  }, []);

  const setOnlySwitchable = useCallback((on: boolean) => {
    setOnly(on);
    void send('settings.save', { onlySwitchable: on }).then((result) => {
      if (result.ok) setOnly(result.value.onlySwitchable);
    });
  }, []);

  return { offer, onlySwitchable, setOnlySwitchable };
}
