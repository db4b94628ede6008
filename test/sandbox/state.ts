/**
 * The sandbox's live, mutable state: what it issued, and the fault knobs tests turn.
 * Tests may read and change any of it directly (e.g. `state.clockOffsetMs = 10 * 60_000`).
 */
import type { ConnectionRecord } from './network.js';
import type { Partition, Seed } from './seed.js';
import { createSsoState, resetSsoKnobs, type SsoState } from './sso-state.js';

/** Temporary credentials the sandbox handed out (AssumeRole or GetSessionToken). */
export interface IssuedCredentials {
  /** `ASIA...`: temporary keys start with ASIA, long-term ones with AKIA. */
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** 'role' from AssumeRole, 'session' from GetSessionToken. */
  kind: 'role' | 'session';
  partition: Partition;
  /** The account the credentials act in (the role's account, or the user's for GetSessionToken). */
  account: string;
  /** The IAM user behind a 'session', or the user at the root of a role chain. */
  userArn?: string;
  /** For 'role': the role ARN (with its path). */
  roleArn?: string;
  /** For 'role': `arn:<p>:sts::<account>:assumed-role/<roleName>/<sessionName>`. */
  assumedRoleArn?: string;
  /** For 'role': `AROA...:<sessionName>`; for 'session': the user's `AIDA...` id. */
  userId: string;
  sessionName?: string;
  sourceIdentity?: string;
  /** Sandbox-clock milliseconds. */
  issuedAt: number;
  expiresAt: number;
  /** Obtained by calling STS with temporary credentials (role chaining, or from a GetSessionToken session). */
  chained: boolean;
  /** From IAM Identity Center's GetRoleCredentials: temporary base credentials, so no SessionDuration at sign-in. */
  fromSso?: boolean;
  /** MFA was verified for these credentials or for the ones they were derived from. */
  mfa: boolean;
}

/** A federation sign-in token (getSigninToken), valid 15 minutes. */
export interface SigninTokenRecord {
  token: string;
  partition: Partition;
  /** The temporary credentials it was made from. */
  accessKeyId: string;
  account: string;
  roleArn: string;
  assumedRoleArn: string;
  /** Sandbox-clock ms. */
  issuedAt: number;
  expiresAt: number;
  /** When the console session made from it ends: now + SessionDuration, else the credentials' expiry. */
  consoleExpiresAt: number;
  sessionDuration?: number;
  /** Times it was exchanged at Action=login. */
  uses: number;
}

/** Why a console session ended before its expiry. */
export type ConsoleEndReason =
  /** Logged out (`/logout`, `/oauth?Action=logout`, or the sign-in host's logout). */
  | 'logout'
  /** A new login replaced it: any login in single-session mode, a login as the same identity in multi-session. */
  | 'replaced';

/**
 * An identity a console session acts as, or was signed in as before a switch-role: what a role's trust policy is
 * matched against and what the page's `ConsoleNavService.AccountInfo` shows (console-identity.ts).
 */
export interface ConsoleIdentity {
  kind: 'user' | 'role';
  partition: Partition;
  account: string;
  /** What a trust policy names: the IAM user's ARN, or the role's ARN (with its path). */
  principalArn: string;
  /** The user's ARN, or the assumed-role session ARN `arn:<p>:sts::<account>:assumed-role/<role>/<session>`. */
  arn: string;
  /** The user name, or the role name without its path. */
  name: string;
  /** The user name, or the role session's name (carried into the session name of a switch). */
  sessionName: string;
  /** MFA was proven at sign-in (IAM user with MFA, or credentials that carried it). */
  mfa: boolean;
  /** As the console shows it: the account id or alias typed at an IAM-user sign-in, else the id as `1111-2222-3333`. */
  accountLabel: string;
}

/** What a console switch-role made of a session (console `/switchrole` or multi-session `/sessions/<id>/v1/switchrole`). */
export interface SwitchedRole {
  mode: 'classic' | 'multi-session';
  /** The identity signed in before any switch: classic switches always start from it (`switchFromBasis`). */
  login: ConsoleIdentity;
  /** The identity whose trust was checked: classic, `login`'s ARN; multi-session, the session switched from (chaining). */
  fromArn: string;
  /** The `account` field as given (id or alias). */
  accountAsGiven: string;
  displayName: string;
  /** Six hex digits, or '' when none was given. */
  color: string;
}

