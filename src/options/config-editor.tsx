/**
 * The configuration editor: the text, saved with each broken profile skipped (the rest works; only a text refused
 * whole, over the size limits, leaves the last good configuration in force), its problems with line numbers, where
 * it is stored, and import/export as a file. What the user typed is never thrown away: not by a failed save, nor
 * by a change arriving from another browser. Ctrl+S (Cmd+S) saves, as in an editor. A save says one thing once
 * ("Saved: 8 roles, synced to your other browsers."); where and how big it is stored is behind a disclosure.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { parseConfig } from '../core/config';
import { findKeyPairs, type FoundKeys } from '../core/config/strip-secrets';
import { send, type AppError, type ConfigDiagnostic, type StoredConfigInfo } from '../messages';
import { ExportLink, ImportFile } from './config-file';
import { deepLink } from './deep-link';
import { DiagnosticsList } from './diagnostics-list';
import { IdentityCenterImport } from './identity-center-import';
import { lineRange } from './line-range';
import { StorageStatus, whereShort } from './storage-status';
import { useSavedConfig } from './use-saved-config';

type Message =
  | { kind: 'saved'; roleCount: number; stored: StoredConfigInfo; broken: Broken; warnings: number; removedKeys: number; keysFound: boolean }
  | { kind: 'not-saved' }
  /** The saved configuration, as it loads, has profiles skipped for their errors. */
  | { kind: 'skipped'; broken: Broken }
  | { kind: 'notice'; text: string }
  /** The saved configuration changed elsewhere while the editor holds unsaved edits. */
  | { kind: 'changed-elsewhere' };

interface Props {
  onSaved: () => void;
  /** Access keys found in a saved text (taken out of it): offered to the Access keys forms, in memory only. */
  onKeysFound?: (found: FoundKeys[]) => void;
}

export function ConfigEditor({ onSaved, onKeysFound }: Props) {
  const { saved, error: loadError, setSaved } = useSavedConfig();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<Message | undefined>();
  const [diagnostics, setDiagnostics] = useState<ConfigDiagnostic[]>([]);
  const [error, setError] = useState<AppError | string | undefined>();
  const [saving, setSaving] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  /** The saved text the editor last showed: the editor is "unsaved" when its text differs from it. */
  const baseline = useRef<string | undefined>(undefined);
  // The textarea's own value, not the state: a keystroke's state update may not have rendered yet when a load
  // answer or a submit arrives, and reading the state then would drop what was just typed.
  const typed = () => area.current?.value ?? text;

  const savedRoleCount = useMemo(() => (saved ? parseConfig(saved.text).roles.length : 0), [saved?.text]);

  // A newer saved configuration (first load, or storage.onChanged): show it, unless that would drop unsaved edits.
  // A layout effect, run in the commit that brings it: a plain effect could run after a Save's answer has moved the
  // baseline on, and take the load from before that Save for a change made elsewhere (and empty the editor).
  useLayoutEffect(() => {
    if (!saved || saved.text === baseline.current) return;
    const first = baseline.current === undefined;
    // Before the first load the editor's own start is the empty text: a person (or a test) may type at once.
    const now = typed();
    const unsaved = now !== (baseline.current ?? '') && now !== saved.text;
    if (unsaved) {
      baseline.current ??= saved.text;
      if (!first) setMessage({ kind: 'changed-elsewhere' });
      return;
    }
    const replaced = now !== saved.text;
    baseline.current = saved.text;
    setText(saved.text);
    if (first) {
      showSavedProblems(saved.text, saved.shadowed ?? []);
      return;
    }
    if (replaced) {
      setDiagnostics([]);
      setMessage({ kind: 'notice', text: 'The saved configuration was changed in another browser or tab; the editor shows it now.' });
    }
    onSaved(); // the access-keys list follows the sources the configuration names
  }, [saved]);

  async function save(event: Event) {
    event.preventDefault();
    const submitted = typed();
    setSaving(true);
    const result = await send('config.save', { text: submitted });
    setSaving(false);
    if (!result.ok) {
      // The editor keeps the text: nothing typed is lost, Save can simply be pressed again.
      setError(result.error);
      return;
    }
    const { saved: ok, roleCount, diagnostics: found, stored, text: savedText, removedKeys } = result.value;
    setError(undefined);
    setDiagnostics(found);
    if (ok) {
      // The editor shows what was saved: a line with access keys became a comment in the same place.
      baseline.current = savedText;
      if (savedText !== submitted) setText(savedText);
      setSaved({ text: savedText, stored });
      const keys = removedKeys.length > 0 ? findKeyPairs(submitted) : [];
      if (keys.length > 0) onKeysFound?.(keys);
      setMessage({
        kind: 'saved',
        roleCount,
        stored,
        broken: brokenOf(found),
        warnings: found.filter((d) => d.severity === 'warning').length - removedKeys.length,
        removedKeys: removedKeys.length,
        keysFound: keys.length > 0,
      });
      onSaved();
    } else {
      setMessage({ kind: 'not-saved' });
    }
  }

  function loadSaved() {
    if (!saved) return;
    baseline.current = saved.text;
    setText(saved.text);
    setDiagnostics([]);
    setMessage({ kind: 'notice', text: 'The editor shows the saved configuration.' });
  }

  function imported(fileText: string, name: string) {
    setText(fileText);
    setDiagnostics([]);
    setError(undefined);
    setMessage({ kind: 'notice', text: `Loaded ${name}: review it, then Save.` });
  }

  /** Profiles an Identity Center import wrote: in the editor, unsaved, for the person to review and Save. */
  function importedProfiles(next: string) {
    setText(next);
    setDiagnostics([]);
    setError(undefined);
    setMessage(undefined);
  }

  /**
   * The saved text, as it loads: its problems when profiles of it are skipped (saved with errors, here or in another
   * browser), and, sent here from the popup to mend a profile (`#profile=<name>`), that profile selected: the line of
   * its first error when it has one, else its section.
   */
  function showSavedProblems(savedText: string, shadowed: ConfigDiagnostic[]) {
    const link = deepLink();
    const model = parseConfig(savedText);
    // A profile of a name the organisation's configuration or the subscription has is skipped too: said on its line.
    const problems = shadowed.length === 0 ? model.diagnostics : [...model.diagnostics, ...shadowed].sort((a, b) => a.line - b.line);
    const broken = brokenOf(problems);
    if (broken.errors > 0) {
      setDiagnostics(problems);
      setMessage({ kind: 'skipped', broken });
    }
    if (link?.kind !== 'profile') return;
    const line = problems.find((d) => d.profile === link.subject && d.severity === 'error')?.line
      ?? [...model.roles, ...model.sources].find((p) => p.name === link.subject)?.line
      ?? model.diagnostics.find((d) => d.profile === link.subject)?.line;
    if (line !== undefined) requestAnimationFrame(() => goToLine(line));
  }

  function goToLine(line: number) {
    const element = area.current;
    if (!element) return;
    const { start, end } = lineRange(element.value, line);
    element.focus();
    element.setSelectionRange(start, end);
  }

  const problem = error ?? loadError;
  return (
    <section aria-labelledby="config-heading">
      <h2 id="config-heading">Configuration</h2>
      <p class="hint">Paste your AWS Extend Switch Roles configuration or your <code>~/.aws/config</code>, or import the file.</p>
      <form onSubmit={(event) => void save(event)} onKeyDown={saveOnCtrlS}>
        <textarea
          ref={area}
          aria-label="Configuration"
          spellcheck={false}
          // Chromium keeps form text in its session-restore files unless the field opts out of autocomplete, and
          // a pasted ~/.aws/credentials would be written to disk there.
          autocomplete="off"
          rows={20}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={saving} aria-keyshortcuts="Control+S Meta+S">Save</button>
          <ImportFile onLoaded={imported} onError={setError} />
          {saved && saved.stored.area !== 'none' && <ExportLink text={saved.text} />}
          <span role="status">
            {message && describe(message)}
            {message?.kind === 'changed-elsewhere' && (
              <button type="button" class="link" onClick={loadSaved}>Load the saved configuration</button>
            )}
          </span>
        </div>
      </form>
      {problem !== undefined && <p role="alert" class="error">{typeof problem === 'string' ? problem : problem.message}</p>}
      <DiagnosticsList diagnostics={diagnostics} onGoToLine={goToLine} />
      {saved && <StorageStatus stored={saved.stored} roleCount={savedRoleCount} />}
      <IdentityCenterImport text={text} currentText={typed} onImported={importedProfiles} onGoToLine={goToLine} />
    </section>
  );
}

