/**
 * One Identity Center (an sso-session, or a legacy start URL) on the options page: how to group what it brings,
 * "Import accounts and roles", the progress while it signs in and lists, then what was added to the editor and
 * what is gone. Nothing is saved here: the person reviews the editor and presses Save.
 */
import { useId, useState } from 'preact/hooks';
import { GROUPINGS, type Grouping } from '../core/sso/import-grouping';
import { sessionLabel } from '../core/sso/import-profiles';
import type { ImportSource } from '../core/sso/import-targets';
import { SsoImportGone } from './sso-import-gone';
import { progressText, resultText } from './sso-import-text';
import { useSsoImport, type ApplyImport } from './use-sso-import';
import { Disclosure } from './disclosure';

interface Props {
  source: ImportSource;
  apply: ApplyImport;
  onGoToLine: (line: number) => void;
}

export function SsoImportRow({ source, apply, onGoToLine }: Props) {
  const heading = useId();
  const [grouping, setGrouping] = useState<Grouping>('account');
  const { state, start, cancel } = useSsoImport(source, apply);
  const running = state.kind === 'running';
  return (
    <div class="sso-import" role="group" aria-labelledby={heading}>
      <h4 id={heading}>{source.label}</h4>
      <p class="hint">
        {source.startUrl} ({source.region}). New profiles are named <code>account-name/PermissionSet</code>; the first and
        last words of <code>team-a-prod</code> are <code>team</code> and <code>prod</code>.
      </p>
      <div class="actions">
        <label>
          Group new profiles{' '}
          <select value={grouping} disabled={running} onChange={(event) => setGrouping(event.currentTarget.value as Grouping)}>
            {GROUPINGS.map((choice) => (
              <option key={choice} value={choice}>{groupingLabel(choice, sessionLabel(source.target))}</option>
            ))}
          </select>
        </label>
        <button type="button" disabled={running} onClick={() => start(grouping)}>Import accounts and roles</button>
        {running && state.progress?.userCode !== undefined && <button type="button" onClick={cancel}>Cancel sign-in</button>}
      </div>
      {state.kind !== 'idle' && state.kind !== 'failed' && (
        <p role="status">
          {state.kind === 'running' && progressText(state.progress)}
          {state.kind === 'done' && resultText(state.result)}
          {state.kind === 'cancelled' && 'Sign-in cancelled: nothing was imported.'}
        </p>
      )}
      {state.kind === 'failed' && <p role="alert" class="error">{state.error.message}</p>}
      {state.kind === 'done' && state.result.added.length > 0 && (
        <Disclosure summary={`New profiles (${state.result.added.length})`}>
          <ul class="sso-new">
            {state.result.added.map((profile) => <li key={profile.name}>{profile.name} <span class="hint">group {profile.group}</span></li>)}
          </ul>
        </Disclosure>
      )}
      {state.kind === 'done' && <SsoImportGone gone={state.result.gone} onGoToLine={onGoToLine} />}
    </div>
  );
}

function groupingLabel(grouping: Grouping, session: string): string {
  switch (grouping) {
    case 'account':
      return 'one group per account';
    case 'first-word':
      return 'by the account name\u2019s first word';
    case 'last-word':
      return 'by the account name\u2019s last word';
    case 'session':
      return `all in one group, ${session}`;
  }
}
