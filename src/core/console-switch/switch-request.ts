/**
 * The console's own switch-role request, built from a role profile and what the console page offers (issue 13).
 * Field names as AWS Extend Switch Roles sends them (AESR v6, MIT; see test/sandbox/README.md, "Console
 * switch-role: what the real console does"); nothing here is documented by AWS. Pure: no browser API.
 */
import type { Partition } from '../arn';
import type { RoleProfile } from '../config/index';
import { isRegionOf, signinHost } from '../partitions';

/** What the console page offers a switch, once read and checked (src/background/sources/console/page-reader.ts). */
export interface ConsolePage {
  partition: Partition;
  /** A sign-in host of the partition (checked): where the switch is sent. */
  signinHost: string;
  multiSession: boolean;
  /** The page's session differentiator (multi-session mode). */
  differentiator?: string;
  /** The anti-forgery token (`AWSC.Auth.getMbtc()`), for the classic form. */
  csrf: string;
  /** The signed-in identity: account as typed (id with dashes, or alias) and user. */
  account: string;
  user: string;
  roleAccount?: string;
  roleUser?: string;
}

/** The console shows at most this many characters of a display name (AESR cuts there too). */
export const DISPLAY_NAME_MAX = 64;
const DEFAULT_COLOR = 'aaaaaa';

/**
 * True for a sign-in host of the partition: the global one or a region's (`eu-west-1.signin.aws.amazon.com`).
 * A page names its sign-in endpoint; a switch is never sent to a host that is not one of these.
 */
export function isSigninHost(partition: Partition, host: string): boolean {
  if (host === signinHost(partition)) return true;
  const [region, ...rest] = host.split('.');
  return region !== undefined && isRegionOf(partition, region) && rest.join('.') === signinHost(partition) && signinHost(partition, region) === host;
}

/** `<profile>  |  <account id>`, at most 64 characters: what the console's header shows after the switch. */
export function displayNameOf(role: RoleProfile): string {
  return `${role.name}  |  ${role.accountId}`.slice(0, DISPLAY_NAME_MAX);
}

/** Six hex digits without `#`. */
export function colorOf(role: RoleProfile): string {
  const hex = role.color?.replace(/^#/, '').toLowerCase();
  return hex !== undefined && /^[0-9a-f]{6}$/.test(hex) ? hex : DEFAULT_COLOR;
}

/** The role's name with its path, as the console's switch-role takes it (`ops/Deployer`). */
export function rolePathName(role: RoleProfile): string {
  return `${role.rolePath.replace(/^\//, '')}${role.roleName}`;
}

/** The classic form: `POST https://<sign-in host>/switchrole`, in the page, same tab. */
export function classicSwitchForm(page: ConsolePage, role: RoleProfile, redirect: string): { action: string; fields: Record<string, string> } {
  return {
    action: `https://${page.signinHost}/switchrole`,
    fields: {
      action: 'switchFromBasis',
      src: 'nav',
      csrf: page.csrf,
      roleName: rolePathName(role),
      account: role.accountId,
      color: colorOf(role),
      displayName: displayNameOf(role),
      // Encoded once more inside the form body, as AESR sends it (and the real console accepted, AESR issue #175).
      redirect_uri: encodeURIComponent(redirect),
      mfaNeeded: '0',
    },
  };
}

/** The multi-session request: JSON to `https://<sign-in host>/sessions/<differentiator>/v1/switchrole`. */
export function multiSessionSwitch(page: ConsolePage, role: RoleProfile, redirect: string): { url: string; body: Record<string, string> } | undefined {
  if (page.differentiator === undefined) return undefined;
  return {
    url: `https://${page.signinHost}/sessions/${encodeURIComponent(page.differentiator)}/v1/switchrole`,
    body: {
      account: role.accountId,
      color: colorOf(role),
      displayName: displayNameOf(role),
      redirectUri: redirect,
      roleName: rolePathName(role),
    },
  };
}

/**
 * The session name AWS gives a role switched to from this console: the signed-in user's name (`alice`), a role
 * session's name (`Entry-Role/bob` → `bob`), an Identity Center user's (`AWSReservedSSO_…/jane` → `jane`).
 */
export function switchedSessionName(user: string): string {
  const parts = user.split('/');
  return parts[parts.length - 1] ?? user;
}

/** The host of an https URL (no other scheme, no credentials), else undefined: where a tab is, where a page points. */
export function httpsHost(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}
