/**
 * The one typed contract between the extension's pages (popup, options), the content script and the background.
 * Each message names its request and response types and who may send it. Errors travel back as values.
 */
import browser from 'webextension-polyfill';
import type { AppError, ErrorCode } from './core/app-error';
import type { SignInWay } from './core/console-switch/way';
import type { TabDisplay } from './core/sessions/display';
import type { SessionsOverview, SessionSummary } from './core/sessions/summary';

export type { TabDisplay, SessionsOverview, SessionSummary, SignInWay };

/** Where the console opens: a new tab (at the end), the current tab, a new tab beside the current one, or a new window. */
export type OpenIn = 'new-tab' | 'current-tab' | 'beside-tab' | 'new-window';

/** Sign-in preferences (sync storage: they follow the user). */
export interface SignInSettings {
  /** DurationSeconds when a profile sets no `duration_seconds`. */
  defaultDurationSeconds: number;
  /** Where a plain click or Enter opens the console. */
  openIn: Exclude<OpenIn, 'new-window'>;
  /** Switching roles from a console tab opens the new role on the same console page. */
  keepPage: boolean;
  /** On a console tab, the popup lists only the roles that console can switch to (AESR's option). */
  onlySwitchable: boolean;
  /** A role that could go either way (keys in the vault, and the console in front can switch to it): the plain click's way. */
  defaultWay: SignInWay;
  /** After the console signs in again as a base identity, switch that tab to the role last switched to from it (opt-in). */
  autoAssumeLastRole: boolean;
}

export interface RoleSummary {
  profile: string;
  accountId: string;
  accountAlias?: string;
  roleName: string;
  roleArn: string;
  partition: string;
  region?: string;
  color?: string;
  /** AESR's `image`: a picture shown instead of the colour swatch. */
  image?: string;
  group?: string;
  /** The root source of the role's chain (where its keys or Identity Center sign-in come from): its default group. */
  source: string;
  /**
   * A profile the configuration's errors leave out: its first error's message. Such an entry carries only `profile`,
   * `source`, `group` and this (account, role name and ARN are empty): the popup lists it greyed out where it would
   * be, and opens the options page at it instead of signing in.
   */
  skipped?: string;
  /**
   * Its chain goes through a role written with an account alias (AESR's `aws_account_id = <alias>`): AssumeRole
   * cannot reach it, only a console tab's switch-role can, so keys would not help (it is never marked "no keys").
   */
  consoleOnly?: true;
}

export interface ConfigDiagnostic {
  line: number;
  profile?: string;
  severity: 'error' | 'warning';
  message: string;
}

/** Where the saved configuration lives, for the options page to tell the user. */
export interface StoredConfigInfo {
  /** `sync` follows the user to other browsers; `local` stays on this computer; `none`: nothing saved yet. */
  area: 'sync' | 'local' | 'none';
  /** UTF-8 bytes of the text. */
  textBytes: number;
  /** Bytes it takes, or would take, in `storage.sync`: compressed, base64-encoded, chunk keys and header included. */
  syncBytes: number;
  /** What `storage.sync` can give the configuration (its quota minus the room kept for settings). */
  syncLimitBytes: number;
  /** Why it is in `local`: too large for sync, sync refused the write, or another browser's configuration is in sync. */
  localReason?: 'too-large' | 'sync-failed' | 'kept-local';
  /** A newer configuration from another browser is still arriving; the last complete one is in use meanwhile. */
  arriving?: boolean;
}

export interface SourceStatus {
  source: string;
  /** The access key id held in the vault; never the secret. Absent when there are none, or the vault is locked. */
  accessKeyId?: string;
  /** The MFA device saved with the keys. */
  mfaSerial?: string;
  /** Who the keys belong to, as GetCallerIdentity answered when they were saved. */
  arn?: string;
}

