/**
 * The third source (issue 13): the console session in the tab in front. A role uses it when its chain's root has
 * no keys in the vault and is no Identity Center profile (AESR's singles with only `role_arn`, AESR's targets whose
 * base names an `aws_account_id`, a `default`-rooted role without default keys) and the active tab is a console
 * page of the role's partition. The console's switch-role starts from the identity the console is signed in as,
 * so only roles one switch away from it (AESR's rules, src/core/console-switch/offer.ts) can go this way, and
 * never with an ExternalId (the console cannot send one).
 * A role that could go either way (keys in the vault too, and on the console's offer) goes the person's default way
 * (`defaultWay`, keys unless they chose otherwise); a click may ask for one (`way`: Alt in the popup). The rules are
 * src/core/console-switch/way.ts; what the console offers, console-in-front.ts (the popup's rows are told the same).
 * How long a switched session lasts, the console does not say: its session has no timer (UNKNOWN_EXPIRY).
 */
import { aliasHops, type ConfigModel, type RoleProfile } from '../../../core/config/index';
import { switchedSessionName } from '../../../core/console-switch/switch-request';
import { signInWay, type SignInWay } from '../../../core/console-switch/way';
import { consoleDestination, regionOfConsoleUrl, type DestinationChoice } from '../../../core/destination';
import { effectiveRegion } from '../../../core/partitions';
import { UNKNOWN_EXPIRY } from '../../../core/sessions/countdown';
import type { OpenIn, SignInResult } from '../../../messages';
import { SignInError } from '../../sign-in/sign-in-error';
import { consoleCanStandIn, consoleTab, keyHolders, onOffer, readConsoleInFront, switchable, type ConsoleInFront, type ConsoleTab } from './console-in-front';
import { rememberSwitch } from './last-role';
import { classicSwitch, multiSessionSwitchTo } from './switch-role';

export interface ConsoleSwitchOptions {
  keepPage: boolean;
  /** Where a multi-session switch opens; the console tab itself unless the person asked for another. */
  openIn?: OpenIn;
  /** The region and service the click chose (checked), over the profile's. */
  choice?: DestinationChoice;
  onStep?: () => void;
}

/** The way a click asked for (undefined: decide), and the person's default for roles that could go either way. */
export interface WayChoice {
  asked?: SignInWay | undefined;
  preferred: SignInWay;
}

/**
 * The console switch for this sign-in, when it is the way it goes; undefined leaves the sign-in to the key and
 * Identity Center paths, untouched. Asked for the console where no console tab can stand in: one sentence.
 */
export async function consoleSwitchFor(
  config: ConfigModel,
  target: RoleProfile,
  rootSource: string,
  choice: WayChoice,
): Promise<((options: ConsoleSwitchOptions) => Promise<SignInResult>) | undefined> {
  if (choice.asked === 'keys') return undefined;
  const standIn = consoleCanStandIn(config, target, rootSource);
  const found = standIn ? await consoleTab(target.partition) : undefined;
  if (!found) {
    if (choice.asked === 'console') throw noConsole(target, standIn);
    return undefined;
  }
  // A role written with an account alias (or chained on one): AssumeRole cannot reach it, whatever the vault holds.
  const keys = !aliasHops(config)(target) && (await keyHolders())(rootSource);
  // With keys, the console is the default way only for a role it offers: that needs the page, read once here.
  let front: ConsoleInFront | undefined;
  if (keys && choice.asked === undefined && choice.preferred === 'console') {
    front = await readConsoleInFront(config, found.tab, target.partition).catch(() => undefined);
  }
  const offered = front !== undefined && switchable(front, target);
  if (signInWay({ keys, offered, asked: choice.asked, preferred: choice.preferred }) !== 'console') return undefined;
  return (options) => switchConsole(config, target, found.tab, options, front);
}

function noConsole(target: RoleProfile, standIn: boolean): SignInError {
  return new SignInError(
    'bad-request',
    standIn
      ? `There is no AWS console tab in front to switch to ${target.name}: bring the console tab to the front and try again, or sign in with keys.`
      : `The console's switch-role cannot reach ${target.name} (it signs in with Identity Center, or from a source that is no AWS account): sign in with keys or Identity Center.`,
  );
}

/** The switch itself, in `tab`; `read`: the page as already read (its offer is checked again here). */
export async function switchConsole(config: ConfigModel, target: RoleProfile, tab: ConsoleTab, options: ConsoleSwitchOptions, read?: ConsoleInFront): Promise<SignInResult> {
  const partition = target.partition;
  if (target.externalId !== undefined) {
    throw invalid(target, `The console's switch-role cannot send an external id, which ${target.name} needs: add keys for its source, or sign in with Identity Center.`);
  }
  options.onStep?.();
  const front = read ?? (await readConsoleInFront(config, tab, partition));
  const { page, base } = front;
  if (!onOffer(front, target)) {
    throw invalid(target, `${target.name} is not one switch away from this console (signed in as ${base.name} in ${base.account}): the console switches only to roles its identity may assume, and cannot chain further.`);
  }
  const keep = options.keepPage && options.choice?.service === undefined ? tab.url : undefined;
  const redirect = consoleDestination(partition, target, options.choice, keep);

  let tabId: number | undefined = tab.id;
  let destination = redirect;
  if (page.multiSession) {
    ({ tabId, destination } = await multiSessionSwitchTo(tab.id, page, target, redirect, options.openIn ?? 'current-tab'));
  } else {
    await classicSwitch(tab.id, page, target, tab.url, redirect);
  }
  // Auto-assume's memory: the role last switched to from this identity (last-role.ts).
  await rememberSwitch(partition, base, target.name);
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

