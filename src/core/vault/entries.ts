/** What the vault holds: long-term IAM-user access keys, one entry per source profile. */
import { VaultError } from './errors';

export interface VaultEntry {
  accessKeyId: string;
  secretAccessKey: string;
  /** The user's MFA device (`arn:aws:iam::<account>:mfa/<name>` or a hardware serial), when set with the keys. */
  mfaSerial?: string;
  /** The identity GetCallerIdentity answered when the keys were checked, e.g. `arn:aws:iam::111111111111:user/alice`. */
  arn?: string;
}

/** Keyed by source profile name. */
export type VaultEntries = Record<string, VaultEntry>;

export function serializeEntries(entries: VaultEntries): string {
  return JSON.stringify({ entries });
}

/** Throws `damaged` for anything but the shape above: decrypted data is trusted only once it parses. */
export function parseEntries(json: string): VaultEntries {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new VaultError('damaged');
  }
  const entries = (value as { entries?: unknown } | null)?.entries;
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) throw new VaultError('damaged');
  const result: VaultEntries = {};
  for (const [source, entry] of Object.entries(entries as Record<string, unknown>)) {
    result[source] = parseEntry(entry);
  }
  return result;
}

function parseEntry(value: unknown): VaultEntry {
  const e = value as Partial<Record<keyof VaultEntry, unknown>> | null;
  if (typeof e !== 'object' || e === null || typeof e.accessKeyId !== 'string' || typeof e.secretAccessKey !== 'string') {
    throw new VaultError('damaged');
  }
  return {
    accessKeyId: e.accessKeyId,
    secretAccessKey: e.secretAccessKey,
    ...(typeof e.mfaSerial === 'string' && { mfaSerial: e.mfaSerial }),
    ...(typeof e.arn === 'string' && { arn: e.arn }),
  };
}
