/**
 * The popup's own menu (⋯ in the toolbar): the options page, help, grouping the roles without a `group` by their
 * source (a view choice, sections.ts), and "Sign out of all sessions" (asked first: it logs every console the
 * extension opened out and closes their tabs); under them, what is running: the version and
 * the keyboard shortcut that opens the popup, as the browser has it now (the person may have changed or cleared it).
 * An overlay, like a role's menu (role-menu.tsx): opening it moves no row.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { helpUrl } from '../src/platform/help';
import { send, type AppError } from '../src/messages';
import { actionShortcut } from '../src/platform/action-shortcut';
import { t } from './i18n';
import { menuKeys } from './role-menu';
import type { PopupView } from './usage-store';

type MenuState = { kind: 'closed' } | { kind: 'open' } | { kind: 'confirm'; busy: boolean; error?: AppError };

export interface PopupMenuProps {
  view: PopupView;
  onView: (change: Partial<PopupView>) => void;
}

export function PopupMenu({ view, onView }: PopupMenuProps) {
  const [state, setState] = useState<MenuState>({ kind: 'closed' });
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setState({ kind: 'closed' });
    button.current?.focus();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        class="toggle more"
        aria-label={t('popupMoreLabel')}
        title={t('popupMoreLabel')}
        aria-haspopup="menu"
        aria-expanded={state.kind !== 'closed'}
        onClick={() => setState(state.kind === 'closed' ? { kind: 'open' } : { kind: 'closed' })}
      >
        ⋯
      </button>
      {state.kind === 'open' && (
        <MenuItems
          onClose={close}
          bySource={view.groupBySource === true}
          onBySource={(on) => onView({ groupBySource: on })}
          onSignOutAll={() => setState({ kind: 'confirm', busy: false })}
        />
      )}
      {state.kind === 'confirm' && (
        <ConfirmSignOut
          state={state}
          onCancel={close}
          onConfirm={() => {
            setState({ kind: 'confirm', busy: true });
            void send('sessions.signOutAll', {}).then((result) => {
              if (result.ok) close();
              else setState({ kind: 'confirm', busy: false, error: result.error });
            });
          }}
        />
      )}
    </>
  );
}

interface MenuItemsProps {
  onClose: () => void;
  bySource: boolean;
  onBySource: (on: boolean) => void;
  onSignOutAll: () => void;
}

function MenuItems({ onClose, bySource, onBySource, onSignOutAll }: MenuItemsProps) {
  const menu = useRef<HTMLDivElement>(null);
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    void actionShortcut().then((key) => setShortcut(key ?? null));
  }, []);
  return (
    <div class="role-menu-backdrop" onClick={onClose}>
      <div class="role-menu popup-menu" onClick={(event) => event.stopPropagation()}>
        <div ref={menu} role="menu" aria-label={t('popupMoreLabel')} class="popup-menu-items" onKeyDown={(event) => menuKeys(event, onClose)}>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popupOpenOptions')}
          </button>
          <a role="menuitem" tabIndex={-1} href={helpUrl()} target="_blank" rel="noreferrer">
            {t('popupHelp')}
          </a>
          <button type="button" role="menuitemcheckbox" tabIndex={-1} aria-checked={bySource} onClick={() => onBySource(!bySource)}>
            <span class="check" aria-hidden="true">{bySource ? '✓' : ''}</span>
            {t('popupGroupBySource')}
          </button>
          <button type="button" role="menuitem" tabIndex={-1} aria-haspopup="dialog" onClick={onSignOutAll}>
            {t('popupSignOutAll')}
          </button>
        </div>
        <p class="popup-menu-facts">
          <span>{t('popupVersion', browser.runtime.getManifest().version)}</span>
          {/* Nothing until the browser answers: never a shortcut that is not the one set. */}
          {shortcut !== undefined && <span>{shortcut === null ? t('popupNoShortcut') : t('popupShortcut', shortcut)}</span>}
        </p>
      </div>
    </div>
  );
}

function ConfirmSignOut(props: { state: Extract<MenuState, { kind: 'confirm' }>; onCancel: () => void; onConfirm: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  // Cancel has focus: Enter on a menu item must not sign everything out at once.
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div class="role-menu-backdrop" onClick={props.onCancel}>
      <div
        role="alertdialog"
        class="role-menu popup-menu confirm"
        aria-labelledby="sign-out-all-text"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          event.stopPropagation();
          props.onCancel();
        }}
      >
        <p id="sign-out-all-text">{t('popupSignOutAllConfirm')}</p>
        {props.state.error !== undefined && (
          <p role="alert" class="error">
            {props.state.error.message}
          </p>
        )}
        <div class="prompt-actions">
          <button type="button" class="primary" disabled={props.state.busy} onClick={props.onConfirm}>
            {t('popupSignOutAllSubmit')}
          </button>
          <button ref={cancel} type="button" onClick={props.onCancel}>
            {t('popupCancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