/** The vault of long-term access keys. */
export interface VaultStatus {
  /** A vault exists (a passphrase was set). */
  initialized: boolean;
  /** Its key is not in memory: `vault.unlock` before anything reads the keys. */
  locked: boolean;
  /** Idle minutes before it locks itself: 1 to 1,440. */
  autoLockMinutes: number;
  /** Lifetime of an MFA session (one GetSessionToken with MFA, reused without a code); 0 = off. */
  mfaSessionMinutes: number;
}

/** What GetCallerIdentity says about a pair of keys. */
export interface KeyIdentity {
  arn: string;
  accountId: string;
}

/** The federation login, POSTed by the extension's launch page so the sign-in token never sits in a URL. */
export interface LoginForm {
  action: string;
  fields: Record<string, string>;
  /** POST unless AWS refused it in this partition: then the documented link (GET), src/core/login-method.ts. */
  method?: 'post' | 'get';
}

export interface SignInResult {
  profile: string;
  assumedRoleArn: string;
  /** Credential expiry, epoch milliseconds. */
  expiresAt: number;
  /** When the console session ends, epoch milliseconds: the SessionDuration AWS accepted, else the credential expiry. */
  consoleExpiresAt: number;
  /** DurationSeconds the role was assumed for. */
  durationSeconds: number;
  partition: string;
  region: string;
  /** The console URL the login lands on. */
  destination: string;
  /** Caps and retries that changed what was asked for, as sentences. */
  notes: string[];
  tabId?: number;
}

/**
 * The console in the tab in front (issue 13): who it is signed in as, and which profiles its own switch-role reaches
 * (AESR's rules, src/core/console-switch/offer.ts). No secret: names and account ids the configuration holds anyway.
 */
export interface ConsoleOffer {
  partition: string;
  /** The account switches start from: 12 digits, or the alias typed at sign-in (lower case). */
  account: string;
  /** The IAM user, role or Identity Center permission set switches start from. */
  name: string;
  multiSession: boolean;
  /** The profiles a click can switch this console tab to, in configuration order. */
  switchable: string[];
  /** Of those, the ones that could go either way (keys in the vault too), with the way a plain click takes. */
  eitherWay: Array<{ profile: string; way: SignInWay }>;
}

/** A configuration file kept from an address (a subscription, a policy's URL): what the options page shows of it. */
export interface FetchedConfigInfo {
  url: string;
  /** The popup's group for its roles. */
  group: string;
  /** The copy in use, access keys taken out ('' when no fetch has worked yet): shown read-only. */
  text: string;
  /** When the copy in use was fetched (epoch ms); 0 when none has worked yet. */
  fetchedAt: number;
  /** The last attempt (epoch ms). */
  checkedAt: number;
  /** Why the last attempt was not used: the copy in use stayed. */
  failure?: { at: number; message: string };
  /** What the last change of the copy did. */
  lastChange?: { added: string[]; removed: string[]; changed: string[]; at: number };
  /** Lines with access keys taken out of the copy. */
  removedKeys: number;
  /** In the configuration in force: its roles, its profiles skipped (errors, or a name a layer above has), its problems. */
  roles: number;
  skipped: number;
  diagnostics: ConfigDiagnostic[];
  /** The extension may read the file's host (the permission asked for on the click). */
  hostAllowed: boolean;
}

/** The organisation's policy (storage.managed), as the options page shows it. */
export interface ManagedInfo {
  group: string;
  /** The configuration's text, when the policy gives it itself. */
  text?: string;
  roles: number;
  skipped: number;
  diagnostics: ConfigDiagnostic[];
  /** When the policy names the configuration by URL: its copy. */
  fetched?: FetchedConfigInfo;
  /** Sign-in settings the person cannot change (keys of SignInSettings). */
  lockedSettings: string[];
  /** False: access keys are not kept in the vault; Identity Center is the way in. */
  allowVaultKeys: boolean;
  /** Values of the policy left out, as sentences. */
  problems: string[];
}

