/**
 * Long-term access keys per source profile, held in the encrypted vault (src/core/vault). Reading them needs the
 * vault unlocked; the options page sees the access key id and the identity, never the secret again.
 */
import type { VaultEntry } from '../../../core/vault/index';
import type { SourceStatus } from '../../../messages';
import { forgetMfaSessions } from './mfa-session';
import { SignInError } from '../../sign-in/sign-in-error';
import { readEntries, updateEntries, vaultStatus, type VaultUse } from '../../vault/vault';

/**
 * The keys of `source`; undefined when there are none. Throws `vault-locked` while the vault is locked (an
 * automatic read after the idle time finds it locked: it does not keep the vault open).
 */
export async function keysFor(source: string, use: VaultUse): Promise<VaultEntry | undefined> {
  const entries = await readEntries(use);
  return entries && Object.hasOwn(entries, source) ? entries[source] : undefined;
}

export async function setKeys(source: string, entry: VaultEntry): Promise<SourceStatus> {
  if (!(await vaultStatus()).initialized) {
    throw new SignInError('bad-request', 'Set a vault passphrase first: your keys are saved encrypted under it.');
  }
  await updateEntries((entries) => ({ ...entries, [source]: entry }));
  // An MFA session made from the old keys belongs to them.
  await forgetMfaSessions(source);
  return statusOf(source, entry);
}

export async function removeKeys(source: string): Promise<SourceStatus> {
  await updateEntries(({ [source]: _removed, ...rest }) => rest);
  await forgetMfaSessions(source);
  return { source };
}

/** Which sources have keys; while locked (or with no vault) the list comes without key details. */
export async function keyStatus(sources: string[]): Promise<SourceStatus[]> {
  const status = await vaultStatus();
  // Listing is not a use: an options page refreshing on a storage change must not keep the vault open.
  const entries = status.initialized && !status.locked ? await readEntries('automatic') : undefined;
  const names = [...new Set([...sources, ...Object.keys(entries ?? {})])].sort();
  return names.map((source) => {
    const entry = entries && Object.hasOwn(entries, source) ? entries[source] : undefined;
    return entry ? statusOf(source, entry) : { source };
  });
}

function statusOf(source: string, entry: VaultEntry): SourceStatus {
  return {
    source,
    accessKeyId: entry.accessKeyId,
    ...(entry.mfaSerial !== undefined && { mfaSerial: entry.mfaSerial }),
    ...(entry.arn !== undefined && { arn: entry.arn }),
  };
}
