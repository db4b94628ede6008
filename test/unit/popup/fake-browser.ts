/**
 * A small in-memory stand-in for `webextension-polyfill` in popup component tests: the background answers
 * through per-message handlers the test sets, `storage.local` is a Map, and `i18n.getMessage` reads the real
 * English messages.json (placeholders included), so tests find controls by the names people see.
 */
import { vi } from 'vitest';
import messages from '../../../public/_locales/en/messages.json';
import type { AppError, Envelope, EventMap, MessageName, RequestOf, ResponseOf, Result, RoleSummary, SignInResult } from '../../../src/messages';

type Handler<K extends MessageName> = (request: RequestOf<K>) => Result<ResponseOf<K>> | Promise<Result<ResponseOf<K>>>;
type Handlers = { [K in MessageName]?: Handler<K> };

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export function getMessage(key: string, substitutions: string[] = []): string {
  const entry = (messages as Record<string, LocaleEntry | undefined>)[key];
  if (!entry) return '';
  // As Chrome does: $NAME$ becomes its placeholder's content, then $1..$9 become the substitutions.
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '');
  return named.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

const listeners = new Set<(message: unknown) => void>();
type StorageListener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, areaName: string) => void;
const storageListeners = new Set<StorageListener>();
const stored = new Map<string, unknown>();
let handlers: Handlers = {};
export const sent: Envelope[] = [];

export const fakeBrowser = {
  runtime: {
    sendMessage: vi.fn((envelope: Envelope): Promise<unknown> => {
      sent.push(envelope);
      const handler = handlers[envelope.type] as ((request: unknown) => unknown) | undefined;
      if (!handler) return Promise.resolve({ ok: false, error: { code: 'internal', message: `No fake handler for ${envelope.type}.` } });
      return Promise.resolve(handler(envelope.request));
    }),
    onMessage: {
      addListener: (listener: (message: unknown) => void) => listeners.add(listener),
      removeListener: (listener: (message: unknown) => void) => listeners.delete(listener),
    },
    openOptionsPage: vi.fn(() => Promise.resolve()),
    getURL: (path: string) => `chrome-extension://popup-test/${path}`,
    getManifest: () => ({ version: '1.2.3' }),
  },
  tabs: { create: vi.fn((_info: { url: string }) => Promise.resolve({ id: 1 })) },
  i18n: { getMessage },
  /** The browser's answer to a permission request (the person's Allow or Deny): `permissionAnswer`. */
  permissions: {
    request: vi.fn((_request: { origins?: string[] }) => Promise.resolve(permissionAnswer.allow)),
    contains: vi.fn((_request: { origins?: string[] }) => Promise.resolve(permissionAnswer.allow)),
  },
  storage: {
    onChanged: {
      addListener: (listener: StorageListener) => storageListeners.add(listener),
      removeListener: (listener: StorageListener) => storageListeners.delete(listener),
    },
    local: {
      get: vi.fn((keys: string | string[]) => {
        const wanted = typeof keys === 'string' ? [keys] : keys;
        return Promise.resolve(Object.fromEntries(wanted.filter((key) => stored.has(key)).map((key) => [key, structuredClone(stored.get(key))])));
      }),
      set: vi.fn((items: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(items)) stored.set(key, structuredClone(value));
        return Promise.resolve();
      }),
      remove: vi.fn((key: string) => {
        stored.delete(key);
        return Promise.resolve();
      }),
    },
  },
};

/** What the person answers when the browser asks for a permission (the options page's host access). */
export const permissionAnswer = { allow: true };

/** Resets the fake between tests and sets how the background answers. */
export function resetBrowser(next: Handlers = {}, storage: Record<string, unknown> = {}): void {
  handlers = next;
  sent.length = 0;
  listeners.clear();
  storageListeners.clear();
  stored.clear();
  for (const [key, value] of Object.entries(storage)) stored.set(key, value);
  // The popup's opening mirror (src/platform/opening-mirror.ts) lives in the page's localStorage.
  globalThis.localStorage?.clear();
  permissionAnswer.allow = true;
  vi.clearAllMocks();
}

export function setHandler<K extends MessageName>(type: K, handler: Handler<K>): void {
  handlers = { ...handlers, [type]: handler };
}

export function storedValue(key: string): unknown {
  return stored.get(key);
}

/** The background broadcasting an event to open extension pages. */
export function emitEvent<K extends keyof EventMap>(event: K, payload: EventMap[K]): void {
  for (const listener of listeners) listener({ event, payload });
}

/** A storage change as `storage.onChanged` reports it (another browser's save arriving through sync, say). */
export function emitStorageChange(areaName: string, changes: Record<string, { newValue?: unknown; oldValue?: unknown }>): void {
  for (const listener of storageListeners) listener(changes, areaName);
}

export function sentOf<K extends MessageName>(type: K): Array<RequestOf<K>> {
  return sent.filter((envelope) => envelope.type === type).map((envelope) => envelope.request as RequestOf<K>);
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: AppError['code'], message: string, extra: Partial<AppError> = {}): Result<never> => ({ ok: false, error: { code, message, ...extra } });

/**
 * A successful sign-in as the popup reads it: it shows the assumed-role ARN and nothing else, so the rest of the
 * background's answer (which grows with the sessions work) is left out on purpose.
 */
export function signedInAs(profile: string, assumedRoleArn: string): Result<SignInResult> {
  return ok({ profile, assumedRoleArn, expiresAt: 0 } as SignInResult);
}

/** A role as `roles.list` returns it; its source defaults to "keys". */
export function role(profile: string, fields: Partial<RoleSummary> = {}): RoleSummary {
  const accountId = fields.accountId ?? '111122223333';
  const roleName = fields.roleName ?? 'Admin';
  return {
    profile,
    accountId,
    roleName,
    roleArn: `arn:aws:iam::${accountId}:role/${roleName}`,
    partition: 'aws',
    source: 'keys',
    ...fields,
  };
}

export function rolesList(roles: RoleSummary[]): Handlers {
  return { 'roles.list': () => ok({ roles, diagnostics: [] }) };
}