/** The welcome page's steps (issue 14), as the background finds them: facts only, never a key or a token. */
export interface WelcomeProgress {
  /** Roles in force (the configuration's and its layers'; profiles skipped for an error not counted). */
  roles: number;
  /** Key sources the roles start from whose keys are in the vault; null while the vault is locked (it may hold some). */
  keySources: string[] | null;
  /** An IAM Identity Center sign-in is held (in memory, or kept in the vault). */
  identityCenter: boolean;
  /** A console tab was switched to a role with the console's own switch-role (no keys needed). */
  consoleSwitched: boolean;
  /** A sign-in succeeded: a console the extension opened, or a role the popup recorded as used. */
  signedIn: boolean;
}

/** Moved to core (src/core/app-error.ts), which must not import this file; kept here for the pages and the background. */
export type { AppError, ErrorCode };

/** The step a sign-in is at, broadcast to extension pages as `signIn.progress` events. */
export type SignInStep =
  | 'unlocking'
  | 'getting-session'
  /** IAM Identity Center: waiting for the person to approve `userCode` in the tab that opened. */
  | 'sso-approve'
  /** IAM Identity Center: GetRoleCredentials. */
  | 'getting-role-credentials'
  | 'assuming-role'
  | 'getting-token'
  | 'opening-console';

/** Events the background broadcasts to the extension's pages (never to content scripts). */
export interface EventMap {
  'signIn.progress': {
    requestId: string;
    profile: string;
    step: SignInStep;
    hop?: number;
    hops?: number;
    /** For `sso-approve`: the code the AWS page shows, to compare. */
    userCode?: string;
  };
  /** Notes found after a sign-in answered (the login fell back to the other method): shown under its success line. */
  'signIn.notes': { requestId: string; profile: string; notes: string[] };
  /** IAM Identity Center discovery: accounts listed so far, of how many (known once every page is read). */
  'sso.discover.progress': { requestId: string; accounts: number; rolesListed: number; userCode?: string };
}

/** An Identity Center start URL and how it signs in. */
export interface SsoMethod {
  startUrl: string;
  /** Sign in through the browser (authorization code with PKCE) rather than with a device code. */
  browser: boolean;
  /** Why sign-in through the browser fell back to the device code here, when it did. */
  fellBack?: string;
}

export interface SsoMethods {
  startUrls: SsoMethod[];
  /** Sign-in through the browser can be offered here (Chrome, Edge: the optional `identity` permission). */
  offered: boolean;
  keepInVault: boolean;
}

/** An account and the permission sets a person can use in it, from IAM Identity Center discovery. */
export interface DiscoveredAccount {
  accountId: string;
  accountName: string;
  roles: string[];
}

/** What the background tells a console tab's content script: its session changed (expired, replaced, renewed), ask again; or connect ahead. */
export type ContentEvent =
  | { event: 'tabSession.changed' }
  /** Connect ahead to the sign-in and console hosts a login is likely to go to (background/warming/warm-logins.ts). */
  | { event: 'connections.preconnect'; hosts: string[] };

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Who may send a message: only the extension's own pages, or content scripts too (display data only). */
export type Audience = 'extension-pages' | 'content-scripts';

