/** The federation endpoint from the worker: credentials in, a sign-in token out. */
import type { Partition } from '../../core/arn';
import { parseSigninTokenResponse, signinTokenUrl, type TemporaryCredentials } from '../../core/federation';
import { AWS_REQUEST } from '../aws/request-options';

export class FederationError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'FederationError';
  }
}

/**
 * Gets a sign-in token. When `sessionDuration` is refused (AWS answers HTTP 400 with an HTML page for chained
 * roles and temporary base credentials), retries once without it; `durationAccepted` says which one worked.
 */
export async function getSigninToken(
  partition: Partition,
  region: string | undefined,
  credentials: TemporaryCredentials,
  sessionDuration: number | undefined,
  signal?: AbortSignal,
): Promise<{ token: string; durationAccepted: boolean }> {
  if (sessionDuration !== undefined) {
    try {
      return { token: await requestToken(partition, region, credentials, sessionDuration, signal), durationAccepted: true };
    } catch (error) {
      if (!(error instanceof FederationError && error.status === 400)) throw error;
    }
  }
  return { token: await requestToken(partition, region, credentials, undefined, signal), durationAccepted: false };
}

async function requestToken(
  partition: Partition,
  region: string | undefined,
  credentials: TemporaryCredentials,
  sessionDuration: number | undefined,
  signal: AbortSignal | undefined,
): Promise<string> {
  // no-store: the answer is a bearer token and must not land in the HTTP cache on disk.
  const response = await fetch(signinTokenUrl(partition, region, credentials, sessionDuration), {
    cache: 'no-store',
    ...AWS_REQUEST,
    ...(signal !== undefined && { signal }),
  });
  const body = await response.text();
  const token = response.ok ? parseSigninTokenResponse(body) : undefined;
  if (token === undefined) {
    throw new FederationError(response.status, `The AWS sign-in endpoint refused the session (HTTP ${response.status}).`);
  }
  return token;
}
