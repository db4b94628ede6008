/**
 * A configuration kept from an address (the subscription, or the URL a policy names), as the options page says it:
 * where it comes from, when the copy in use was fetched, why the last attempt was not used (the copy stays), what the
 * last change did, its problems (lines of that file, not of the editor), and the copy itself, read-only.
 */
import { describeDiff } from '../core/config/fetched-config';
import type { ConfigDiagnostic, FetchedConfigInfo } from '../messages';
import { Disclosure } from './disclosure';

/** A time a person reads (the browser's locale). */
export function when(at: number): string {
  return new Date(at).toLocaleString();
}

export function FetchedStatus({ info, name }: { info: FetchedConfigInfo; name: string }) {
  return (
    <>
      {info.fetchedAt > 0 ? (
        <p>
          {count(info.roles, 'role')} from <code>{info.url}</code>, fetched {when(info.fetchedAt)}.
          {info.skipped > 0 && ` ${count(info.skipped, 'profile')} of it skipped (see below).`}
          {info.removedKeys > 0 && ` ${count(info.removedKeys, 'line')} with access keys taken out: keys are never kept from a file.`}
        </p>
      ) : (
        <p>Nothing fetched from <code>{info.url}</code> yet.</p>
      )}
      {info.failure && (
        <p class="error">
          Not updated {when(info.failure.at)}: {info.failure.message}
          {info.fetchedAt > 0 ? ` The copy fetched ${when(info.fetchedAt)} is still in use.` : ''}
        </p>
      )}
      {info.lastChange && <p class="hint">Last change, {when(info.lastChange.at)}: {describeDiff(info.lastChange)}.</p>}
      <LayerProblems diagnostics={info.diagnostics} name={name} />
      {info.text !== '' && <LayerText text={info.text} name={name} />}
    </>
  );
}

/** A read-only layer's problems: its own lines, so no button takes them to the editor. */
export function LayerProblems({ diagnostics, name }: { diagnostics: ConfigDiagnostic[]; name: string }) {
  if (diagnostics.length === 0) return null;
  return (
    // Not "Problems": that is the editor's list, found by its name.
    <ul class="diagnostics" aria-label={`Errors and warnings in ${name.charAt(0).toLowerCase()}${name.slice(1)}`}>
      {diagnostics.map((d, index) => (
        <li key={`${index}:${d.line}`} class={d.severity}>
          Line {d.line}{d.profile !== undefined && <strong> [{d.profile}]</strong>} {d.severity}: {d.message}
        </li>
      ))}
    </ul>
  );
}

export function LayerText({ text, name }: { text: string; name: string }) {
  return (
    <Disclosure summary="Show the file">
      <textarea readOnly aria-label={name} spellcheck={false} autocomplete="off" rows={12} value={text} />
    </Disclosure>
  );
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
