/**
 * STS calls from the worker through the AWS SDK (SigV4, retries, clock-skew correction all come from it).
 * The browser build has no credential chain: region and credentials are always given explicitly.
 */
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { TemporaryCredentials } from '../../core/federation';
import { AWS_REQUEST } from './request-options';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AssumeRoleInput {
  roleArn: string;
  roleSessionName: string;
  durationSeconds: number;
  externalId?: string;
  sourceIdentity?: string;
  /** MFA device and current code, for roles whose trust policy requires MFA (see src/core/mfa.ts). */
  serialNumber?: string;
  tokenCode?: string;
}

export interface AssumedRole {
  credentials: TemporaryCredentials;
  assumedRoleArn: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export async function assumeRole(
  region: string,
  credentials: Credentials,
  input: AssumeRoleInput,
  abortSignal?: AbortSignal,
): Promise<AssumedRole> {
  const client = new STSClient({ region, credentials, maxAttempts: 3, requestHandler: { ...AWS_REQUEST } });
  try {
    const answer = await client.send(
      new AssumeRoleCommand({
        RoleArn: input.roleArn,
        RoleSessionName: input.roleSessionName,
        DurationSeconds: input.durationSeconds,
        ...(input.externalId !== undefined && { ExternalId: input.externalId }),
        ...(input.sourceIdentity !== undefined && { SourceIdentity: input.sourceIdentity }),
        ...(input.serialNumber !== undefined && input.tokenCode !== undefined && { SerialNumber: input.serialNumber, TokenCode: input.tokenCode }),
      }),
      abortSignal !== undefined ? { abortSignal } : {},
    );
    const issued = answer.Credentials;
    const arn = answer.AssumedRoleUser?.Arn;
    if (!issued?.AccessKeyId || !issued.SecretAccessKey || !issued.SessionToken || !issued.Expiration || !arn) {
      throw Object.assign(new Error('STS answered without credentials.'), { name: 'IncompleteAnswer' });
    }
    return {
      credentials: {
        accessKeyId: issued.AccessKeyId,
        secretAccessKey: issued.SecretAccessKey,
        sessionToken: issued.SessionToken,
      },
      assumedRoleArn: arn,
      expiresAt: issued.Expiration.getTime(),
    };
  } finally {
    client.destroy();
  }
}
