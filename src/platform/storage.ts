/**
 * Every stored key, declared once with its area, type and lifetime.
 * `session` is memory only (gone when the browser closes) and, by default, closed to content scripts: it is the
 * only area that may hold secrets. Never call `storage.session.setAccessLevel` to widen it.
 */
import type { TerminalFormat } from '../core/terminal-credentials';
import browser from 'webextension-polyfill';
import type { SealedBox, SealedVault } from '../core/vault';
import type { LoginForm, SignInSettings } from '../messages';
import type { SyncHead } from '../core/config-storage';
import type { SessionRegistry, SessionSettings } from '../core/sessions/model';
import type { Partition } from '../core/arn';
import type { DurationMemory } from '../core/duration-memory';
import type { LoginMethod } from '../core/login-method';
import type { AutoAssumeState, LastRoles } from '../core/console-switch/auto-assume';
import type { FetchedCopy, SubscriptionRecord } from '../core/config/fetched-config';

export interface LongTermKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Temporary STS credentials. Secret: session area only. */
export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** An MFA session: one GetSessionToken with MFA, reused until it expires. */
export interface MfaSession {
  /** The long-term access key id it was made from: replaced keys invalidate it. */
  keyId: string;
  mfaSerial: string;
  credentials: SessionCredentials;
  /** Epoch ms. */
  expiresAt: number;
}

/** An IAM Identity Center sign-in for one start URL: its tokens and the client registration they belong to. Secret. */
export interface SsoToken {
  startUrl: string;
  /** The Identity Center region (OIDC and portal hosts). */
  region: string;
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  refreshToken?: string;
  clientId: string;
  clientSecret: string;
  /** Epoch ms when the client registration expires. */
  clientExpiresAt: number;
}