/** Ctrl+S, or Cmd+S on a Mac, in the editor's form saves it (and not the browser's "Save page as"). */
function saveOnCtrlS(event: KeyboardEvent & { currentTarget: HTMLFormElement }) {
  if (event.key.toLowerCase() !== 's' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

/** What a text's errors leave out: profiles and sso-sessions skipped, and lines that belong to no profile, ignored. */
interface Broken {
  profiles: number;
  sessions: number;
  lines: number;
  errors: number;
}

function brokenOf(diagnostics: readonly Pick<ConfigDiagnostic, 'severity' | 'profile'>[]): Broken {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  // A diagnostic of an [sso-session x] section names it `sso-session x` (src/core/config/model.ts).
  const sections = new Set(errors.flatMap((d) => (d.profile !== undefined ? [d.profile] : [])));
  const sessions = [...sections].filter((name) => name.startsWith('sso-session ')).length;
  return { profiles: sections.size - sessions, sessions, lines: errors.filter((d) => d.profile === undefined).length, errors: errors.length };
}

/** `1 profile skipped (fix the error below)`, or the empty string when nothing is. */
function brokenText(broken: Broken): string {
  const parts = [
    ...(broken.profiles > 0 ? [`${count(broken.profiles, 'profile')} skipped`] : []),
    ...(broken.sessions > 0 ? [`${count(broken.sessions, 'sso-session')} skipped`] : []),
    ...(broken.lines > 0 ? [`${count(broken.lines, 'line')} ignored`] : []),
  ];
  return parts.length === 0 ? '' : `${parts.join(', ')} (fix the ${broken.errors === 1 ? 'error' : 'errors'} below)`;
}

function describe(message: Message): string {
  switch (message.kind) {
    case 'saved': {
      const broken = brokenText(message.broken);
      let said = `Saved: ${count(message.roleCount, 'role')}, ${whereShort(message.stored)}${broken === '' ? '' : `; ${broken}`}.`;
      if (message.warnings > 0) said += ` ${count(message.warnings, 'warning')} below.`;
      if (message.removedKeys > 0) {
        said += ` ${count(message.removedKeys, 'line')} with access keys taken out: keys are never stored in the configuration.`;
        // What can become of them (filled in to save into the vault, the vault to unlock first, or nothing) depends on
        // the sources, the vault and the organisation's policy: said under Access keys, which knows them.
        if (message.keysFound) said += ' What to do with them: see Access keys.';
      }
      return said;
    }
    case 'not-saved':
      return 'Not saved: the whole text was refused (see below). The last good configuration stays in use.';
    case 'skipped':
      return `The saved configuration is in use with ${brokenText(message.broken)}.`;
    case 'notice':
      return message.text;
    case 'changed-elsewhere':
      return 'The saved configuration was changed in another browser or tab. Your unsaved edits are kept. ';
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
