/**
 * A role's actions, beside signing in (right click on a row, the Menu key or Shift+F10 in the search box): its
 * temporary credentials for a terminal in each shell's syntax (assumed as a sign-in would be, copied to the
 * clipboard, kept nowhere), its ARN, its account id. Alt+C copies the credentials in the last syntax chosen.
 * An overlay above the list: opening it moves no row. Arrow keys move, Enter picks, Esc closes.
 */
import { useEffect, useRef } from 'preact/hooks';
import { isAccountId } from '../src/core/arn';
import { TERMINAL_FORMATS, type TerminalFormat } from '../src/core/terminal-credentials';
import type { RoleSummary } from '../src/messages';
import { t } from './i18n';

export type RoleMenuAction = { kind: 'terminal'; format: TerminalFormat } | { kind: 'copy'; text: string };

const LABELS: Record<TerminalFormat, string> = {
  bash: 'bash / zsh',
  fish: 'fish',
  powershell: 'PowerShell',
  'credentials-file': '~/.aws/credentials',
};

export function formatLabel(format: TerminalFormat | undefined): string {
  return LABELS[format ?? 'bash'];
}

/** The syntax Alt+C uses before the person has chosen one: PowerShell on Windows, bash/zsh elsewhere. */
export function defaultFormat(platform = navigator.platform): TerminalFormat {
  return /^Win/i.test(platform) ? 'powershell' : 'bash';
}

export function RoleMenu({ role, onPick, onClose }: { role: RoleSummary; onPick: (action: RoleMenuAction) => void; onClose: () => void }) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus(), []);

  const items: { label: string; action: RoleMenuAction }[] = [
    ...TERMINAL_FORMATS.map((format) => ({ label: t('popupMenuCredentials', formatLabel(format)), action: { kind: 'terminal', format } as const })),
    // A role written with an account alias (AESR) has neither an ARN nor an account id to copy: its account is the alias.
    ...(isAccountId(role.accountId)
      ? [
        { label: t('popupMenuCopyArn'), action: { kind: 'copy', text: role.roleArn } as const },
        { label: t('popupMenuCopyAccount'), action: { kind: 'copy', text: role.accountId } as const },
      ]
      : []),
  ];

  function onKeyDown(event: KeyboardEvent) {
    const buttons = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => buttons[(to + buttons.length) % buttons.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(buttons.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div class="role-menu-backdrop" onClick={onClose}>
      <div ref={menu} role="menu" class="role-menu" aria-label={t('popupMenuLabel', role.profile)} onKeyDown={onKeyDown} onClick={(event) => event.stopPropagation()}>
        {items.map((item) => (
          <button key={item.label} type="button" role="menuitem" tabIndex={-1} onClick={() => onPick(item.action)}>
            {item.label}
          </button>
        ))}
      </div>
    </div>
  );
}
