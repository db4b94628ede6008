/**
 * A source's saved keys, collapsed to one line: "AKIA…0001 · user/alice · Replace · Remove". Never more of the key
 * id than its first and last four characters (enough to match it with the IAM console); Remove asks first, inline.
 */
import { useState } from 'preact/hooks';

/** `AKIAALICEEXAMPLE0001` → `AKIA…0001`; a shorter id shows as `…` alone. */
export function maskKeyId(accessKeyId: string): string {
  return accessKeyId.length > 8 ? `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}` : '…';
}

/** `arn:aws:iam::111111111111:user/alice` → `user/alice` (the identity within its account). */
export function identityOf(arn: string): string {
  return arn.split(':').slice(5).join(':') || arn;
}

interface Props {
  source: string;
  accessKeyId: string;
  arn: string | undefined;
  onReplace: () => void;
  onRemove: () => Promise<void>;
}

export function KeySummary({ source, accessKeyId, arn, onReplace, onRemove }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <p class="key-summary">
        <code>{maskKeyId(accessKeyId)}</code>
        {arn !== undefined && <span title={arn}>{identityOf(arn)}</span>}
        <span>
          <button type="button" aria-label={`Replace the keys of ${source}`} onClick={onReplace}>Replace</button>
        </span>
        <span>
          <button type="button" aria-label={`Remove the keys of ${source}`} aria-expanded={confirming} onClick={() => setConfirming(true)}>Remove</button>
        </span>
      </p>
      {confirming && (
        <div class="confirm" role="group" aria-label={`Remove the keys of ${source}?`}>
          <p>Remove the keys of {source} from the vault? Roles that start from {source} cannot sign in until you add keys again.</p>
          <div class="actions">
            <button
              type="button"
              class="danger"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void onRemove().finally(() => setBusy(false));
              }}
            >
              Remove keys
            </button>
            <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        </div>
      )}
    </>
  );
}
