/**
 * The "Saved" beside a setting that was just saved: settings save as they change (no Save button), so the person
 * sees which one took. A live region that is always there (empty until a save), so a screen reader hears it; never a
 * second `role=status` on the page (the editor's save line is the page's status).
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';

export function SavedMark({ shown }: { shown: boolean }) {
  return (
    <span class="saved" aria-live="polite">
      {shown ? 'Saved' : ''}
    </span>
  );
}

type Marked = { saved: string | undefined; mark: (key: string | undefined) => void };

const Scope = createContext<Marked | undefined>(undefined);

/** Settings inside share one mark: "Saved" shows beside the last one saved, not beside every one saved since. */
export function SavedScope({ children }: { children: ComponentChildren }) {
  const [saved, mark] = useState<string | undefined>();
  return <Scope.Provider value={{ saved, mark }}>{children}</Scope.Provider>;
}

/** Which setting was saved last (its mark shows until another one is), or none after an error: the scope's, if any. */
export function useSavedMark(): Marked {
  const [saved, mark] = useState<string | undefined>();
  return useContext(Scope) ?? { saved, mark };
}

/** One setting's row: its field (a label around its control) and, outside the label so its name stays the label's, the mark. */
export function Setting({ saved, children }: { saved: boolean; children: ComponentChildren }) {
  return (
    <div class="setting">
      {children}
      <SavedMark shown={saved} />
    </div>
  );
}
