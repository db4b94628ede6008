/**
 * The one typed contract between the extension's pages (popup, options), the content script and the background.
 * Each message names its request and response types and who may send it. Errors travel back as values.
 */
import browser from 'webextension-polyfill';

export type OpenIn = 'new-tab' | 'current-tab' | 'new-window';

export interface RoleSummary {
  profile: string;
  accountId: string;
  accountAlias?: string;
  roleName: string;
  roleArn: string;
  partition: string;
  region?: string;
  color?: string;
  group?: string;
  /** The chain of profile names from the root source to this role. */
  chain: string[];
}

export interface ConfigDiagnostic {
  line: number;
  profile?: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface SourceStatus {
  source: string;
  /** The access key id held for this browser session; never the secret. */
  accessKeyId?: string;
}

export interface SignInResult {
  profile: string;
  assumedRoleArn: string;
  /** Credential expiry, epoch milliseconds. */
  expiresAt: number;
  tabId?: number;
}

export type ErrorCode =
  | 'forbidden-sender'
  | 'bad-request'
  | 'unknown-profile'
  | 'invalid-config'
  | 'no-keys'
  /** The vault holds the needed keys but is locked: ask for the passphrase (`vault.unlock`), then retry. */
  | 'vault-locked'
  /** A wrong passphrase: nothing changed. */
  | 'wrong-passphrase'
  /** The role or its source needs an MFA code: ask for it (`AppError.mfaSerial` says which device), then retry with `mfaCode`. */
  | 'mfa-required'
  /** AWS refused the MFA code. */
  | 'mfa-invalid'
  | 'timeout'
  | 'sts-error'
  | 'federation-error'
  | 'network'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  /** One sentence a person can act on. Never contains secrets. */
  message: string;
  /** For `mfa-required` and `mfa-invalid`: the MFA device whose code is needed. */
  mfaSerial?: string;
}

/** The step a sign-in is at, broadcast to extension pages as `signIn.progress` events. */
export type SignInStep = 'unlocking' | 'getting-session' | 'assuming-role' | 'getting-token' | 'opening-console';

/** Events the background broadcasts to the extension's pages (never to content scripts). */
export interface EventMap {
  'signIn.progress': { requestId: string; profile: string; step: SignInStep; hop?: number; hops?: number };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Who may send a message: only the extension's own pages, or content scripts too (display data only). */
export type Audience = 'extension-pages' | 'content-scripts';

export interface MessageMap {
  'roles.list': { request: Record<string, never>; response: { roles: RoleSummary[]; diagnostics: ConfigDiagnostic[] } };
  'config.get': { request: Record<string, never>; response: { text: string } };
  'config.save': {
    request: { text: string };
    response: { saved: boolean; roleCount: number; diagnostics: ConfigDiagnostic[] };
  };
  'sources.list': { request: Record<string, never>; response: { sources: SourceStatus[] } };
  'keys.set': {
    request: { source: string; accessKeyId: string; secretAccessKey: string };
    response: SourceStatus;
  };
  'keys.remove': { request: { source: string }; response: SourceStatus };
  signIn: {
    request: { profile: string; openIn?: OpenIn; mfaCode?: string; /** Echoed in progress events. */ requestId?: string };
    response: SignInResult;
  };
}

export type MessageName = keyof MessageMap;
export type RequestOf<K extends MessageName> = MessageMap[K]['request'];
export type ResponseOf<K extends MessageName> = MessageMap[K]['response'];

/** Every message touches configuration, credentials or sign-in, so none is open to content scripts yet. */
export const AUDIENCE: Record<MessageName, Audience> = {
  'roles.list': 'extension-pages',
  'config.get': 'extension-pages',
  'config.save': 'extension-pages',
  'sources.list': 'extension-pages',
  'keys.set': 'extension-pages',
  'keys.remove': 'extension-pages',
  signIn: 'extension-pages',
};

export interface Envelope<K extends MessageName = MessageName> {
  type: K;
  request: RequestOf<K>;
}

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const { type, request } = value as { type?: unknown; request?: unknown };
  return typeof type === 'string' && type in AUDIENCE && typeof request === 'object' && request !== null;
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
