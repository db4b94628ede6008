/**
 * Vault keys as the root of a sign-in: the credentials the first role is assumed with, and the MFA code for the
 * hop that needs one:
 * - no MFA device on the source or any hop: the long-term keys;
 * - an MFA device, and the console time wanted fits the 1-hour cap of roles assumed from temporary credentials:
 *   an MFA session (GetSessionToken with the code, cached in storage.session; later sign-ins need no code);
 * - an MFA device and a longer session wanted: the long-term keys, with the code sent on the hop's AssumeRole,
 *   as aws-vault does. Rules and AWS references: src/core/mfa.ts.
 */
import { mfaSessionCanServe, normalizeMfaCode, MFA_SESSION_MAX_MINUTES, MFA_SESSION_MIN_MINUTES } from '../../../core/mfa';
import { callerSessionName } from '../../../core/session-name';
import { sourceEndpoint } from '../../../core/source-region';
import type { RootRequest, RootResult } from '../root-credentials';
import { mfaInvalid, mfaMalformed, mfaRequired } from './mfa-error';
import { findMfaSession, forgetMfaSessions, saveMfaSession } from './mfa-session';
import { SignInError } from '../../sign-in/sign-in-error';
import { keysFor } from './source-keys';
import { withStepTimeout } from '../../sign-in/step-timeout';
import { callerError, getCallerIdentity, getSessionToken } from '../../aws/sts-identity';
import { loadSettings } from '../../vault/state';

export async function keyRootCredentials(request: RootRequest): Promise<RootResult> {
  const { config, source, hops } = request;
  // Only a sign-in the person started counts as a use of the vault; an automatic renewal does not push its lock.
  const keys = await keysFor(source, request.interactive === false ? 'automatic' : 'person');
  if (!keys) throw new SignInError('no-keys', `No access keys are set for the source "${source}". Add them on the options page.`);
  const longTerm = { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey };
  // The IAM user GetCallerIdentity named when the keys were saved: the default session name of each hop.
  const callerName = () => Promise.resolve(callerSessionName(keys.arn));

  // The device: the first hop that names one, else the source section's, else the one saved with the keys.
  const mfaHop = hops.find((hop) => hop.mfaSerial !== undefined);
  const keySection = config.sources.find((s) => s.name === source && s.kind === 'keys');
  const serial = mfaHop?.mfaSerial ?? (keySection?.kind === 'keys' ? keySection.mfaSerial : undefined) ?? keys.mfaSerial;
  const plain: RootResult = { root: { credentials: longTerm, temporary: false, source, callerName }, mfaFor: () => undefined, failed: (e) => Promise.resolve(e) };
  if (serial === undefined) return plain;

  const settings = await loadSettings();
  const useSession = settings.mfaSessionMinutes > 0 && mfaSessionCanServe(request.wantedSeconds);
  if (useSession) {
    const cached = await findMfaSession(source, keys.accessKeyId);
    if (cached) {
      return {
        root: { credentials: cached.credentials, temporary: true, source, callerName },
        mfaFor: () => undefined,
        failed: async (error) => {
          // A session AWS stopped accepting (keys deactivated, clock) is dropped so the next try asks for a code;
          // one that still works (the role refused, the network failed) is kept.
          const { region } = sourceEndpoint(config, source);
          await getCallerIdentity(region, cached.credentials, AbortSignal.timeout(10_000)).catch(async (check: unknown) => {
            if (!isNetworkFailure(check)) await forgetMfaSessions(source);
          });
          return withSerial(error, serial);
        },
      };
    }
  }

  if (request.mfaCode === undefined) throw mfaRequired(serial);
  const code = typeof request.mfaCode === 'string' ? normalizeMfaCode(request.mfaCode) : undefined;
  if (code === undefined) throw mfaMalformed(serial);

  if (useSession) {
    const { region } = sourceEndpoint(config, source);
    const minutes = Math.min(Math.max(settings.mfaSessionMinutes, MFA_SESSION_MIN_MINUTES), MFA_SESSION_MAX_MINUTES);
    let session: Awaited<ReturnType<typeof getSessionToken>>;
    request.onStep?.('getting-session');
    try {
      session = await withStepTimeout('getting-session', (signal) =>
        getSessionToken(region, longTerm, { serialNumber: serial, tokenCode: code, durationSeconds: minutes * 60 }, signal),
      );
    } catch (error) {
      throw withSerial(callerError(error, source), serial);
    }
    await saveMfaSession(source, { keyId: keys.accessKeyId, mfaSerial: serial, ...session });
    return { root: { credentials: session.credentials, temporary: true, source, callerName }, mfaFor: () => undefined, failed: (e) => Promise.resolve(withSerial(e, serial)) };
  }

  // Straight from the long-term keys: the code goes with the hop that names the device (else the first hop).
  const target = mfaHop ?? hops[0];
  return {
    ...plain,
    mfaFor: (hop) => (hop.name === target?.name ? { serialNumber: serial, tokenCode: code } : undefined),
    failed: (e) => Promise.resolve(withSerial(e, serial)),
  };
}

/** fetch's TypeError (offline, DNS, TLS) or our own timeout: says nothing about the session. */
function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'));
}

/** A refused code becomes `mfa-invalid` naming the device; anything else passes unchanged. */
function withSerial(error: unknown, serial: string): unknown {
  return error instanceof SignInError && error.code === 'mfa-invalid' ? mfaInvalid(serial) : error;
}
