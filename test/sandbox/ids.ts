/**
 * Identifiers shaped like AWS's. Unique id prefixes: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-prefixes
 * (AKIA long-term key, ASIA temporary key, AIDA user, AROA role).
 */
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomUpper(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += UPPER_ALNUM[randomInt(UPPER_ALNUM.length)];
  return out;
}

/** Stable id for a name (so a role or user keeps its id across restarts), from a hash. */
function stableUpper(seedText: string, length: number): string {
  const digest = createHash('sha256').update(seedText).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += UPPER_ALNUM[(digest[i] ?? 0) % UPPER_ALNUM.length];
  return out;
}

/** 20 characters: ASIA + 16. */
export function temporaryAccessKeyId(): string {
  return `ASIA${randomUpper(16)}`;
}

/** 40 characters of the base64 alphabet, `/` and `+` included on purpose: callers must URL-encode them. */
export function secretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

/**
 * Real session tokens are several hundred characters of base64 (with `+`, `/`, `=`); length and alphabet are
 * what break careless URL encoding of the federation `Session` parameter, so ours have both.
 */
export function sessionToken(): string {
  return `FwoGZXIvYXdzE${randomBytes(420).toString('base64')}`;
}

/** `AROA` + 17, stable per role ARN. */
export function roleId(roleArn: string): string {
  return `AROA${stableUpper(roleArn, 17)}`;
}

/** `AIDA` + 17, stable per user ARN. */
export function userId(userArn: string): string {
  return `AIDA${stableUpper(userArn, 17)}`;
}

export function requestId(): string {
  return randomUUID();
}

/** Opaque, URL-safe, long: like the federation endpoint's SigninToken. */
export function signinToken(): string {
  return randomBytes(384).toString('base64url');
}

export function consoleSessionId(): string {
  return randomBytes(18).toString('base64url');
}

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The short random part of a console session (`sessionDifferentiator`, and the `<account>-<id>` subdomain):
 * 8 lowercase letters and digits, like the real console's (`123456789012-abcd1234.us-east-1.console…`).
 */
export function differentiator(): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += LOWER_ALNUM[randomInt(LOWER_ALNUM.length)];
  return out;
}

/** A console page's anti-forgery token (the real one's format is not known; opaque and URL-safe here). */
export function csrfToken(): string {
  return randomBytes(24).toString('base64url');
}
