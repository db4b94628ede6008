/**
 * A role's actions, beside signing in (right click on a row, the Menu key or Shift+F10 in the search box): its
 * temporary credentials for a terminal in each shell's syntax (assumed as a sign-in would be, copied to the
 * clipboard, kept nowhere), its ARN, its account id, and "Open in…": a region of the role's partition and a service
 * (`ec2`, `s3`, `cloudwatch`) for this one sign-in, as Granted's `assume -c --region eu-west-1 -s ec2` does.
 * Alt+C copies the credentials in the last syntax chosen; Alt+O opens the menu at "Open in…".
 * An overlay above the list: opening it moves no row. Arrow keys move, Enter picks, Esc closes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { isAccountId, isPartition } from '../src/core/arn';
import { isServiceName } from '../src/core/destination';
import { effectiveRegion, regionsOf } from '../src/core/partitions';
import { TERMINAL_FORMATS, type TerminalFormat } from '../src/core/terminal-credentials';
import type { RoleSummary } from '../src/messages';
import { t } from './i18n';

export type RoleMenuAction =
  | { kind: 'terminal'; format: TerminalFormat }
  | { kind: 'copy'; text: string }
  /** Sign in with the console in this region and on this service (each omitted: the profile's). */
  | { kind: 'open'; region?: string; service?: string };

/** Console paths people open most, offered as suggestions; any service name can be typed. */
const COMMON_SERVICES = ['ec2', 's3', 'cloudwatch', 'lambda', 'iam', 'cloudformation', 'rds', 'dynamodbv2', 'ecs', 'vpc', 'sqs', 'route53', 'billing'];

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

/**
 * A menu's keys, for this one and the popup's own (popup-menu.tsx): arrows, Home and End move between its items
 * (wrapping), Esc and Tab close it. Handled here, so the page-wide Esc (clear the search, close the popup) does not run.
 */
export function menuKeys(event: KeyboardEvent, onClose: () => void): void {
  const menu = event.currentTarget as HTMLElement;
  const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"], [role="menuitemcheckbox"]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  const move = (to: number) => items[(to + items.length) % items.length]?.focus();
  if (event.key === 'ArrowDown') move(at + 1);
  else if (event.key === 'ArrowUp') move(at - 1);
  else if (event.key === 'Home') move(0);
  else if (event.key === 'End') move(items.length - 1);
  else if (event.key === 'Escape' || event.key === 'Tab') onClose();
  else return;
  event.preventDefault();
  event.stopPropagation();
}

export interface RoleMenuProps {
  role: RoleSummary;
  onPick: (action: RoleMenuAction) => void;
  onClose: () => void;
  /** Open at the "Open in…" form (Alt+O) rather than the list of actions. */
  openIn?: boolean;
}

export function RoleMenu({ role, onPick, onClose, openIn = false }: RoleMenuProps) {
  const menu = useRef<HTMLDivElement>(null);
  const [form, setForm] = useState(openIn);
  useEffect(() => {
    if (!form) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [form]);

  if (form) return <OpenInForm role={role} onPick={onPick} onClose={onClose} />;

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

  return (
    <div class="role-menu-backdrop" onClick={onClose}>
      <div ref={menu} role="menu" class="role-menu" aria-label={t('popupMenuLabel', role.profile)} onKeyDown={(event) => menuKeys(event, onClose)} onClick={(event) => event.stopPropagation()}>
        {items.map((item) => (
          <button key={item.label} type="button" role="menuitem" tabIndex={-1} onClick={() => onPick(item.action)}>
            {item.label}
          </button>
        ))}
        <button type="button" role="menuitem" tabIndex={-1} aria-haspopup="dialog" onClick={() => setForm(true)}>
          {t('popupMenuOpenIn')}
        </button>
      </div>
    </div>
  );
}

/**
 * "Open in…": the region (the partition's regions, the profile's first) and a service typed or picked from the
 * common ones. A service that is no console path name is said in one sentence, and what was typed stays.
 */
function OpenInForm({ role, onPick, onClose }: Omit<RoleMenuProps, 'openIn'>) {
  const regions = regionsOf(role.partition);
  // The region the console would open in without a choice: the profile's when it is one of the partition's.
  const profileRegion = isPartition(role.partition) ? effectiveRegion(role.partition, role.region) : '';
  const [region, setRegion] = useState(profileRegion);
  const [service, setService] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const serviceField = useRef<HTMLInputElement>(null);
  useEffect(() => serviceField.current?.focus(), []);

  function submit(event: Event) {
    event.preventDefault();
    const name = service.trim().toLowerCase();
    if (name !== '' && !isServiceName(name)) {
      setError(t('popupOpenInBadService'));
      serviceField.current?.focus();
      return;
    }
    onPick({ kind: 'open', ...(region !== profileRegion && { region }), ...(name !== '' && { service: name }) });
  }

  return (
    <div class="role-menu-backdrop" onClick={onClose}>
      {/* A dialog holding a form (a form element may not take the dialog role itself: axe's aria-allowed-role). */}
      <div
        role="dialog"
        class="role-menu open-in"
        aria-label={t('popupOpenInLabel', role.profile)}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          // Handled here: the page-wide Esc (clear the search, close the popup) must not also run.
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }}
      >
        <form class="open-in-form" onSubmit={submit}>
          <p class="open-in-title">{t('popupOpenInLabel', role.profile)}</p>
          <label class="field">
            <span>{t('popupOpenInRegion')}</span>
            <select value={region} onChange={(event) => setRegion(event.currentTarget.value)}>
              {regions.map((name) => (
                <option key={name} value={name}>
                  {name === profileRegion ? t('popupOpenInProfileRegion', name) : name}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>{t('popupOpenInService')}</span>
            <input
              ref={serviceField}
              type="text"
              list="open-in-services"
              placeholder="ec2, s3, cloudwatch"
              autocomplete="off"
              spellcheck={false}
              aria-invalid={error !== undefined}
              aria-describedby={error !== undefined ? 'open-in-error' : undefined}
              value={service}
              onInput={(event) => {
                setService(event.currentTarget.value);
                setError(undefined);
              }}
            />
            <datalist id="open-in-services">
              {COMMON_SERVICES.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </label>
          {error !== undefined && (
            <p role="alert" id="open-in-error" class="error">
              {error}
            </p>
          )}
          <div class="prompt-actions">
            <button type="submit" class="primary">
              {t('popupOpenInSubmit')}
            </button>
            <button type="button" onClick={onClose}>
              {t('popupCancel')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
