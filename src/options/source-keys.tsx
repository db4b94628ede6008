/**
 * Access keys per source profile, in the encrypted vault. The secret is write-only: the page shows the access
 * key id and the identity the keys belong to, never the secret again.
 */
import { useEffect, useState } from 'preact/hooks';
import { send, type AppError, type SourceStatus } from '../messages';
import { onConfigChanged } from '../platform/config-changes';
import type { FoundKeys } from '../core/config/strip-secrets';
import { VAULT_KEYS_FORBIDDEN } from '../core/managed-policy';
import { KeyForm } from './key-form';
import type { VaultState } from './use-vault';

interface Props {
  configVersion: number;
  vault: VaultState;
  /** Keys that were written in the configuration (and taken out of it): they fill in their source's form. */
  foundKeys?: FoundKeys[];
  /** The organisation's policy does not allow keys in the vault (core/managed-policy.ts): no form, and why. */
  keysForbidden?: boolean;
}

export function SourceKeys({ configVersion, vault, foundKeys = [], keysForbidden = false }: Props) {
  const [sources, setSources] = useState<SourceStatus[]>([]);
  const [error, setError] = useState<AppError | undefined>();
  const locked = vault.status?.initialized === true && vault.status.locked;
  const unused = sources.length === 0 ? [] : foundKeys.map((f) => f.profile).filter((p) => !sources.some((s) => s.source === p));

  async function refresh() {
    const result = await send('sources.list', {});
    if (result.ok) setSources(result.value.sources);
    else setError(result.error);
  }

  useEffect(() => {
    void refresh();
  }, [configVersion, vault.status?.locked, vault.status?.initialized]);
  // The sources follow the configuration in force wherever it changed: a subscription's roles, a policy pushed.
  useEffect(() => onConfigChanged(() => void refresh()), []);

  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">Access keys</h2>
      <p class="hint">
        Each source profile needs the access keys of an IAM user. Save keys checks them with AWS (STS
        GetCallerIdentity) and saves them only when they work.
      </p>
      {error && <p role="alert" class="error">{error.message}</p>}
      {keysForbidden && <p role="note">{VAULT_KEYS_FORBIDDEN}</p>}
      {!keysForbidden && sources.length === 0 && <p>Save a configuration first: its source profiles are listed here.</p>}
      {unused.length > 0 && (
        <p role="note">
          Keys were written in the configuration for {unused.join(', ')}, which no role uses as its source: they were
          taken out and not kept anywhere.
        </p>
      )}
      {!keysForbidden && locked && sources.length > 0 && <p>Unlock the vault (below) to see or change the keys of {sources.map((s) => s.source).join(', ')}.</p>}
      {!keysForbidden &&
        !locked &&
        vault.status &&
        sources.map((source) => (
          <KeyForm
            key={`${source.source}${prefillOf(foundKeys, source.source) ? ':found' : ''}`}
            status={source}
            prefill={prefillOf(foundKeys, source.source)}
            vaultReady={vault.status?.initialized === true}
            onVaultCreated={vault.update}
            onChange={() => void refresh()}
          />
        ))}
    </section>
  );
}

function prefillOf(found: FoundKeys[], source: string): FoundKeys | undefined {
  return found.find((entry) => entry.profile === source);
}