/** A signed-in console session, named by the browser's cookie. */
export interface ConsoleSession {
  id: string;
  partition: Partition;
  account: string;
  roleArn: string;
  roleName: string;
  assumedRoleArn: string;
  sessionName: string;
  /**
   * Short lowercase random id, shown in `awsc-session-data` like the real console's `sessionDifferentiator`; in
   * multi-session mode the session's URL is `https://<account>-<differentiator>.<region>.console.aws.amazon.com`.
   */
  differentiator: string;
  /** The browser was in multi-session mode when the session was made (it has its own subdomain and cookie). */
  multiSession: boolean;
  issuer?: string;
  destination: string;
  /** Sandbox-clock ms. */
  createdAt: number;
  /** The console expiry (SessionDuration, else the credentials' expiry), checked against the sandbox clock. */
  expiresAt: number;
  /** Set when the session ended before expiring. */
  endedAt?: number;
  endReason?: ConsoleEndReason;
  /**
   * The page's anti-forgery token (what the real console's `AWSC.Auth.getMbtc()` gives): the classic `/switchrole`
   * form must send it as `csrf`.
   */
  csrf: string;
  /**
   * 'user' for an IAM-user password sign-in: `roleArn` and `assumedRoleArn` then hold the user's ARN and `roleName`
   * and `sessionName` the user name. Undefined: a role session.
   */
  principalKind?: 'user';
  /** MFA was proven for this session's identity (IAM-user sign-in with a code, or MFA-carrying credentials). */
  mfa?: boolean;
  /** The account id or alias as typed at an IAM-user sign-in (the console shows it as typed). */
  accountLabel?: string;
  /** Set on sessions made by a console switch-role. */
  switchedRole?: SwitchedRole;
}

export interface RequestLogEntry {
  /** Sandbox-clock ms. */
  at: number;
  /** Wall-clock ms (Date.now) when the request arrived, and when its answer was sent: the benchmark's round trips. */
  receivedAt: number;
  answeredAt: number;
  method: string;
  /** Host name without port, e.g. `sts.us-east-1.amazonaws.com`. */
  host: string;
  /** Path only; the query string is left out because it can carry sign-in tokens and session credentials. */
  path: string;
  service: 'sts' | 'signin' | 'console' | 'oidc' | 'sso-portal' | 'sso-device' | 's3' | 'unknown';
  /** STS Action, federation Action, or the Identity Center operation (CreateToken, GetRoleCredentials, ...). */
  action?: string;
  status: number;
  /** STS or Identity Center error code, or a short reason for a federation 400. */
  error?: string;
  /** The access key id that signed an STS request (an id, never a secret). */
  accessKeyId?: string;
  /** The connection it came on (`state.connections`, network.ts), and how many requests that connection had carried with it. */
  connection?: number;
  onConnection?: number;
  /**
   * Its headers, names lower-cased. Values only of headers that never carry a secret (`RECORDED_HEADER_VALUES`);
   * any other header is kept by name with its value's length, as `<N chars>`.
   */
  headers: Record<string, string>;
  /** Names of its query parameters (never values: a query can carry a sign-in token or signed credentials). */
  queryKeys: string[];
  /** Bytes of its body. */
  bodyBytes: number;
}

export interface SandboxState {
  readonly seed: Seed;
  /** Sandbox clock = Date.now() + clockOffsetMs. Every expiry and the SigV4 skew check use it. */
  clockOffsetMs: number;
  now(): number;

  // The network (network.ts): what a request and a new connection cost, how long an idle connection lives.
  /** Delay before answering any request, in ms: one round trip. */
  latencyMs: number;
  /** Delay before a new connection's TLS handshake, in ms: its TCP and TLS round trips. */
  connectionSetupMs: number;
  /** An idle connection is closed this long after its last answer, in ms (Node's default: 5,000). */
  keepAliveMs: number;
  /** Every connection, oldest first. */
  connections: ConnectionRecord[];

