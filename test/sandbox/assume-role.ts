/**
 * AssumeRole: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 * Session lengths: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html#id_roles_use_view-role-max-session
 * Role chaining: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html#iam-term-role-chaining
 */
import { roleId } from './ids.js';
import { credentialsXml, issueCredentials } from './issue.js';
import type { Partition } from './partitions.js';
import { findRole, parseRoleArn, roleMaxSession } from './seed-lookup.js';
import type { SandboxState } from './state.js';
import { callerArn, type Caller } from './sts-auth.js';
import { notAuthorizedToAssume, validationError, ValidationCollector } from './sts-errors.js';
import { validateMfaParams, verifyMfa } from './sts-mfa.js';
import type { XmlNode } from './sts-xml.js';
import { checkTrust } from './trust.js';

/** The pattern AWS prints in its validation message; the length (2..64) is checked separately. */
const SESSION_NAME = /^[\w+=,.@-]*$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]*$/;

export const CHAINING_MESSAGE = 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.';
export const MAX_SESSION_MESSAGE = 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.';

export function assumeRole(
  state: SandboxState,
  caller: Caller,
  params: URLSearchParams,
  endpointPartition: Partition,
): XmlNode {
  const get = (name: string): string | undefined => params.get(name) ?? undefined;
  const roleArn = get('RoleArn');
  const sessionName = get('RoleSessionName');
  const durationText = get('DurationSeconds');
  const externalId = get('ExternalId');
  const sourceIdentity = get('SourceIdentity');
  const serial = get('SerialNumber');
  const code = get('TokenCode');

  // 1. Input constraints (400 ValidationError), before any authorization decision.
  const v = new ValidationCollector();
  if (v.required('roleArn', roleArn)) v.length('roleArn', roleArn, 20, 2048);
  if (v.required('roleSessionName', sessionName)) {
    v.length('roleSessionName', sessionName, 2, 64);
    v.pattern('roleSessionName', sessionName, SESSION_NAME, '[\\w+=,.@-]*');
  }
  const duration = durationText === undefined ? undefined : v.integer('durationSeconds', durationText, 900, 43200);
  if (externalId !== undefined) {
    v.length('externalId', externalId, 2, 1224);
    v.pattern('externalId', externalId, EXTERNAL_ID, '[\\w+=,.@:\\/-]*');
  }
  if (sourceIdentity !== undefined) {
    v.length('sourceIdentity', sourceIdentity, 2, 64);
    v.pattern('sourceIdentity', sourceIdentity, SESSION_NAME, '[\\w+=,.@-]*');
  }
  validateMfaParams(v, serial, code);
  v.throwIfAny();
  if (roleArn === undefined || sessionName === undefined) return {}; // unreachable: required() recorded it
  const parsed = parseRoleArn(roleArn);
  if (!parsed) throw validationError(`${roleArn} is invalid`);

  // 2. The role must exist in this endpoint's partition; a missing role looks exactly like a refused one.
  const who = callerArn(caller);
  const role = findRole(state.seed, roleArn);
  if (!role || parsed.partition !== endpointPartition) throw denied(who, roleArn, 'no such role in this partition');

  // 3. MFA: a code given here is checked even when the role does not ask for it.
  const mfaNow = verifyMfa(state, caller, serial, code);
  const mfaPresent = mfaNow || (caller.kind === 'temporary' && caller.creds.mfa);

  // 4. Trust policy.
  const failure = checkTrust(role, { caller, externalId, mfaPresent });
  if (failure) throw denied(who, roleArn, failure);

  // Source identity is set once and then carried along a chain; it cannot be changed on the way.
  const inherited = caller.kind === 'temporary' ? caller.creds.sourceIdentity : undefined;
  if (inherited !== undefined && sourceIdentity !== undefined && inherited !== sourceIdentity) {
    throw denied(who, roleArn, 'source identity differs from the one set earlier in the chain');
  }
  const finalSourceIdentity = sourceIdentity ?? inherited;

  // 5. Duration: 1 hour by default, never above the role's MaxSessionDuration, and at most 1 hour when the
  // caller signs with temporary credentials (role chaining, or a GetSessionToken session).
  const seconds = duration ?? 3600;
  if (seconds > roleMaxSession(role)) throw validationError(MAX_SESSION_MESSAGE);
  const chained = caller.kind === 'temporary';
  if (chained && seconds > 3600) throw validationError(CHAINING_MESSAGE);

  const assumedRoleArn = `arn:${parsed.partition}:sts::${parsed.account}:assumed-role/${parsed.name}/${sessionName}`;
  const assumedRoleId = `${roleId(roleArn)}:${sessionName}`;
  const userArn = caller.kind === 'user' ? caller.arn : caller.creds.userArn;
  const creds = issueCredentials(
    state,
    {
      kind: 'role',
      partition: parsed.partition,
      account: parsed.account,
      ...(userArn !== undefined ? { userArn } : {}),
      roleArn,
      assumedRoleArn,
      userId: assumedRoleId,
      sessionName,
      ...(finalSourceIdentity !== undefined ? { sourceIdentity: finalSourceIdentity } : {}),
      chained,
      mfa: mfaPresent,
    },
    seconds,
  );

  return {
    SourceIdentity: finalSourceIdentity,
    AssumedRoleUser: { AssumedRoleId: assumedRoleId, Arn: assumedRoleArn },
    Credentials: credentialsXml(creds),
  };
}

function denied(who: string, roleArn: string, detail: string): Error {
  const error = notAuthorizedToAssume(who, roleArn);
  error.detail = detail;
  return error;
}
