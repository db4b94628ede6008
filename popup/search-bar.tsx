/**
 * The search box (a combobox driving the listbox through aria-activedescendant, so focus never leaves it) and
 * the view toggles: alphabetical order, hidden account ids, and the popup's menu (options, help, version).
 */
import type { ComponentChildren, Ref } from 'preact';
import { t } from './i18n';
import { EyeIcon } from './icons';
import { PopupMenu } from './popup-menu';
import { LISTBOX_ID } from './role-listbox';
import type { PopupView } from './usage-store';

export interface SearchBarProps {
  inputRef: Ref<HTMLInputElement>;
  query: string;
  activeDescendant: string | undefined;
  /** Whether the listbox has rows to show. */
  expanded: boolean;
  view: PopupView;
  onQuery: (query: string, at: number) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  onView: (change: Partial<PopupView>) => void;
}

export function SearchBar(props: SearchBarProps) {
  return (
    <header class="bar">
      <input
        ref={props.inputRef}
        class="search"
        type="text"
        role="combobox"
        aria-label={t('popupSearchLabel')}
        aria-controls={LISTBOX_ID}
        aria-expanded={props.expanded}
        aria-autocomplete="list"
        aria-activedescendant={props.activeDescendant}
        placeholder={t('popupSearchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        value={props.query}
        // The event's timestamp is when the key was pressed: the start of the keystroke-to-paint measure.
        onInput={(event) => props.onQuery(event.currentTarget.value, event.timeStamp)}
        onKeyDown={props.onKeyDown}
      />
      <ViewToggle label={t('popupSortAlphabetical')} on={props.view.alphabetical} onToggle={(on) => props.onView({ alphabetical: on })}>
        A–Z
      </ViewToggle>
      <ViewToggle label={t('popupHideAccountIds')} on={props.view.hideAccountIds} onToggle={(on) => props.onView({ hideAccountIds: on })}>
        <EyeIcon off={props.view.hideAccountIds} />
      </ViewToggle>
      {/* Options, help, sign out of all, the version and the popup's shortcut (popup-menu.tsx). */}
      <PopupMenu view={props.view} onView={props.onView} />
    </header>
  );
}

/** A view choice that is on or off: a pressed-state button, named for screen readers and on hover. */
function ViewToggle(props: { label: string; on: boolean; onToggle: (on: boolean) => void; children: ComponentChildren }) {
  return (
    <button type="button" class="toggle" aria-pressed={props.on} aria-label={props.label} title={props.label} onClick={() => props.onToggle(!props.on)}>
      {props.children}
    </button>
  );
}
