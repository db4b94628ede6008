/**
 * One click to a console session: resolve the profile's chain to its root source, assume each hop
 * (assume-chain.ts), trade the last credentials for a sign-in token, and open the console through the launch
 * page (login-launch.ts). Each step is announced to the popup and has a deadline.
 * Flow: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html
 */
import type { RoleProfile } from '../../core/config/index';
import { checkDestinationChoice, consoleDestination, destinationFor, keepPageDestination, type DestinationChoice } from '../../core/destination';
import { durationFor } from '../../core/durations';
import { loginHosts } from '../../core/launch-fragment';
import { federationUrl } from '../../core/federation';
import { loginForm } from '../../core/login-form';
import { effectiveRegion } from '../../core/partitions';
import type { OpenIn, SignInResult, SignInStep, SignInWay } from '../../messages';
import { emit } from '../../platform/events';
import { activeTab } from '../../platform/tabs';
import type { ChainResult, RootCredentials } from './assume-chain';
import { callerError, getCallerIdentity } from '../aws/sts-identity';
import { loadManagedPolicy } from '../config/managed';
import { loadConfig } from '../config/store';
import { getSigninToken } from './federation';
import { confirmLogin } from './login-check';
import { openLogin, prepareLogin } from './login-launch';
import { whenTaken } from './login-taken';
import { loadSignInMemory } from './sign-in-memory';
import { assumeHops, resolveChain } from './role-credentials';
import { consoleSwitchFor } from '../sources/console/console-sign-in';
import { rootCredentials } from '../sources/root-credentials';
import { refuseAliasAccounts } from './alias-account';
import { loadSignInSettings } from './settings';
import { SignInError } from './sign-in-error';
import { withStepTimeout } from './step-timeout';

export interface SignInRequest {
  profile: string;
  openIn?: OpenIn;
  mfaCode?: string;
  requestId?: string;
  /** False for an automatic renewal: nobody is there to approve an Identity Center sign-in, so none is started. */
  interactive?: boolean;
  /** Keys or the console tab in front, as the click asked (console-sign-in.ts); unset: decided. */
  way?: SignInWay;
  /** The console's region and service as the click chose them (the popup's "Open in…"), over the profile's. */
  region?: string;
  service?: string;
}

/** A renewal: the login opens in this tab, on the console page it shows (sessions-renew.ts). */
export interface ReopenTab {
  tabId: number;
  url: string;
}

