/**
 * The portal's rate limit (`state.sso.portalRateLimit`): one token bucket per access token, refilled continuously
 * at `perSecond` up to `burst`. Off (undefined) by default; tests turn it on to see 429 TooManyRequestsException.
 */
import type { SsoState } from './sso-state.js';

/** Takes one request's token from the bucket of `key`; false when the bucket is empty. */
export function takeRateToken(sso: SsoState, key: string, now: number): boolean {
  const limit = sso.portalRateLimit;
  if (!limit) return true;
  const bucket = sso.rateBuckets.get(key) ?? { tokens: limit.burst, at: now };
  bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
  bucket.at = now;
  sso.rateBuckets.set(key, bucket);
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
