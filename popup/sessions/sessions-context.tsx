/**
 * The sessions, shared by the parts of the popup that show them: the Sessions view, the way in from the role list,
 * and each role's signed-in marker. One request and one clock for all of them.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { useSessions, type Sessions } from './use-sessions';

const SessionsContext = createContext<Sessions | undefined>(undefined);

export function SessionsProvider({ children }: { children: ComponentChildren }) {
  const sessions = useSessions();
  return <SessionsContext.Provider value={sessions}>{children}</SessionsContext.Provider>;
}

/** Undefined outside a provider (a component test rendering a row alone): the parts then show nothing. */
export function useSessionsContext(): Sessions | undefined {
  return useContext(SessionsContext);
}