/** A client registration (RegisterClient), reused until near its expiry. The secret makes it session-only. */
export interface SsoClient {
  clientId: string;
  clientSecret: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** A device sign-in waiting for the person's approval. The user code is shown to them anyway: not secret. */
export interface SsoPending {
  userCode: string;
  verificationUri: string;
  /** The tab where the person approves; closed when the token arrives. */
  tabId?: number;
  /** Epoch ms when the code expires. */
  expiresAt: number;
  /** Set by `sso.cancel`: the polling loop stops at its next turn. */
  cancelled?: boolean;
}

export interface VaultSettings {
  autoLockMinutes: number;
  mfaSessionMinutes: number;
}

export interface StoredValues {
  /** Legacy: where the configuration text lived before sync storage; moved to the keys below on first read. */
  'config.text': string;
  /**
   * The configuration in sync: this header names the generation in force; the compressed text is in items
   * `config.chunk.<gen>.<n>` (dynamic keys, see src/core/config-storage/chunks.ts). Not secret.
   */
  'config.head': SyncHead;
  /** The configuration when it stays on this computer: too large for sync, sync refused it, or kept at migration. */
  'config.local': { text: string; savedAt: number; reason: 'too-large' | 'sync-failed' | 'kept-local'; syncBytes: number };
  /** A random id written with `config.local` in the same storage call: the worker keeps the one it read by it (sync-store.ts). Not secret. */
  'config.localStamp': string;
  /** The last complete sync generation read or written here, used while a newer one is still arriving. */
  'config.syncCopy': { head: SyncHead; text: string };
  /**
   * The subscription (background/config/subscription.ts): its https address, its group, the last good copy of its
   * text (access keys taken out), when it was fetched, the last attempt's failure and the last change. Not secret.
   */
  'config.subscription': SubscriptionRecord;
  /** The last good copy of the configuration an organisation's policy names by URL (background/config/managed.ts). Not secret. */
  'config.managedCopy': FetchedCopy;
  /**
   * A random id written with each layer copy above in the same storage call (background/config/layer-copy.ts): the
   * worker keeps the copy it read last by it, so a sign-in reads this small item rather than the whole text. Not secret.
   */
  'config.subscriptionStamp': string;
  'config.managedCopyStamp': string;
  /** A copy of `storage.managed`, the organisation's policy as given (background/config/managed.ts). Not secret. */
  'config.managedPolicy': Record<string, unknown>;
  /** The vault: access keys per source profile, AES-GCM ciphertext with its KDF parameters. No secret in clear. */
  'vault.sealed': SealedVault;
  /** Auto-lock and MFA-session settings. Not secret. */
  'vault.settings': VaultSettings;
  /** The unlocked state: the raw vault key (base64) and the salt it belongs to. Secret: session area only. */
  'vault.key': { key: string; salt: string };
  /** Epoch ms when the idle vault locks itself; pushed on every use. */
  'vault.lockAt': number;
  /** MFA sessions per source profile. Secret: session area only. */
  'mfa.sessions': Record<string, MfaSession>;
  /** Login forms waiting for their launch page, by one-time id. Carry a sign-in token: session area only. */
  'login.pending': Record<string, { form: LoginForm; expiresAt: number }>;
  /** How the console login is sent per partition, where AWS was seen to take it (src/core/login-method.ts). Not secret. */
  'login.methods': Partial<Record<Partition, LoginMethod>>;
  /** Per role ARN: the longest DurationSeconds AWS accepted and the shortest it refused (src/core/duration-memory.ts). Not secret. */
  'roles.durations': DurationMemory;
  /**
   * Sign-in preferences: default duration, where consoles open, keep-my-page. Only what the person chose, so an
   * organisation's policy gives the default of the rest (background/sign-in/settings.ts). Not secret.
   */
  'settings.signIn': Partial<SignInSettings>;
  /** The popup's role list, derived from the configuration (background/roles-index.ts). Not secret. */
  'roles.index': { version: number; /** Changes on every write: how a popup's mirror knows it is current. */ stamp: string; /** RoleSummary[] as JSON. */ json: string };
  /** The stamp of `roles.index`, written with it: a small read that tells whether the index changed. */
  'roles.indexStamp': string;
  /** Starred profile names, listed first in the popup. Not secret. */
  'roles.favourites': string[];
  /** Profile name → epoch ms of its last successful sign-ins, newest first: the popup's frecency order. Not secret. */
  'roles.recent': Record<string, number[]>;
  /** The popup's view choices: alphabetical order, hidden account ids, collapsed section ids, grouping by source. Not secret. */
  'popup.view': { alphabetical: boolean; hideAccountIds: boolean; collapsed: string[]; terminalFormat?: TerminalFormat; groupBySource?: boolean };
  /** The console sessions the extension opened: role, account, expiries, tabs, status (src/core/sessions/model.ts). No secret. */
  'sessions.registry': SessionRegistry;
  /** Warning minutes before expiry and the profiles renewed without asking. Not secret. */
  'sessions.settings': SessionSettings;
  /** Firefox: cookieStoreIds of the containers this extension made (src/core/containers.ts). Not secret. */
  'containers.owned': string[];
  /** IAM Identity Center tokens per start URL. Secret: session area only. */
  'sso.tokens': Record<string, SsoToken>;
  /** IAM Identity Center client registrations per region and grant. Secret (client secret): session area only. */
  'sso.clients': Record<string, SsoClient>;
  /** Device sign-ins waiting for approval, per start URL. Not secret. */
  'sso.pending': Record<string, SsoPending>;
  /**
   * Start URLs signed in through the browser (authorization code with PKCE) rather than a device code, and whether
   * Identity Center sign-ins are kept in the vault across browser restarts. Not secret.
   */
  'sso.settings': { browserSignIn: string[]; keepInVault?: boolean };
  /**
   * Identity Center sign-ins kept across browser restarts (refresh tokens, client registrations), AES-GCM under the
   * vault's key, bound to the vault's salt: ciphertext only. Written only when the person turned it on.
   */
  'vault.ssoSealed': { salt: string; box: SealedBox; /** Which start URLs the box holds (not secret): a locked vault is asked for only when it can help. */ startUrls?: string[] };
  /** Start URLs where sign-in through the browser failed, and why: the device code is used there from then on. */
  'sso.fallbacks': Record<string, { reason: string; at: number }>;
  /** Per console base identity (partition, account, user or role), the profile last switched to from it. Not secret. */
  'console.lastRoles': LastRoles;
  /** Auto-assume's once-only record: tabs that showed a sign-in page, session differentiators decided on. No secret. */
  'console.autoAssume': AutoAssumeState;
}

export type StoredKey = keyof StoredValues;
type Area = 'local' | 'session' | 'sync';

/**
 * Each key's area; beside it, when it is cleared and one line why it lives there. The lifetimes are comments, not
 * strings: every page and the worker load this table, and the words are for the people reading it.
 */
export const STORAGE_KEYS: Record<StoredKey, Area> = {
  'config.text': 'local', // legacy: migrated to config.head/config.local on first read, then removed
  'config.head': 'sync', // until the next save; follows the user to other browsers with its chunks
  'config.local': 'local', // until a save fits sync; never synced (too large for the sync quota)
  'config.localStamp': 'local', // written and removed with config.local, only by sync-store.ts
  'config.syncCopy': 'local', // replaced by each newer complete sync generation; a cache, not a source
  'config.subscription': 'local', // until unsubscribed; the copy is replaced only by a good fetch; per browser (the host permission is too)
  'config.managedCopy': 'local', // replaced by a good fetch of the address the policy names; ignored once the policy names another
  'config.subscriptionStamp': 'local', // written and removed with config.subscription, only by layer-copy.ts
  'config.managedCopyStamp': 'local', // written with config.managedCopy, only by layer-copy.ts
  'config.managedPolicy': 'local', // copied from storage.managed on every wake and managed change, removed with the policy; read instead of it (Chromium answers it seconds after start)
  'vault.sealed': 'local', // until the user erases it; ciphertext only, never synced
  'vault.settings': 'local', // until changed on the options page
  'vault.key': 'session', // lock, idle timeout, browser close; the only copy of the unlocked key
  'vault.lockAt': 'session', // lock and browser close; the stored deadline the auto-lock alarm checks
  'mfa.sessions': 'session', // expiry, lock, browser close; secrets never touch disk
  'login.pending': 'session', // taken once by the launch page, or dropped after a minute
  'login.methods': 'local', // replaced when the other method is the one that reaches the console; per browser
  'roles.durations': 'local', // updated by each AssumeRole above 1 h; per browser, not secret
  'settings.signIn': 'sync', // until changed on the options page; follows the user to other browsers
  'roles.index': 'local', // rebuilt on every configuration change; a cache so the popup opens without the worker
  'roles.indexStamp': 'local', // written with roles.index
  'roles.favourites': 'local', // until unstarred; local, not sync: small, per-browser habit
  'roles.recent': 'local', // pruned to the last uses of the most recent roles; not secret
  'popup.view': 'local', // until changed in the popup
  'sessions.registry': 'session', // browser close (the console sessions end with it); survives worker restarts; forgotten entries removed
  'sessions.settings': 'sync', // until changed in the popup’s Sessions view; follows the user to other browsers
  'containers.owned': 'local', // pruned when a container is gone or removed as stale; per browser, as containers are
  'sso.tokens': 'session', // expiry, sign-out, browser close; Identity Center tokens never touch disk
  'sso.clients': 'session', // clientSecretExpiresAt or browser close; holds a client secret
  'sso.pending': 'session', // until the device sign-in ends (token, denial, expiry, cancel)
  'vault.ssoSealed': 'local', // until turned off, the vault erased or its passphrase changed; ciphertext only
  'sso.settings': 'sync', // until changed on the options page; follows the user to other browsers
  'sso.fallbacks': 'local', // until sign-in through the browser is turned on again for that start URL
  'console.lastRoles': 'local', // replaced by the next console switch from that identity; forgotten when its profile is gone
  'console.autoAssume': 'session', // browser close (console sign-ins and tab ids end with it); closed tabs removed
};

function area(key: StoredKey): browser.Storage.StorageArea {
  return browser.storage[STORAGE_KEYS[key]];
}

/** A whole area, for a store that manages dynamic keys (the configuration's sync chunks: config-sync-store.ts). */
export function storageArea(name: Area): browser.Storage.StorageArea {
  return browser.storage[name];
}

export async function readStored<K extends StoredKey>(key: K): Promise<StoredValues[K] | undefined> {
  const values = await area(key).get(key);
  return values[key] as StoredValues[K] | undefined;
}

/** Several keys of one area in one storage call (one round trip to the browser): the popup's opening reads. */
export async function readStoredTogether<K extends StoredKey>(keys: readonly K[]): Promise<Partial<Pick<StoredValues, K>>> {
  const first = keys[0];
  if (first === undefined) return {};
  const areaName = STORAGE_KEYS[first];
  if (keys.some((key) => STORAGE_KEYS[key] !== areaName)) throw new Error('readStoredTogether reads one storage area at a time.');
  return (await browser.storage[areaName].get([...keys])) as Partial<Pick<StoredValues, K>>;
}

export async function writeStored<K extends StoredKey>(key: K, value: StoredValues[K]): Promise<void> {
  await area(key).set({ [key]: value });
}

/** Several keys of one area in one storage call: the browser writes them together, and one change event tells of both. */
export async function writeStoredTogether(values: Partial<StoredValues>): Promise<void> {
  const keys = Object.keys(values) as StoredKey[];
  const first = keys[0];
  if (first === undefined) return;
  const areaName = STORAGE_KEYS[first];
  if (keys.some((key) => STORAGE_KEYS[key] !== areaName)) throw new Error('writeStoredTogether writes one storage area at a time.');
  await browser.storage[areaName].set(values);
}

export async function removeStored(...keys: StoredKey[]): Promise<void> {
  for (const name of ['session', 'local', 'sync'] as const) {
    const inArea = keys.filter((key) => STORAGE_KEYS[key] === name);
    if (inArea.length > 0) await browser.storage[name].remove(inArea);
  }
}