export interface MessageMap {
  'roles.list': { request: Record<string, never>; response: { roles: RoleSummary[]; diagnostics: ConfigDiagnostic[] } };
  /**
   * The saved configuration and where it is stored; `shadowed`: the problems the read-only layers beside it (the
   * organisation's, the subscription) make on its lines (a profile of the same name), which parsing it alone misses.
   */
  'config.get': { request: Record<string, never>; response: { text: string; stored: StoredConfigInfo; shadowed: ConfigDiagnostic[] } };
  /** The organisation's policy, or null when there is none. */
  'managed.get': { request: Record<string, never>; response: { managed: ManagedInfo | null } };
  /** Fetches the configuration the policy names by URL again (the page asked for its host on the click first). */
  'managed.refresh': { request: Record<string, never>; response: { managed: ManagedInfo | null } };
  /** The subscription, or null when there is none. */
  'subscription.get': { request: Record<string, never>; response: { subscription: FetchedConfigInfo | null } };
  /**
   * Subscribes to an https address (the page asked the browser for its host on the click): fetched and checked
   * first; refused (nothing changed) when it cannot be used. `change`: the profiles it adds, removes or changes.
   */
  'subscription.subscribe': {
    request: { url: string; group?: string };
    response: { subscription: FetchedConfigInfo; change: { added: string[]; removed: string[]; changed: string[] } };
  };
  /** Fetches the subscription again: a good file replaces the copy; anything else keeps it and says why (`failure`). */
  'subscription.refresh': {
    request: Record<string, never>;
    response: { subscription: FetchedConfigInfo | null; change?: { added: string[]; removed: string[]; changed: string[] } };
  };
  'subscription.unsubscribe': { request: Record<string, never>; response: Record<string, never> };
  'config.save': {
    request: { text: string };
    /** `stored` is where it went when saved, else where the last good configuration still is. */
    response: {
      saved: boolean;
      roleCount: number;
      diagnostics: ConfigDiagnostic[];
      stored: StoredConfigInfo;
      /** The text as saved: lines with access keys replaced by a comment (they are never stored). */
      text: string;
      /** The access-key lines taken out of the text (key names and lines only, never a value). */
      removedKeys: Array<{ line: number; key: string; profile?: string }>;
    };
  };
  'sources.list': { request: Record<string, never>; response: { sources: SourceStatus[] } };
  /**
   * For the popup's rows (issue 14): the key sources that roles start from and that have no keys in the vault, by
   * name only. Null while the vault is locked: it may hold them, and nothing is read without the passphrase.
   */
  'keys.missing': { request: Record<string, never>; response: { sources: string[] | null } };
  /** Checks keys with STS GetCallerIdentity without saving them. */
  'keys.verify': { request: { source: string; accessKeyId: string; secretAccessKey: string }; response: KeyIdentity };
  /** Checks the keys with GetCallerIdentity, then saves them in the (unlocked) vault. */
  'keys.set': {
    request: { source: string; accessKeyId: string; secretAccessKey: string; mfaSerial?: string };
    response: SourceStatus;
  };
  'keys.remove': { request: { source: string }; response: SourceStatus };
  'vault.status': { request: Record<string, never>; response: VaultStatus };
  /** First use: makes an empty vault under a new passphrase, unlocked. */
  'vault.create': { request: { passphrase: string }; response: VaultStatus };
  'vault.unlock': { request: { passphrase: string }; response: VaultStatus };
  'vault.lock': { request: Record<string, never>; response: VaultStatus };
  'vault.changePassphrase': { request: { current: string; next: string }; response: VaultStatus };
  /** 1 to 1,440 minutes. */
  'vault.setAutoLock': { request: { minutes: number }; response: VaultStatus };
  /** 0 = no MFA sessions; else 15 to 2,160 minutes (GetSessionToken's range for IAM users). */
  'vault.setMfaSession': { request: { minutes: number }; response: VaultStatus };
  /** Erases the vault and every key in it: the way out of a forgotten passphrase. */
  'vault.reset': { request: Record<string, never>; response: VaultStatus };
  /** The launch page takes the login form it was opened for (once). */
  'login.take': { request: { id: string }; response: LoginForm };
  signIn: {
    request: {
      profile: string;
      /** Omitted: the user's setting. */
      openIn?: OpenIn;
      mfaCode?: string;
      /** Echoed in progress events. */
      requestId?: string;
      /**
       * Keys (never the console) or the console tab in front (even when keys exist); omitted: keys or Identity
       * Center unless only the console can, or the role could go either way and the setting says the console.
       */
      way?: SignInWay;
      /**
       * The console's region and service for this click (the popup's "Open in…", Granted's `assume -c --region
       * eu-west-1 -s ec2`), over the profile's: a region of the role's partition, a service as its console path
       * names it. Anything else is refused (`bad-request`), never ignored.
       */
      region?: string;
      service?: string;
    };
    response: SignInResult;
  };
  /**
   * Asked by the popup once its list is up: the console in the tab in front and what it can switch to; `console`
   * null when the tab is no console page or the page gives no session data (never an error for that).
   */
  'console.offer': { request: Record<string, never>; response: { console: ConsoleOffer | null; onlySwitchable: boolean } };
  /**
   * Asked by the popup once its list has painted and whenever its active row changes (`profile`): the worker opens
   * connections to the hosts the likely roles' sign-ins call (src/background/warming/), with unsigned requests that
   * carry no credential. Answers the hosts it warmed now (none for those warmed lately).
   */
  'connections.warm': { request: { profile?: string }; response: { hosts: string[] } };
  /**
   * The role's temporary credentials for a terminal (the popup writes them to the clipboard on the person's click):
   * assumed as a sign-in would, no console opened, kept nowhere. Secrets: extension pages only.
   */
  'credentials.forTerminal': {
    request: { profile: string; mfaCode?: string };
    response: { profile: string; region: string; accessKeyId: string; secretAccessKey: string; sessionToken: string; expiresAt: number };
  };
  'settings.get': { request: Record<string, never>; response: SignInSettings };
  'settings.save': { request: Partial<SignInSettings>; response: SignInSettings };
  /** The console sessions the extension opened (src/core/sessions/), for the popup's Sessions view. */
  'sessions.list': { request: Record<string, never>; response: SessionsOverview };
  /** Brings the session's tab (or `tabId`, one of its tabs) to the front. */
  'sessions.focus': { request: { id: string; tabId?: number }; response: Record<string, never> };
  /** Signs in again as the session's role and reloads its tabs in place; may answer `vault-locked` or `mfa-required`. */
  'sessions.renew': { request: { id: string; mfaCode?: string; requestId?: string }; response: SessionSummary };
  /** Logs the session out of the console and closes its other tabs, then forgets it. */
  'sessions.signOut': { request: { id: string }; response: Record<string, never> };
  /** Every session in the list signed out as `sessions.signOut` does, one after another (the popup asks first). */
  'sessions.signOutAll': { request: Record<string, never>; response: { signedOut: number } };
  /** Drops the session from the list (an expired one is dismissed this way); the console is left as it is. */
  'sessions.forget': { request: { id: string }; response: Record<string, never> };
  'sessions.saveSettings': { request: { warnMinutes?: number; autoRenew?: { profile: string; on: boolean } }; response: SessionsOverview };
  /**
   * A console page's content script: what the page says about itself, answered with the display data of the
   * tab's session (colour, label, expiry), or null when the tab is no session the extension opened. Never credentials.
   */
  'sessions.tabInfo': { request: { page: { prismModeEnabled?: boolean; differentiator?: string; since?: number } }; response: { display: TabDisplay | null } };
  /** How each Identity Center start URL of the configuration signs in (device code, or through the browser). */
  'sso.methods': { request: Record<string, never>; response: SsoMethods };
  /** Turns sign-in through the browser on or off for a start URL (the page asks for the `identity` permission first). */
  'sso.setMethod': { request: { startUrl: string; browser: boolean }; response: SsoMethods };
  /** Keeps Identity Center sign-ins in the vault across browser restarts, or stops (and drops what was kept). */
  'sso.setKeepInVault': { request: { on: boolean }; response: SsoMethods };
  /** Stops every IAM Identity Center device sign-in waiting for approval. */
  'sso.cancel': { request: Record<string, never>; response: { cancelled: boolean } };
  /**
   * Lists every account and permission set the person can reach through an Identity Center start URL (signing in
   * first when needed), for the options page to turn into profiles. `requests`: portal calls it took.
   */
  'sso.discover': {
    request: { startUrl: string; region: string; scopes?: string; requestId?: string };
    response: { accounts: DiscoveredAccount[]; requests: number };
  };
  /** The welcome page's three steps: roles, a way in, a first sign-in (src/background/welcome/progress.ts). */
  'welcome.progress': { request: Record<string, never>; response: WelcomeProgress };
}

