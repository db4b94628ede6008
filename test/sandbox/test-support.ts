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
