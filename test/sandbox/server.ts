/**
 * The one HTTPS listener every AWS host name is mapped to. It picks the fake service from the Host header,
 * applies the connection-level fault knobs, writes the reply and records it in the request log.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { handleConsole } from './console.js';
import { handleSignin } from './federation.js';
import { classifyHost, hostWithoutPort, type HostRoute } from './hosts.js';
import { readRequest, textReply, type SandboxReply, type SandboxRequest } from './http.js';
import type { ConnectionRecord } from './network.js';
import type { RequestLogEntry, SandboxState } from './state.js';
import { handleOidc } from './oidc.js';
import { handleDevicePage } from './sso-device-page.js';
import { handlePortal } from './sso-portal.js';
import { handleSts } from './sts.js';
import { handleS3 } from './s3.js';

export interface ServerContext {
  state: SandboxState;
  log: (line: string) => void;
  /** The connection a request came on (network.ts). */
  connectionOf?: (req: IncomingMessage) => ConnectionRecord | undefined;
}

export async function handleHttp(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { state } = ctx;
  const host = hostWithoutPort(req.headers.host);
  const route = classifyHost(host);
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const receivedAt = Date.now();
  const connection = ctx.connectionOf?.(req);
  if (connection) connection.requests += 1;
  const seen = {
    headers: recordedHeaders(req.headers),
    queryKeys: [...new URLSearchParams((req.url ?? '').split('?').slice(1).join('?')).keys()],
    ...(connection && { connection: connection.id, onConnection: connection.requests }),
  };

  if (state.dropConnections > 0) {
    state.dropConnections--;
    record(ctx, { method: req.method ?? 'GET', host, path, service: serviceOf(route), status: 0, error: 'dropped', receivedAt, answeredAt: Date.now(), ...seen, bodyBytes: 0 });
    req.socket.destroy();
    return;
  }
  if (state.latencyMs > 0) await sleep(state.latencyMs);

  let reply: SandboxReply;
  let bodyBytes = 0;
  try {
    const request = await readRequest(req, host);
    bodyBytes = Buffer.byteLength(request.body);
    reply = await dispatch(request, state, route);
  } catch (error) {
    reply = { ...textReply(500, 'sandbox internal error'), log: { error: String(error) } };
    ctx.log(`sandbox error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  // Date from the sandbox clock: the SDK corrects its clock skew from this header.
  res.statusCode = reply.status;
  res.setHeader('date', new Date(state.now()).toUTCString());
  for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
  res.setHeader('content-length', Buffer.byteLength(reply.body));
  res.end(reply.body);

  record(ctx, {
    method: req.method ?? 'GET',
    host,
    path,
    service: serviceOf(route),
    status: reply.status,
    receivedAt,
    answeredAt: Date.now(),
    ...seen,
    bodyBytes,
    ...reply.log,
  });
}

/**
 * Headers whose values are recorded: none of them ever carries a secret. Every other header (Authorization,
 * Cookie, X-Amz-Security-Token, X-Amz-Date, the SSO bearer token, Referer…) is recorded by name and length only.
 */
export const RECORDED_HEADER_VALUES: ReadonlySet<string> = new Set([
  'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-type', 'content-length',
  'origin', 'cache-control', 'pragma', 'priority', 'sec-fetch-site', 'sec-fetch-mode', 'sec-fetch-dest', 'sec-fetch-user',
  'sec-fetch-storage-access', 'sec-ch-ua', 'sec-ch-ua-mobile', 'sec-ch-ua-platform', 'upgrade-insecure-requests',
  'x-amz-user-agent', 'amz-sdk-invocation-id', 'amz-sdk-request',
]);

function recordedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const recorded: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    const value = Array.isArray(raw) ? raw.join(', ') : (raw ?? '');
    recorded[name] = RECORDED_HEADER_VALUES.has(name) ? value : `<${value.length} chars>`;
  }
  return recorded;
}

async function dispatch(request: SandboxRequest, state: SandboxState, route: HostRoute): Promise<SandboxReply> {
  switch (route.kind) {
    case 'sts':
      return handleSts(request, state, route);
    case 'signin':
      return handleSignin(request, state, route);
    case 'console':
      return handleConsole(request, state, route);
    case 'oidc':
      return handleOidc(request, state, route);
    case 'sso-portal':
      return handlePortal(request, state, route);
    case 'sso-device':
      return handleDevicePage(request, state);
    case 's3':
      return handleS3(request, state, route.bucket);
    case 'unknown':
      return textReply(404, `aws sandbox: no fake service for host '${route.host}'\n`);
  }
}

function serviceOf(route: HostRoute): RequestLogEntry['service'] {
  return route.kind;
}

function record(ctx: ServerContext, entry: Omit<RequestLogEntry, 'at'>): void {
  const full: RequestLogEntry = { at: ctx.state.now(), ...entry };
  ctx.state.requests.push(full);
  const extras = [full.action, full.error].filter((x) => x !== undefined && x !== '').join(' ');
  ctx.log(`${full.method} ${full.host}${full.path} ${full.status}${extras ? ` ${extras}` : ''}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