export type MessageName = keyof MessageMap;
export type RequestOf<K extends MessageName> = MessageMap[K]['request'];
export type ResponseOf<K extends MessageName> = MessageMap[K]['response'];

/** Only `sessions.tabInfo` (display data) is open to content scripts; every other message touches configuration, credentials or sign-in. */
export const AUDIENCE: Record<MessageName, Audience> = {
  'roles.list': 'extension-pages',
  'config.get': 'extension-pages',
  'config.save': 'extension-pages',
  'managed.get': 'extension-pages',
  'managed.refresh': 'extension-pages',
  'subscription.get': 'extension-pages',
  'subscription.subscribe': 'extension-pages',
  'subscription.refresh': 'extension-pages',
  'subscription.unsubscribe': 'extension-pages',
  'sources.list': 'extension-pages',
  'keys.missing': 'extension-pages',
  'keys.set': 'extension-pages',
  'keys.remove': 'extension-pages',
  'keys.verify': 'extension-pages',
  'vault.status': 'extension-pages',
  'settings.get': 'extension-pages',
  'settings.save': 'extension-pages',
  'vault.create': 'extension-pages',
  'vault.unlock': 'extension-pages',
  'vault.lock': 'extension-pages',
  'vault.changePassphrase': 'extension-pages',
  'vault.setAutoLock': 'extension-pages',
  'vault.setMfaSession': 'extension-pages',
  'vault.reset': 'extension-pages',
  'login.take': 'extension-pages',
  signIn: 'extension-pages',
  'console.offer': 'extension-pages',
  'connections.warm': 'extension-pages',
  'credentials.forTerminal': 'extension-pages',
  'sessions.list': 'extension-pages',
  'sessions.focus': 'extension-pages',
  'sessions.renew': 'extension-pages',
  'sessions.signOut': 'extension-pages',
  'sessions.signOutAll': 'extension-pages',
  'sessions.forget': 'extension-pages',
  'sessions.saveSettings': 'extension-pages',
  'sessions.tabInfo': 'content-scripts',
  'sso.cancel': 'extension-pages',
  'sso.methods': 'extension-pages',
  'sso.setMethod': 'extension-pages',
  'sso.setKeepInVault': 'extension-pages',
  'sso.discover': 'extension-pages',
  'welcome.progress': 'extension-pages',
};

