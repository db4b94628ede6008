/**
 * Identity Center sign-ins kept in the vault (an opt-in setting): the refresh token and the client registration per
 * start URL, sealed with AES-GCM under the vault's key in a box of their own, so that after a browser restart the
 * person types the vault passphrase instead of approving a new code, as the AWS CLI's token cache spares its users.
 * The box is bound to the vault's salt: a passphrase change (a new key) leaves it unreadable, and it is dropped then;
 * the next sign-in asks for approval once.
 */
import { boxContext, openBox, sealBox, type SealedVault } from '../../core/vault/index';
import { readStored, removeStored, writeStored } from '../../platform/storage';
import { lockIfIdle, pushDeadline } from './auto-lock';
import { vaultLocked } from './errors';
import { loadKey, loadSealed } from './state';
import type { VaultUse } from './vault';

export interface KeptSsoSignIn {
  region: string;
  refreshToken: string;
  clientId: string;
  clientSecret: string;
  /** Epoch ms. */
  clientExpiresAt: number;
}

type Kept = Record<string, KeptSsoSignIn>;

async function unlockedVault(): Promise<{ sealed: SealedVault; key: Uint8Array<ArrayBuffer> } | 'locked' | undefined> {
  await lockIfIdle();
  const sealed = await loadSealed().catch(() => undefined);
  if (!sealed) return undefined;
  const key = await loadKey(sealed);
  return key ? { sealed, key } : 'locked';
}

async function readAll(sealed: SealedVault, key: Uint8Array<ArrayBuffer>): Promise<Kept> {
  const stored = await readStored('vault.ssoSealed');
  if (!stored || stored.salt !== sealed.kdf.salt) return {};
  const json = await openBox(key, stored.box, boxContext(sealed.kdf, 'sso'));
  if (json === undefined) return {};
  try {
    const value = JSON.parse(json) as unknown;
    return typeof value === 'object' && value !== null ? (value as Kept) : {};
  } catch {
    return {};
  }
}

async function writeAll(sealed: SealedVault, key: Uint8Array<ArrayBuffer>, kept: Kept): Promise<void> {
  if (Object.keys(kept).length === 0) return removeStored('vault.ssoSealed');
  await writeStored('vault.ssoSealed', {
    salt: sealed.kdf.salt, box: await sealBox(key, JSON.stringify(kept), boxContext(sealed.kdf, 'sso')), startUrls: Object.keys(kept).sort(),
  });
}

/** True when the box holds a sign-in for the start URL: only then is a locked vault worth the passphrase. */
export async function hasKeptSsoSignIn(startUrl: string): Promise<boolean> {
  const stored = await readStored('vault.ssoSealed');
  const sealed = await loadSealed().catch(() => undefined);
  return stored !== undefined && sealed !== undefined && stored.salt === sealed.kdf.salt && (stored.startUrls ?? [startUrl]).includes(startUrl);
}

/** The kept sign-in of a start URL; throws `vault-locked` while the vault is locked (the popup asks, then retries). */
export async function readKeptSsoSignIn(startUrl: string, use: VaultUse): Promise<KeptSsoSignIn | undefined> {
  const vault = await unlockedVault();
  if (vault === undefined) return undefined;
  if (vault === 'locked') throw vaultLocked();
  const kept = await readAll(vault.sealed, vault.key);
  if (use === 'person') await pushDeadline();
  return Object.hasOwn(kept, startUrl) ? kept[startUrl] : undefined;
}

/** Keeps (or replaces) a start URL's sign-in; false when the vault is locked or missing (nothing written then). */
export async function keepSsoSignIn(startUrl: string, signIn: KeptSsoSignIn): Promise<boolean> {
  const vault = await unlockedVault();
  if (vault === undefined || vault === 'locked') return false;
  await writeAll(vault.sealed, vault.key, { ...(await readAll(vault.sealed, vault.key)), [startUrl]: signIn });
  return true;
}

export async function forgetKeptSsoSignIn(startUrl?: string): Promise<void> {
  if (startUrl === undefined) return removeStored('vault.ssoSealed');
  const vault = await unlockedVault();
  if (vault === undefined || vault === 'locked') return;
  const { [startUrl]: _dropped, ...rest } = await readAll(vault.sealed, vault.key);
  await writeAll(vault.sealed, vault.key, rest);
}
