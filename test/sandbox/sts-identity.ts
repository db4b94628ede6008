/**
 * GetCallerIdentity and GetSessionToken: the two calls about the caller itself.
 */
import { credentialsXml, issueCredentials } from './issue.js';
import type { SandboxState } from './state.js';
import { callerAccount, callerArn, type Caller } from './sts-auth.js';
import { accessDenied, ValidationCollector } from './sts-errors.js';
import { validateMfaParams, verifyMfa } from './sts-mfa.js';
import type { XmlNode } from './sts-xml.js';

/** https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html (no permission needed). */
export function getCallerIdentity(caller: Caller): XmlNode {
  return {
    Arn: callerArn(caller),
    UserId: caller.kind === 'user' ? caller.userId : caller.creds.userId,
    Account: callerAccount(caller),
  };
}

/**
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 * DurationSeconds 900..129600 for IAM users, default 43200 (12 h).
 */
export function getSessionToken(state: SandboxState, caller: Caller, params: URLSearchParams): XmlNode {
  const v = new ValidationCollector();
  const durationText = params.get('DurationSeconds') ?? undefined;
  const duration = durationText === undefined ? 43200 : v.integer('durationSeconds', durationText, 900, 129600);
  const serial = params.get('SerialNumber') ?? undefined;
  const code = params.get('TokenCode') ?? undefined;
  validateMfaParams(v, serial, code);
  v.throwIfAny();

  // "You cannot call GetSessionToken with session credentials" (the API reference, Using GetSessionToken).
  if (caller.kind !== 'user') throw accessDenied('Cannot call GetSessionToken with session credentials');

  const mfa = verifyMfa(state, caller, serial, code);
  const creds = issueCredentials(
    state,
    {
      kind: 'session',
      partition: caller.partition,
      account: caller.account,
      userArn: caller.arn,
      userId: caller.userId,
      chained: false,
      mfa,
    },
    duration ?? 43200,
  );
  return { Credentials: credentialsXml(creds) };
}
