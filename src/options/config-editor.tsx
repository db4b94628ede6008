/** The configuration text, saved only when valid; diagnostics with line numbers. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { send, type AppError, type ConfigDiagnostic } from '../messages';

interface Outcome {
  saved: boolean;
  roleCount: number;
  diagnostics: ConfigDiagnostic[];
}

export function ConfigEditor({ onSaved }: { onSaved: () => void }) {
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [error, setError] = useState<AppError | undefined>();
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    void send('config.get', {}).then((result) => {
      if (result.ok) setText(result.value.text);
      else setError(result.error);
    });
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    const result = await send('config.save', { text });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(undefined);
    setOutcome(result.value);
    if (result.value.saved) onSaved();
  }

  function goToLine(line: number) {
    const element = area.current;
    if (!element) return;
    const lines = element.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
    element.focus();
    element.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  }

  return (
    <section aria-labelledby="config-heading">
      <h2 id="config-heading">Configuration</h2>
      <p class="hint">Paste your AWS Extend Switch Roles configuration or your <code>~/.aws/config</code>.</p>
      <form onSubmit={(event) => void save(event)}>
        <textarea
          ref={area}
          aria-label="Configuration"
          spellcheck={false}
          rows={20}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <div class="actions">
          <button type="submit">Save</button>
          {outcome && (
            <span role="status">
              {outcome.saved
                ? `Saved: ${outcome.roleCount} ${outcome.roleCount === 1 ? 'role' : 'roles'} found.`
                : 'Not saved: fix the errors below. The last good configuration stays in use.'}
            </span>
          )}
        </div>
      </form>
      {error && <p role="alert" class="error">{error.message}</p>}
      {outcome && outcome.diagnostics.length > 0 && (
        <ul class="diagnostics" aria-label="Problems">
          {outcome.diagnostics.map((d) => (
            <li key={`${d.line}:${d.message}`} class={d.severity}>
              <button type="button" class="link" onClick={() => goToLine(d.line)}>
                Line {d.line}
              </button>
              {d.profile !== undefined && <strong> [{d.profile}]</strong>} {d.severity}: {d.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
