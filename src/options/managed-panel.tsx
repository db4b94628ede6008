/**
 * The organisation's roles, beside the person's own configuration: pushed by a browser policy (storage.managed),
 * read-only, listed in the popup as their own group. Says which settings the policy fixes and whether keys may be
 * kept in the vault. When the policy names its configuration by URL and the extension may not read that host yet,
 * the person allows it here, with a click (the browser asks).
 */
import { useState } from 'preact/hooks';
import { send, type AppError, type ManagedInfo } from '../messages';
import { requestHostAccess } from '../platform/host-access';
import { count, FetchedStatus, LayerProblems, LayerText } from './fetched-status';

/** How each lockable setting is named on this page. */
export const SETTING_LABELS: Record<string, string> = {
  defaultDurationSeconds: 'the default session length',
  openIn: 'where the console opens',
  keepPage: 'keeping the console page when switching',
  onlySwitchable: 'showing only roles that can switch from the console',
  defaultWay: 'the way of a role that can sign in with keys or switch the console tab',
  autoAssumeLastRole: 'switching to the last role after a console sign-in',
};

export function ManagedPanel({ managed, onUpdate }: { managed: ManagedInfo; onUpdate: (next: ManagedInfo | null) => void }) {
  const [error, setError] = useState<AppError | string | undefined>();
  const fetched = managed.fetched;
  // Not "configuration": the editor's textbox and problem list are found by that name.
  const name = 'Your organisation\u2019s file';

  function allow() {
    if (!fetched) return;
    const origin = new URL(fetched.url).origin;
    // Asked first, in the click: the browser shows its prompt only for a person's gesture.
    const asking = requestHostAccess(origin);
    void (async () => {
      if (!(await asking)) return setError(`The browser did not allow reading ${new URL(origin).host}, so your organisation\u2019s configuration could not be fetched.`);
      const result = await send('managed.refresh', {});
      if (result.ok) {
        setError(undefined);
        onUpdate(result.value.managed);
      } else setError(result.error);
    })();
  }

  return (
    <section aria-labelledby="managed-heading">
      <h2 id="managed-heading">{managed.group}</h2>
      <p>
        Your organisation gives you these roles with a browser policy. The popup lists them as &ldquo;{managed.group}&rdquo;;
        they cannot be changed here. A profile of yours with the same name as one of theirs is skipped, and said so above.
      </p>
      {!fetched && <p>{count(managed.roles, 'role')}{managed.skipped > 0 && `; ${count(managed.skipped, 'profile')} skipped (see below)`}.</p>}
      {fetched && <FetchedStatus info={fetched} name={name} />}
      {fetched && !fetched.hostAllowed && fetched.failure && (
        <button type="button" onClick={allow}>Allow reading {new URL(fetched.url).host}</button>
      )}
      {error !== undefined && <p role="alert" class="error">{typeof error === 'string' ? error : error.message}</p>}
      {managed.lockedSettings.length > 0 && (
        <p>Set by your organisation: {managed.lockedSettings.map((key) => SETTING_LABELS[key] ?? key).join(', ')}.</p>
      )}
      {!managed.allowVaultKeys && <p>Your organisation does not allow access keys in the vault: sign in with IAM Identity Center.</p>}
      {managed.problems.length > 0 && (
        <ul aria-label="Policy values not used">
          {managed.problems.map((problem) => <li key={problem} class="warning">{problem}</li>)}
        </ul>
      )}
      {!fetched && <LayerProblems diagnostics={managed.diagnostics} name={name} />}
      {managed.text !== undefined && <LayerText text={managed.text} name={name} />}
    </section>
  );
}
