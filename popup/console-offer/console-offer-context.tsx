/**
 * The console offer, shared by the parts of the popup that use it: the console line, each row's marker, the list's
 * filter and the click's way. One question per opening for all of them.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { useConsoleOffer, type ConsoleOfferState } from './use-console-offer';

const ConsoleOfferContext = createContext<ConsoleOfferState | undefined>(undefined);

export function ConsoleOfferProvider({ children }: { children: ComponentChildren }) {
  const state = useConsoleOffer();
  return <ConsoleOfferContext.Provider value={state}>{children}</ConsoleOfferContext.Provider>;
}

/** Undefined outside a provider (a component test rendering the list alone): then no console is known. */
export function useConsoleOfferContext(): ConsoleOfferState | undefined {
  return useContext(ConsoleOfferContext);
}
