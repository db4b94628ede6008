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
  /** Whether the sources were read once: before, no found key can be said to belong to none of them. */
  const [loaded, setLoaded] = useState(false);
  const locked = vault.status?.initialized === true && vault.status.locked;
  const found = foundKeysNote(foundKeys, loaded ? sources : undefined, { locked, keysForbidden, vaultReady: vault.status?.initialized === true });

  async function refresh() {
    const result = await send('sources.list', {});
    if (result.ok) {
      setSources(result.value.sources);
      setLoaded(true);
    } else setError(result.error);
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
      {found.map((sentence) => <p role="note" key={sentence}>{sentence}</p>)}
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

/**
 * What became of access keys taken out of a saved configuration, in the words that are true for this page: filled
 * in below to save into the vault (a passphrase chosen with the first keys), the vault to unlock first, or kept
 * nowhere (no role starts from that profile, or the organisation's policy keeps keys out of the vault).
 */
export function foundKeysNote(
  found: FoundKeys[], sources: SourceStatus[] | undefined, vault: { locked: boolean; keysForbidden: boolean; vaultReady: boolean },
): string[] {
  if (found.length === 0 || sources === undefined) return [];
  const profiles = found.map((entry) => entry.profile);
  if (vault.keysForbidden) {
    return [`Keys were written in the configuration for ${profiles.join(', ')}: they were taken out and not kept anywhere (your organisation does not allow access keys in the vault).`];
  }
  const sourceOf = (profile: string) => sources.find((source) => source.source === profile);
  // Saved since: the vault holds that very key id for the source (the secret is never read back to compare).
  const kept = found.filter((entry) => entry.accessKeyId !== undefined && sourceOf(entry.profile)?.accessKeyId === entry.accessKeyId).map((entry) => entry.profile);
  const movable = profiles.filter((profile) => sourceOf(profile) !== undefined && !kept.includes(profile));
  const unused = profiles.filter((profile) => sourceOf(profile) === undefined);
  const notes: string[] = [];
  if (kept.length > 0) notes.push(`The keys written in the configuration for ${kept.join(', ')} are in the encrypted vault now.`);
  if (movable.length > 0) {
    const names = movable.join(', ');
    if (vault.locked) notes.push(`The keys written in the configuration for ${names} were taken out of it: unlock the vault (below), and they are filled in here to save into it.`);
    else if (!vault.vaultReady) notes.push(`The keys written in the configuration for ${names} are filled in below: choose a vault passphrase and Save keys to keep them in the encrypted vault.`);
    else notes.push(`The keys written in the configuration for ${names} are filled in below: Save keys checks them with AWS and keeps them in the encrypted vault.`);
  }
  if (unused.length > 0) {
    notes.push(`Keys were written in the configuration for ${unused.join(', ')}, which no role uses as its source: they were taken out and not kept anywhere.`);
  }
  return notes;
}
