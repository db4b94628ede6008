/**
 * Access keys per source profile, kept for this browser session only (the encrypted vault comes in its own
 * issue). The secret is write-only: the page shows the access key id, never the secret again.
 */
import { useEffect, useState } from 'preact/hooks';
import { send, type AppError, type SourceStatus } from '../messages';

export function SourceKeys({ configVersion }: { configVersion: number }) {
  const [sources, setSources] = useState<SourceStatus[]>([]);
  const [error, setError] = useState<AppError | undefined>();

  async function refresh() {
    const result = await send('sources.list', {});
    if (result.ok) setSources(result.value.sources);
    else setError(result.error);
  }

  useEffect(() => {
    void refresh();
  }, [configVersion]);

  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">Access keys</h2>
      <p class="hint">Keys are held in memory for this browser session only and are forgotten when the browser closes.</p>
      {error && <p role="alert" class="error">{error.message}</p>}
      {sources.length === 0 && <p>Save a configuration first: its source profiles are listed here.</p>}
      {sources.map((source) => (
        <SourceRow key={source.source} status={source} onChange={() => void refresh()} />
      ))}
    </section>
  );
}

function SourceRow({ status, onChange }: { status: SourceStatus; onChange: () => void }) {
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<AppError | undefined>();

  async function save(event: Event) {
    event.preventDefault();
    const result = await send('keys.set', { source: status.source, accessKeyId, secretAccessKey: secret });
    if (result.ok) {
      setAccessKeyId('');
      setSecret('');
      setError(undefined);
      onChange();
    } else {
      setError(result.error);
    }
  }

  return (
    <form class="source" aria-label={`Keys for ${status.source}`} onSubmit={(event) => void save(event)}>
      <h3>{status.source}</h3>
      <p>{status.accessKeyId !== undefined ? `Key in use: ${status.accessKeyId}` : 'No keys yet.'}</p>
      <label>
        Access key id
        <input value={accessKeyId} autocomplete="off" spellcheck={false} onInput={(e) => setAccessKeyId(e.currentTarget.value)} />
      </label>
      <label>
        Secret access key
        <input type="password" value={secret} autocomplete="off" onInput={(e) => setSecret(e.currentTarget.value)} />
      </label>
      <button type="submit">{status.accessKeyId !== undefined ? 'Replace keys' : 'Save keys'}</button>
      {status.accessKeyId !== undefined && (
        <button type="button" onClick={() => void send('keys.remove', { source: status.source }).then(onChange)}>
          Remove keys
        </button>
      )}
      {error && <p role="alert" class="error">{error.message}</p>}
    </form>
  );
}
