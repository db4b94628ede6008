/**
 * The two STS calls about the caller itself: GetCallerIdentity (which identity do these keys belong to; needs
 * no permission, https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html) and
 * GetSessionToken with MFA (an MFA session, https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html).
 */
import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { describeStsError } from '../../core/sts-errors';
import type { KeyIdentity } from '../../messages';
import type { SessionCredentials } from '../../platform/storage';
import { SignInError } from '../sign-in/sign-in-error';
import { AWS_REQUEST } from './request-options';
import type { Credentials } from './sts';

export async function getCallerIdentity(region: string, credentials: Credentials, abortSignal?: AbortSignal): Promise<KeyIdentity> {
  const client = new STSClient({ region, credentials, maxAttempts: 3, requestHandler: { ...AWS_REQUEST } });
  try {
    const answer = await client.send(new GetCallerIdentityCommand({}), abortSignal ? { abortSignal } : {});
    if (!answer.Arn || !answer.Account) throw incomplete();
    return { arn: answer.Arn, accountId: answer.Account };
  } finally {
    client.destroy();
  }
}

export interface MfaSessionInput {
  serialNumber: string;
  tokenCode: string;
  durationSeconds: number;
}

export async function getSessionToken(
  region: string,
  credentials: Credentials,
  input: MfaSessionInput,
  abortSignal?: AbortSignal,
): Promise<{ credentials: SessionCredentials; expiresAt: number }> {
  const client = new STSClient({ region, credentials, maxAttempts: 3, requestHandler: { ...AWS_REQUEST } });
  try {
    const answer = await client.send(
      new GetSessionTokenCommand({ SerialNumber: input.serialNumber, TokenCode: input.tokenCode, DurationSeconds: input.durationSeconds }),
      abortSignal ? { abortSignal } : {},
    );
    const issued = answer.Credentials;
    if (!issued?.AccessKeyId || !issued.SecretAccessKey || !issued.SessionToken || !issued.Expiration) throw incomplete();
    return {
      credentials: { accessKeyId: issued.AccessKeyId, secretAccessKey: issued.SecretAccessKey, sessionToken: issued.SessionToken },
      expiresAt: issued.Expiration.getTime(),
    };
  } finally {
    client.destroy();
  }
}

function incomplete(): Error {
  return Object.assign(new Error('STS answered without the expected fields.'), { name: 'IncompleteAnswer' });
}

/** A failed call about the caller (no role involved) as one sentence: network, or STS's code described. */
export function callerError(error: unknown, source: string): SignInError {
  if (error instanceof SignInError) return error;
  if (error instanceof TypeError) return new SignInError('network', 'AWS could not be reached. Check your network connection and try again.');
  const name = error instanceof Error ? error.name : 'UnknownError';
  const described = describeStsError({ name, ...(error instanceof Error && { message: error.message }) }, { source });
  const made = new SignInError(described.code, described.message).withAwsFacts(error);
  if (described.fix !== undefined) made.fix = described.fix;
  return made;
}
