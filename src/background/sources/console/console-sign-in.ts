/**
 * The third source (issue 13): the console session in the tab in front. A role uses it when its chain's root has
 * no keys in the vault and is no Identity Center profile (AESR's singles with only `role_arn`, AESR's targets whose
 * base names an `aws_account_id`, a `default`-rooted role without default keys) and the active tab is a console
 * page of the role's partition. The console's switch-role starts from the identity the console is signed in as,
 * so only roles one switch away from it (AESR's rules, src/core/console-switch/offer.ts) can go this way, and
 * never with an ExternalId (the console cannot send one).
 * How long a switched session lasts, the console does not say: its session has no timer (UNKNOWN_EXPIRY).
 */
import type { ConfigModel, RoleProfile } from '../../../core/config/index';
import { DEFAULT_SOURCE } from '../../../core/config/index';
import { consoleBase, switchOffer } from '../../../core/console-switch/offer';
import { httpsHost, switchedSessionName } from '../../../core/console-switch/switch-request';
import { destinationFor, keepPageDestination, regionOfConsoleUrl } from '../../../core/destination';
import { effectiveRegion, isConsoleHost, isRegionOf } from '../../../core/partitions';
import { UNKNOWN_EXPIRY } from '../../../core/sessions/countdown';
import type { OpenIn, SignInResult } from '../../../messages';
import { activeTab, type ActiveTab } from '../../../platform/tabs';
import { SignInError } from '../../sign-in/sign-in-error';
import { readEntries, vaultStatus } from '../../vault/vault';
import { PAGE_CHANGED, readConsolePage } from './page-reader';
import { classicSwitch, multiSessionSwitchTo } from './switch-role';

export interface ConsoleSwitchOptions {
  keepPage: boolean;
  /** Where a multi-session switch opens; the console tab itself unless the person asked for another. */
  openIn?: OpenIn;
  onStep?: () => void;
}

/**
 * The console switch for this sign-in, when it is the one that applies; undefined leaves the sign-in to the key
 * and Identity Center paths, untouched.
 */
export async function consoleSwitchFor(
  config: ConfigModel,
  target: RoleProfile,
  rootSource: string,
): Promise<((options: ConsoleSwitchOptions) => Promise<SignInResult>) | undefined> {
  if (target.identityCenter) return undefined;
  const root = config.sources.find((source) => source.name === rootSource);
  if (root?.kind === 'sso') return undefined;
  // An AESR base (a section with an account) or `default`: the sources a console session stands in for.
  const aesrBase = rootSource === DEFAULT_SOURCE || (root?.kind === 'keys' && (root.accountId !== undefined || root.accountAlias !== undefined));
  if (!aesrBase || (await hasKeys(rootSource))) return undefined;
  const tab = await activeTab();
  const host = tab?.url !== undefined ? httpsHost(tab.url) : undefined;
  if (!tab || tab.url === undefined || host === undefined || !isConsoleHost(target.partition, host)) return undefined;
  return (options) => switchConsole(config, target, tab as ActiveTab & { url: string }, options);
}

/** Keys in the vault for `source`: unknown while the vault is locked, so the key path (which asks to unlock) runs. */
async function hasKeys(source: string): Promise<boolean> {
  const status = await vaultStatus();
  if (!status.initialized) return false;
  if (status.locked) return true;
  const entries = await readEntries('automatic');
  return entries !== undefined && Object.hasOwn(entries, source);
}

async function switchConsole(config: ConfigModel, target: RoleProfile, tab: ActiveTab & { url: string }, options: ConsoleSwitchOptions): Promise<SignInResult> {
  const partition = target.partition;
  if (target.externalId !== undefined) {
    throw invalid(target, `The console's switch-role cannot send an external id, which ${target.name} needs: add keys for its source, or sign in with Identity Center.`);
  }
  options.onStep?.();
  const page = await readConsolePage(tab.id, partition);
  const info = {
    loginDisplayNameAccount: page.account,
    loginDisplayNameUser: page.user,
    ...(page.roleAccount !== undefined && { roleDisplayNameAccount: page.roleAccount }),
    ...(page.roleUser !== undefined && { roleDisplayNameUser: page.roleUser }),
  };
  const base = consoleBase(info, page.multiSession);
  if (!base) throw new SignInError('console-changed', PAGE_CHANGED);
  const offer = switchOffer(config, base);
  if (![...offer.targets, ...offer.singles].includes(target.name)) {
    throw invalid(target, `${target.name} is not one switch away from this console (signed in as ${base.name} in ${base.account}): the console switches only to roles its identity may assume, and cannot chain further.`);
  }
  const region = target.region !== undefined && isRegionOf(partition, target.region) ? target.region : undefined;
  const redirect = (options.keepPage ? keepPageDestination(partition, tab.url, region) : undefined)
    ?? destinationFor(partition, effectiveRegion(partition, target.region), target.destination);

  let tabId: number | undefined = tab.id;
  let destination = redirect;
  if (page.multiSession) {
    ({ tabId, destination } = await multiSessionSwitchTo(tab.id, page, target, redirect, options.openIn ?? 'current-tab'));
  } else {
    await classicSwitch(tab.id, page, target, tab.url, redirect);
  }
  return {
    profile: target.name,
    assumedRoleArn: `arn:${partition}:sts::${target.accountId}:assumed-role/${target.roleName}/${switchedSessionName(page.user)}`,
    expiresAt: UNKNOWN_EXPIRY,
    consoleExpiresAt: UNKNOWN_EXPIRY,
    durationSeconds: 0,
    partition,
    region: regionOfConsoleUrl(partition, new URL(destination)) ?? effectiveRegion(partition, target.region),
    destination,
    notes: ['Switched from this console session: the console does not say how long the role lasts.'],
    ...(tabId !== undefined && { tabId }),
  };
}

function invalid(target: RoleProfile, message: string): SignInError {
  const error = new SignInError('invalid-config', message);
  error.fix = 'profile';
  error.subject = target.name;
  return error;
}