export async function signIn(request: SignInRequest, into?: ReopenTab): Promise<SignInResult> {
  // The organisation's policy is read once, beside the rest: the settings and the vault's use both depend on it.
  const policy = loadManagedPolicy();
  const [config, settings, memory] = await Promise.all([loadConfig(), loadSignInSettings(policy), loadSignInMemory()]);
  const { target, hops, rootSource } = resolveChain(config, request.profile);
  // A region or service the click chose is checked before anything happens: a bad one is refused, never ignored.
  const checked = checkDestinationChoice(target.partition, request);
  if (!checked.ok) throw new SignInError('bad-request', checked.reason);
  const choice = checked.choice;
  const progress = (step: SignInStep, hop?: number, userCode?: string) =>
    emit('signIn.progress', {
      requestId: request.requestId ?? '',
      profile: request.profile,
      step,
      ...(hop !== undefined && { hop: hop + 1, hops: hops.length }),
      ...(userCode !== undefined && { userCode }),
    });
  // No keys and no Identity Center, on a console tab, or the way asked or preferred: the console's own switch-role (sources/console/).
  const asked = request.way === 'keys' || request.way === 'console' ? request.way : undefined;
  const viaConsole = into ? undefined : await consoleSwitchFor(config, target, rootSource, { asked, preferred: settings.defaultWay });
  if (viaConsole) {
    return viaConsole({ keepPage: settings.keepPage, choice, onStep: () => progress('opening-console'), ...(request.openIn !== undefined && { openIn: request.openIn }) });
  }
  // AssumeRole needs the account id: a role written with an alias goes only through a console tab.
  refuseAliasAccounts(config, target);

  // The console time wanted decides whether an MFA session (capped at 1 hour by AWS) can serve.
  const wanted = durationFor(target.durationSeconds, settings.defaultDurationSeconds, hops.length > 1);
  const rootNotes: string[] = [];
  const region = effectiveRegion(target.partition, target.region);
  // Where the console goes is read now, from the page in front (keep my page), before any tab of ours opens; beside
  // the root credentials, which it does not need.
  const destinationRead = into
    ? Promise.resolve(keepPageDestination(target.partition, into.url, undefined) ?? destinationFor(target.partition, region, target.destination))
    : chooseDestination(target, choice, settings.keepPage);
  destinationRead.catch(() => undefined); // awaited below; never an unhandled rejection when the root fails first
  const { root, mfaFor, failed } = await rootCredentials({
    onNote: (note) => rootNotes.push(note),
    config,
    source: rootSource,
    hops,
    policy,
    wantedSeconds: wanted.seconds,
    onStep: (step, detail) => progress(step, undefined, detail?.userCode),
    ...(request.mfaCode !== undefined && { mfaCode: request.mfaCode }),
    ...(request.interactive !== undefined && { interactive: request.interactive }),
  });

  const destination = await destinationRead;
  const openIn = request.openIn ?? settings.openIn;
  // No prompt can come any more: the console's tab starts loading now, behind, while AWS answers (login-launch.ts),
  // and may connect ahead to where the login goes. Not awaited: STS starts at once; a tab that could not open is
  // the late path's to try again.
  const ahead = loginHosts(federationUrl(target.partition, target.region), destination);
  const opening = into ? Promise.resolve(undefined) : prepareLogin(openIn, target, ahead).catch(() => undefined);

  let chain: ChainResult;
  let signin: Awaited<ReturnType<typeof getSigninToken>>;
  // For an Identity Center profile signed in as itself: which IAM role AWS made for it, asked beside the sign-in token.
  let identity: Promise<string> | undefined;
  try {
    try {
      if (hops.length === 0) {
        identity = roleArnOf(root, region);
        identity.catch(() => undefined); // awaited below, beside the sign-in token; never an unhandled rejection
      }
      chain = await assumeHops({ root, hops, region, settings, memory, mfaFor, failed, onHop: (index) => progress('assuming-role', index) });
    } catch (error) {
      throw await failed(error);
    }
    // SessionDuration is accepted only for a role assumed directly with long-term keys (AWS answers HTTP 400 with
    // an HTML page otherwise); getSigninToken retries once without it.
    progress('getting-token');
    // AWS has assumed the role (or, with no hop, the role credentials are there); only the sign-in token is left: the
    // console's tab comes to the front now, while it is asked, and the browser's work of switching tabs is done before
    // the login starts (login-launch.ts `front`). A failure from here is said by that tab.
    void opening.then((early) => early?.front());
    const sessionDuration = chain.longTermDirect ? chain.durationSeconds : undefined;
    const assumed = chain.assumed;
    [signin] = await Promise.all([
      withStepTimeout('getting-token', (signal) =>
        getSigninToken(target.partition, target.region, assumed.credentials, sessionDuration, signal)),
      identity?.then((arn) => {
        assumed.assumedRoleArn = arn;
      }),
    ]);
  } catch (error) {
    await (await opening)?.abandon(error);
    throw error;
  }
  const early = await opening;
  const { token, durationAccepted } = signin;
  const notes = [...rootNotes, ...chain.notes];
  if (chain.longTermDirect && !durationAccepted) {
    notes.push('AWS refused a console session as long as the role session, so the console follows the role credentials.');
  }

  // POST unless AWS refused it in this partition before (login-check.ts).
  const method = memory.methods[target.partition] ?? 'post';
  const sent: { taken?: ReturnType<typeof whenTaken> } = {};
  const tabId = await withStepTimeout('opening-console', () => {
    const form = loginForm(target.partition, target.region, token, destination, method);
    sent.taken = whenTaken(form);
    const late = () => openLogin(form, into ? { tabId: into.tabId } : openIn, Date.now(), target);
    const opened = early ? early.deliver(form).then((tab) => tab ?? late()) : late();
    // Announced once the waiting page has its form (its answer leaves first): an open popup's redraw shares the
    // extension's renderer with the launch page, and would otherwise run before the page posts.
    setTimeout(() => progress('opening-console'), 0);
    return opened;
  }).catch(async (error: unknown) => {
    sent.taken?.cancel();
    await early?.abandon(error);
    throw error;
  });
  // Whether the login reached the console, and the other method once when not. A renewal's failure is the session
  // registry's to tell (its notice); its login uses the method already learnt. Not awaited: the sign-in answers as
  // soon as the login is on its way (the popup takes the next click at once); what the check finds reaches the
  // popup as `signIn.notes`. The tab's events keep the worker awake while it watches (at most twice 15 s).
  if (tabId !== undefined && sent.taken && !into) {
    void confirmLogin({
      tabId,
      partition: target.partition,
      method,
      first: sent.taken,
      freshForm: async (other) => {
        const fresh = await withStepTimeout('getting-token', (signal) =>
          getSigninToken(target.partition, target.region, chain.assumed.credentials, durationAccepted ? chain.durationSeconds : undefined, signal));
        return loginForm(target.partition, target.region, fresh.token, destination, other);
      },
    }).then((found) => {
      if (found.length > 0) emit('signIn.notes', { requestId: request.requestId ?? '', profile: target.name, notes: found });
    }, () => undefined);
  } else {
    sent.taken?.cancel();
  }
  const now = Date.now();
  return {
    profile: target.name,
    assumedRoleArn: chain.assumed.assumedRoleArn,
    expiresAt: chain.assumed.expiresAt,
    consoleExpiresAt: durationAccepted ? now + chain.durationSeconds * 1000 : chain.assumed.expiresAt,
    durationSeconds: chain.durationSeconds,
    partition: target.partition,
    region: choice.region ?? region,
    destination,
    notes,
    ...(tabId !== undefined && { tabId }),
  };
}

/**
 * An Identity Center profile signed in as itself: its role credentials go to the federation as they are (no
 * AssumeRole). GetRoleCredentials does not say which IAM role AWS made for the permission set
 * (`AWSReservedSSO_<name>_<hash>`), so one GetCallerIdentity asks, for the session registry.
 */
async function roleArnOf(root: RootCredentials, region: string): Promise<string> {
  const identity = await withStepTimeout('getting-role-credentials', (signal) => getCallerIdentity(region, root.credentials, signal))
    .catch((error: unknown) => {
      throw callerError(error, root.source);
    });
  return identity.arn;
}

/**
 * "Keep my page": switching from a console tab of the same partition opens the new role on the same console
 * page (region swapped when the profile or the click sets one). Otherwise the profile's `destination`, else the
 * console home; a service the click chose wins over both (core/destination.ts).
 */
async function chooseDestination(target: RoleProfile, choice: DestinationChoice, keepPage: boolean): Promise<string> {
  const tab = keepPage && choice.service === undefined ? await activeTab() : undefined;
  return consoleDestination(target.partition, target, choice, tab?.url);
}