export interface Envelope<K extends MessageName = MessageName> {
  type: K;
  request: RequestOf<K>;
}

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const { type, request } = value as { type?: unknown; request?: unknown };
  // Own names only: `in` would take `constructor`, `toString` or `__proto__` from Object.prototype for a message type.
  return typeof type === 'string' && Object.hasOwn(AUDIENCE, type) && typeof request === 'object' && request !== null;
}

/** Sends a message to the background and returns its typed result; a dead or missing background becomes an error value. */
export async function send<K extends MessageName>(type: K, request: RequestOf<K>): Promise<Result<ResponseOf<K>>> {
  try {
    const answer: Result<ResponseOf<K>> | undefined = await browser.runtime.sendMessage<Envelope<K>, Result<ResponseOf<K>> | undefined>({ type, request });
    return answer ?? { ok: false, error: { code: 'internal', message: 'The background did not answer. Reload the extension and try again.' } };
  } catch {
    return { ok: false, error: { code: 'internal', message: 'The background could not be reached. Reload the extension and try again.' } };
  }
}

export interface EventEnvelope<K extends keyof EventMap = keyof EventMap> {
  event: K;
  payload: EventMap[K];
}

/** Listens to one kind of background event; returns the function that stops listening. */
export function onEvent<K extends keyof EventMap>(event: K, listener: (payload: EventMap[K]) => void): () => void {
  const wrapped = (message: unknown): undefined => {
    if (typeof message === 'object' && message !== null && (message as { event?: unknown }).event === event) {
      listener((message as EventEnvelope<K>).payload);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(wrapped);
  return () => browser.runtime.onMessage.removeListener(wrapped);
}