  // Fault knobs. Counters go down by one per request they affect.
  /** STS answers the next N requests with 400 Throttling "Rate exceeded". */
  throttle: number;
  /** STS answers the next N requests with 503 ServiceUnavailable. */
  fail5xx: number;
  /** Regions whose STS answers 403 RegionDisabledException. */
  regionDisabled: Set<string>;
  /** The next N requests (any host) get their connection destroyed without an answer. */
  dropConnections: number;
  /** When true, a TOTP code is accepted once per device (AWS rejects reused codes); off by default. */
  rejectReusedMfaCodes: boolean;
  /**
   * When true, getSigninToken refuses any SessionDuration with the HTML 400, as AWS does for credentials it counts
   * as chained: a fault knob for the client's one retry without it. Off by default.
   */
  refuseSessionDuration: boolean;
  /** The federation answers the next N getSigninToken requests with HTTP 503 and its HTML error page. */
  failSigninToken: number;
  /**
   * When true, `Action=login` sent by POST answers the federation error page (HTTP 400, on the sign-in host) and
   * only the documented link (GET) signs in: AWS documents only the link. Off by default.
   */
  refusePostLogin: boolean;

  // Console behaviour.
  /**
   * Multi-session mode for browsers that have not chosen (no `aws-sandbox-multi-session` cookie); default false,
   * as the real console's multi-session support is opt-in. A browser's own choice (the cookie, set by the page
   * `https://console.aws.amazon.com/settings/multisession` or by a test) wins over it.
   */
  multiSessionDefault: boolean;
  /** Live sessions one browser may hold in multi-session mode (the console allows 5). */
  consoleSessionLimit: number;
  /**
   * Fault knob: console pages carry none of what a switch-role reads (no `awsc-session-data` meta, no
   * `ConsoleNavService.AccountInfo`, no `AWSC.Auth.getMbtc`), as if the console page had changed. Off by default.
   */
  consoleWithoutSessionData: boolean;

  /** Keyed by access key id. */
  credentials: Map<string, IssuedCredentials>;
  /** Keyed by the token text. */
  signinTokens: Map<string, SigninTokenRecord>;
  /** Keyed by session id (the cookie value). */
  consoleSessions: Map<string, ConsoleSession>;
  /** `<serial>#<code>` of codes already used, for rejectReusedMfaCodes. */
  usedMfaCodes: Set<string>;
  /** Every request, oldest first. Never holds secrets. */
  requests: RequestLogEntry[];
  /** IAM Identity Center: knobs and records (sso-state.ts). */
  sso: SsoState;
}

export function createState(seed: Seed): SandboxState {
  return {
    seed,
    clockOffsetMs: 0,
    now() {
      return Date.now() + this.clockOffsetMs;
    },
    latencyMs: 0,
    connectionSetupMs: 0,
    keepAliveMs: 5_000,
    connections: [],
    throttle: 0,
    fail5xx: 0,
    regionDisabled: new Set(),
    dropConnections: 0,
    rejectReusedMfaCodes: false,
    refuseSessionDuration: false,
    failSigninToken: 0,
    refusePostLogin: false,
    multiSessionDefault: false,
    consoleSessionLimit: 5,
    consoleWithoutSessionData: false,
    credentials: new Map(),
    signinTokens: new Map(),
    consoleSessions: new Map(),
    usedMfaCodes: new Set(),
    requests: [],
    sso: createSsoState(),
  };
}

/**
 * Turns every fault knob off (also `consoleWithoutSessionData`), puts the network back to `local` (network.ts) and resets the clock; issued credentials and sessions stay, and so do the console
 * behaviour settings (`multiSessionDefault`, `consoleSessionLimit`). Identity Center's knobs go back to their
 * defaults (`state.sso`; its records stay).
 */
export function resetFaults(state: SandboxState): void {
  state.clockOffsetMs = 0;
  state.latencyMs = 0;
  state.connectionSetupMs = 0;
  state.keepAliveMs = 5_000;
  state.throttle = 0;
  state.fail5xx = 0;
  state.regionDisabled.clear();
  state.dropConnections = 0;
  state.refuseSessionDuration = false;
  state.failSigninToken = 0;
  state.refusePostLogin = false;
  state.consoleWithoutSessionData = false;
  resetSsoKnobs(state.sso);
}
