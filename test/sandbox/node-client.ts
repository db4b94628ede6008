/**
 * Reaching the sandbox from Node tests on the real AWS host names: an https.Agent that resolves every name to
 * 127.0.0.1 (what Chromium's --host-resolver-rules do) and trusts only the sandbox's certificate.
 */
import type { LookupAddress, LookupOptions } from 'node:dns';
import { Agent, request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { SSOClient } from '@aws-sdk/client-sso';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { STSClient } from '@aws-sdk/client-sts';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Sandbox } from './index.js';
import { stsHostForRegion } from './partitions.js';
import { oidcHost, portalHost } from './sso-hosts.js';

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** An agent whose DNS answers 127.0.0.1 for every name and which trusts the sandbox certificate only. */
export function sandboxAgent(sandbox: Pick<Sandbox, 'certPem'>): Agent {
  return new Agent({
    ca: sandbox.certPem,
    keepAlive: false,
    lookup: ((_hostname: string, options: LookupOptions, callback: LookupCallback) => {
      // Node asks for all addresses (`all: true`, used by autoSelectFamily) or for one.
      if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
      else callback(null, '127.0.0.1', 4);
    }) as unknown as NonNullable<ConstructorParameters<typeof Agent>[0]>['lookup'],
  });
}

export interface StsClientOptions {
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined };
  /** Defaults to the SDK's regional host for `region` (`sts.<region>.amazonaws.com`, `.com.cn` for China). */
  endpointHost?: string;
  /** The SDK's retry budget (default 3 attempts). */
  maxAttempts?: number;
  /**
   * A fixed delay between retries instead of the SDK's backoff (up to 1 s for throttling); for fast fault tests.
   * The retry decisions (what is retryable, clock-skew correction) stay the SDK's own.
   */
  retryDelayMs?: number;
}

/** A real STSClient whose requests go to `https://<sts host>:<sandbox port>` on 127.0.0.1. */
export function stsClientFor(sandbox: Sandbox, options: StsClientOptions): STSClient {
  const host = options.endpointHost ?? stsHostForRegion(options.region);
  const { accessKeyId, secretAccessKey, sessionToken } = options.credentials;
  return new STSClient({
    region: options.region,
    endpoint: `https://${host}:${sandbox.port}`,
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken !== undefined ? { sessionToken } : {}) },
    requestHandler: new NodeHttpHandler({ httpsAgent: sandboxAgent(sandbox) }),
    ...(options.retryDelayMs !== undefined
      ? { retryStrategy: new ConfiguredRetryStrategy(options.maxAttempts ?? 3, options.retryDelayMs) }
      : options.maxAttempts !== undefined
        ? { maxAttempts: options.maxAttempts }
        : {}),
  });
}

export interface SsoClientOptions {
  /** The Identity Center instance's region. */
  region: string;
  /** Defaults to the SDK's host for `region` (`oidc.<region>.amazonaws.com` / `portal.sso.<region>.amazonaws.com`). */
  endpointHost?: string;
  /** The SDK's retry budget (default 3 attempts); 1 to see a 429 as it comes. */
  maxAttempts?: number;
}

/** A real SSOOIDCClient (RegisterClient, StartDeviceAuthorization, CreateToken) aimed at the sandbox. */
export function ssoOidcClientFor(sandbox: Sandbox, options: SsoClientOptions): SSOOIDCClient {
  return new SSOOIDCClient(ssoConfig(sandbox, options, options.endpointHost ?? oidcHost(options.region)));
}

/** A real SSOClient (the portal: ListAccounts, ListAccountRoles, GetRoleCredentials, Logout) aimed at the sandbox. */
export function ssoClientFor(sandbox: Sandbox, options: SsoClientOptions): SSOClient {
  return new SSOClient(ssoConfig(sandbox, options, options.endpointHost ?? portalHost(options.region)));
}

function ssoConfig(sandbox: Sandbox, options: SsoClientOptions, host: string) {
  return {
    region: options.region,
    endpoint: `https://${host}:${sandbox.port}`,
    requestHandler: new NodeHttpHandler({ httpsAgent: sandboxAgent(sandbox) }),
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
  };
}

/** SDK `Credentials` (from AssumeRole / GetSessionToken output) to the shape stsClientFor takes. */
export function credentialsFrom(
  creds: { AccessKeyId?: string | undefined; SecretAccessKey?: string | undefined; SessionToken?: string | undefined } | undefined,
): StsClientOptions['credentials'] {
  if (!creds?.AccessKeyId || !creds.SecretAccessKey || !creds.SessionToken) {
    throw new Error('STS answer has no credentials');
  }
  return { accessKeyId: creds.AccessKeyId, secretAccessKey: creds.SecretAccessKey, sessionToken: creds.SessionToken };
}

export interface SandboxFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface SandboxFetchResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A raw HTTPS request to a real AWS URL (port or none), delivered to the sandbox. The Host header is the URL's
 * host as written, as Chromium sends it when its resolver rules map the name. Redirects are not followed.
 */
export function sandboxFetch(sandbox: Sandbox, url: string, init: SandboxFetchInit = {}): Promise<SandboxFetchResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        method: init.method ?? 'GET',
        hostname: target.hostname,
        port: sandbox.port,
        path: `${target.pathname}${target.search}`,
        headers: { host: target.host, ...init.headers },
        agent: sandboxAgent(sandbox),
        servername: target.hostname,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}
