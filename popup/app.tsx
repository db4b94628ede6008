/** The popup: the configured roles, a search box, one click to sign in. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send, type AppError, type OpenIn, type RoleSummary } from '../src/messages';

type Status =
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'signing-in'; profile: string }
  | { kind: 'signed-in'; profile: string; arn: string }
  | { kind: 'error'; error: AppError; profile?: string };

export function App() {
  const [roles, setRoles] = useState<RoleSummary[]>([]);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'loading' });

  useEffect(() => {
    void send('roles.list', {}).then((result) => {
      if (result.ok) {
        setRoles(result.value.roles);
        setStatus({ kind: 'ready' });
      } else {
        setStatus({ kind: 'error', error: result.error });
      }
    });
  }, []);

  const shown = useMemo(() => filterRoles(roles, query), [roles, query]);

  async function signIn(profile: string, openIn: OpenIn) {
    setStatus({ kind: 'signing-in', profile });
    const result = await send('signIn', { profile, openIn });
    setStatus(result.ok ? { kind: 'signed-in', profile, arn: result.value.assumedRoleArn } : { kind: 'error', error: result.error, profile });
  }

  const busy = status.kind === 'signing-in';
  return (
    <main class="popup">
      <input
        class="search"
        type="search"
        aria-label="Search roles"
        placeholder="Search roles"
        autofocus
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      <StatusLine status={status} onRetry={(profile) => void signIn(profile, 'new-tab')} />
      {status.kind !== 'loading' && roles.length === 0 && status.kind !== 'error' && (
        <p class="empty">
          No roles yet. <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>Open the options</button> and paste your configuration.
        </p>
      )}
      <ul class="roles" aria-label="Roles">
        {shown.map((role) => (
          <li key={role.profile}>
            <button
              type="button"
              class="role"
              disabled={busy}
              aria-label={`Sign in as ${role.profile}`}
              onClick={(event) => void signIn(role.profile, event.shiftKey ? 'new-window' : 'new-tab')}
            >
              <span class="swatch" style={{ background: role.color ?? 'transparent' }} aria-hidden="true" />
              <span class="name">{role.profile}</span>
              <span class="detail">
                {role.accountId} · {role.roleName}
                {role.region ? ` · ${role.region}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}

function StatusLine({ status, onRetry }: { status: Status; onRetry: (profile: string) => void }) {
  switch (status.kind) {
    case 'signing-in':
      return <p role="status" class="status">Signing in as {status.profile}…</p>;
    case 'signed-in':
      return <p role="status" class="status ok">Signed in as {status.arn}</p>;
    case 'error':
      return (
        <div role="alert" class="status error">
          {status.error.message}
          {status.profile !== undefined && (
            <button type="button" onClick={() => onRetry(status.profile ?? '')}>Retry</button>
          )}
        </div>
      );
    default:
      return null;
  }
}

/** Every space-separated word must appear in the profile, account, alias, role name, group or region. */
export function filterRoles(roles: RoleSummary[], query: string): RoleSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return roles;
  return roles.filter((role) => {
    const haystack = [role.profile, role.accountId, role.accountAlias, role.roleName, role.group, role.region, role.roleArn]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
