/**
 * The local AWS sandbox: STS, the federation endpoint and console pages on their real host names, served over
 * HTTPS from 127.0.0.1. Chromium reaches it through `hostResolverRules` and trusts it through `spkiHash`;
 * Node tests reach it through `./node-client.js`. See DESIGN.md, "The local AWS sandbox".
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createCertificate } from './cert.js';
import { hostResolverRules } from './hosts.js';
import { applyNetworkProfile, networkFront, type NetworkProfile } from './network.js';
import { demoSeed, type Seed } from './seed.js';
import { validateSeed } from './seed-lookup.js';
import { handleHttp, type ServerContext } from './server.js';
import { createState, type SandboxState } from './state.js';

export interface Sandbox {
  /** The HTTPS port on 127.0.0.1. */
  port: number;
  /** Self-signed certificate (PEM), generated at start. */
  certPem: string;
  /** base64 SHA-256 of the certificate's SubjectPublicKeyInfo, for --ignore-certificate-errors-spki-list. */
  spkiHash: string;
  /** One string for Chromium's --host-resolver-rules, mapping every AWS host we use to 127.0.0.1:port. */
  hostResolverRules: string;
  /** Mutable live state: issued credentials, tokens, console sessions, fault knobs, request log. */
  state: SandboxState;
  /** Closes every open connection at once, as after a long idle: the next requests pay for new ones (network.ts). */
  closeConnections(): void;
  close(): Promise<void>;
}

export interface StartOptions {
  /** 0 or omitted: a random free port. */
  port?: number;
  seed?: Seed;
  /** One line per request (never secrets), and internal errors. */
  log?: (line: string) => void;
  /** Initial `state.multiSessionDefault`: console multi-session mode for browsers that have not chosen. */
  multiSessionDefault?: boolean;
  /** The network to model (network.ts: `networkProfile('aws-100ms')`); omitted: `local`, answers at once. */
  network?: NetworkProfile;
}

export async function startSandbox(options: StartOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? demoSeed;
  validateSeed(seed);
  const state = createState(seed);
  if (options.multiSessionDefault !== undefined) state.multiSessionDefault = options.multiSessionDefault;
  if (options.network) applyNetworkProfile(state, options.network);
  const ctx: ServerContext = { state, log: options.log ?? (() => undefined) };
  const tls = await createCertificate();

  const server = createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    // The keep-alive knob, read on every request: Node arms the idle timer from it when the answer is sent.
    server.keepAliveTimeout = state.keepAliveMs;
    handleHttp(ctx, req, res).catch((error: unknown) => {
      ctx.log(`sandbox error: ${String(error)}`);
      res.destroy();
    });
  });
  // Clients that give up mid-handshake (dropped-connection tests, Chromium probing) are not our errors.
  server.on('tlsClientError', () => undefined);
  server.keepAliveTimeout = state.keepAliveMs;
  // The HTTPS server listens on nothing itself: the network front accepts TCP and hands it each connection.
  const front = networkFront(state, server);
  ctx.connectionOf = (req) => front.recordOf(req.socket);

  await new Promise<void>((resolve, reject) => {
    front.server.once('error', reject);
    front.server.listen(options.port ?? 0, '127.0.0.1', () => {
      front.server.off('error', reject);
      resolve();
    });
  });
  const port = (front.server.address() as AddressInfo).port;

  return {
    port,
    certPem: tls.certPem,
    spkiHash: tls.spkiHash,
    hostResolverRules: hostResolverRules(port),
    state,
    closeConnections: () => front.closeAll(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        front.server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would hold close() open until they time out.
        server.closeAllConnections();
        front.closeAll();
      }),
  };
}

export { demoSeed } from './seed.js';
export { NETWORK_PROFILES, networkProfile, applyNetworkProfile, type NetworkProfile, type NetworkProfileName, type ConnectionRecord } from './network.js';
export type { Seed } from './seed.js';
export type { ConsoleSession, SandboxState } from './state.js';
export { CONSOLE_COOKIE, MULTI_SESSION_COOKIE } from './console-sessions.js';
export type { AwscSessionData } from './console-pages.js';
export { multiSessionCookie, multiSessionCookieHeader, SETTINGS_PATH, type BrowserCookie } from './multi-session.js';
export {
  ACME,
  ACME_GOV,
  ACME_PROD_READONLY_ROLE,
  BIG,
  SSO_CHAIN_ROLES,
  SSO_EXTERNAL_IDS,
  SSO_PASSWORD,
  bigAccountId,
  bigAccountName,
  ssoRoleArn,
} from './sso-seed.js';
export type { SsoDirectory } from './sso-seed.js';
export { approveDevice, denyDevice, findDeviceByUserCode } from './sso-approval.js';
export { expireAccessTokens, revokeRefreshTokens, type SsoState } from './sso-state.js';
export { PORTAL_COOKIE_PREFIX } from './sso-device-page.js';
export { identityCenterConsoleLoginUrl, type IdentityCenterConsoleLogin } from './console-helpers.js';
export { IAM_USER_CONSOLE_SECONDS, MFA_REQUIRED_MESSAGE, SIGNIN_FAILED_MESSAGE } from './iam-signin.js';
export { SWITCH_REFUSED_MESSAGE, SWITCHED_SESSION_SECONDS } from './switch-role.js';
export type { ConsoleAccountInfo } from './console-identity.js';
