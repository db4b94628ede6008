/**
 * Shared pieces of the sandbox's own tests: one sandbox per test file, a hand-signed STS request for cases the
 * SDK would not send (skewed clock, missing auth), and error expectations.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startSandbox, type Sandbox } from './index.js';
import { sandboxFetch, type SandboxFetchResponse } from './node-client.js';
import { resetFaults } from './state.js';

/** Starts a sandbox before the file's tests and stops it after; fault knobs are reset before each test. */
export function useSandbox(): { readonly current: Sandbox } {
  const holder: { current?: Sandbox } = {};
  beforeAll(async () => {
    holder.current = await startSandbox();
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  beforeEach(() => {
    if (holder.current) resetFaults(holder.current.state);
  });
  return {
    get current(): Sandbox {
      if (!holder.current) throw new Error('sandbox not started');
      return holder.current;
    },
  };
}

export interface RawStsCall {
  host?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  params: Record<string, string>;
  /** Signing time (epoch ms); default now. */
  signedAt?: number;
  /** POST (form body, the default) or GET (parameters in the query string). */
  method?: 'GET' | 'POST';
}

/** Sends a Query-protocol STS request signed with @smithy/signature-v4 (unsigned when no credentials). */
export async function rawStsCall(sandbox: Sandbox, call: RawStsCall): Promise<SandboxFetchResponse> {
  const region = call.region ?? 'us-east-1';
  const host = call.host ?? `sts.${region}.amazonaws.com`;
  const method = call.method ?? 'POST';
  const params = { Version: '2011-06-15', ...call.params };
  const form = new URLSearchParams(params).toString();
  let headers: Record<string, string> =
    method === 'POST' ? { host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : { host };
  if (call.credentials) {
    const signer = new SignatureV4({ service: 'sts', region, credentials: call.credentials, sha256: Sha256 });
    const request =
      method === 'POST'
        ? new HttpRequest({ method, protocol: 'https:', hostname: host, path: '/', headers, body: form })
        : new HttpRequest({ method, protocol: 'https:', hostname: host, path: '/', headers, query: params });
    const signed = await signer.sign(request, { signingDate: new Date(call.signedAt ?? Date.now()) });
    headers = signed.headers;
  }
  return method === 'POST'
    ? sandboxFetch(sandbox, `https://${host}/`, { method, headers, body: form })
    : sandboxFetch(sandbox, `https://${host}/?${form}`, { method, headers });
}

/** The `<Code>` of an STS XML error body. */
export function xmlErrorCode(body: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
}

/** Awaits a promise that must reject with an SDK service error of this code (and status). */
export async function expectStsError(promise: Promise<unknown>, code: string, status?: number): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(Error);
  const e = error as Error & { Code?: string; $metadata?: { httpStatusCode?: number } };
  expect(e.name).toBe(code);
  if (status !== undefined) expect(e.$metadata?.httpStatusCode).toBe(status);
  return e;
}

/**
 * One browser's cookies for the sandbox's AWS hosts, to play a browser profile with sandboxFetch: send
 * `jar.header()` as the Cookie header and feed each answer to `jar.take(res)`. Every sandbox cookie lives on the
 * partition's parent domain, so one jar per partition needs no domain matching; `Max-Age=0` deletes.
 */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(initial)) this.cookies.set(name, value);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Applies the answer's Set-Cookie headers; returns the answer. */
  take(res: SandboxFetchResponse): SandboxFetchResponse {
    for (const line of res.headers['set-cookie'] ?? []) {
      const [pair = '', ...attrs] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (attrs.some((a) => /^max-age=0$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
    return res;
  }

  /** A GET (or other request) as this browser: its cookies sent, the answer's cookies kept. */
  async fetch(sandbox: Sandbox, url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<SandboxFetchResponse> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers['cookie'] = this.header();
    const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await sandboxFetch(sandbox, url, {
      ...(init.method !== undefined ? { method: init.method } : body !== undefined ? { method: 'POST' } : {}),
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    return this.take(res);
  }
}

/** The text of the first element with this data-testid (plain text content, no nested tags). */
export function testIdText(body: string, id: string): string | undefined {
  return new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(body)?.[1];
}

/** Every text of elements with this data-testid, in page order. */
export function testIdTexts(body: string, id: string): string[] {
  return [...body.matchAll(new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`, 'g'))].map((m) => m[1] ?? '');
}

/** The parsed `awsc-session-data` meta tag of a console page (either attribute quoting). */
export function awscSessionData(body: string): Record<string, unknown> | undefined {
  const m = /<meta name="awsc-session-data" content=(?:"([^"]*)"|'([^']*)')>/.exec(body);
  const raw = m?.[1] ?? m?.[2];
  if (raw === undefined) return undefined;
  const text = raw
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return JSON.parse(text) as Record<string, unknown>;
}

/** The page's `ConsoleNavService.AccountInfo` (the object a MAIN-world script reads), parsed from its page script. */
export function consoleAccountInfo(body: string): Record<string, unknown> | undefined {
  const m = /window\.ConsoleNavService = \{ AccountInfo: (\{.*\}) \};/.exec(body);
  return m?.[1] === undefined ? undefined : (JSON.parse(m[1]) as Record<string, unknown>);
}

/** What the page's `AWSC.Auth.getMbtc()` returns (the anti-forgery token), parsed from its page script. */
export function consoleCsrf(body: string): string | undefined {
  const m = /getMbtc: function \(\) \{ return ("[^"]*"); \}/.exec(body);
  return m?.[1] === undefined ? undefined : (JSON.parse(m[1]) as string);
}
