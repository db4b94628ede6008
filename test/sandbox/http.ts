/**
 * The small HTTP model the handlers work on: a fully read request in, a reply value out. Keeping handlers free
 * of Node streams makes each one a plain async function; the server (server.ts) does the I/O and the logging.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { RequestLogEntry } from './state.js';

export interface SandboxRequest {
  method: string;
  /** Host name without port, lower-cased. */
  host: string;
  /** The Host header as received (it may carry a port, and SigV4 signs it as received). */
  hostHeader: string;
  /** Path without the query, as received (not decoded). */
  path: string;
  /** The raw query string without `?` ('' when none). */
  rawQuery: string;
  query: URLSearchParams;
  /** Header names lower-cased, as Node gives them. */
  headers: IncomingHttpHeaders;
  body: string;
  cookies: Map<string, string>;
}

export interface SandboxReply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
  /** What the request log records about it (never secrets). */
  log?: Pick<RequestLogEntry, 'action' | 'error' | 'accessKeyId'>;
}

const MAX_BODY = 1024 * 1024;

export async function readRequest(req: IncomingMessage, host: string): Promise<SandboxRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(buf);
  }
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawQuery = q === -1 ? '' : url.slice(q + 1);
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    host,
    hostHeader: req.headers.host ?? '',
    path: q === -1 ? url : url.slice(0, q),
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers: req.headers,
    body: Buffer.concat(chunks).toString('utf8'),
    cookies: parseCookies(req.headers.cookie),
  };
}

/** A header's single value (repeated headers joined with a comma, as SigV4's canonical form does). */
export function header(req: SandboxRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * Parameters of a Query-protocol or form request: the query string, then a form body on top
 * (`application/x-www-form-urlencoded`, which is what the SDK and HTML forms send).
 */
export function formParams(req: SandboxRequest): URLSearchParams {
  const params = new URLSearchParams(req.query);
  const type = header(req, 'content-type') ?? '';
  if (req.method === 'POST' && (type === '' || type.toLowerCase().startsWith('application/x-www-form-urlencoded'))) {
    for (const [k, v] of new URLSearchParams(req.body)) params.set(k, v);
  }
  return params;
}

export function parseCookies(cookieHeader: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!cookieHeader) return cookies;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    if (name && !cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

export function htmlReply(status: number, body: string, extraHeaders: Record<string, string | string[]> = {}): SandboxReply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...extraHeaders },
    body,
  };
}

export function jsonReply(status: number, value: unknown): SandboxReply {
  return {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: JSON.stringify(value),
  };
}

export function textReply(status: number, text: string): SandboxReply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
}
