/** IAM Identity Center's pure rules: PKCE (RFC 7636), the redirect's answer, token timing, error sentences, page URLs. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeSsoError, isAwsVerificationUrl } from '../../../src/core/sso/errors';
import { authorizeUrl, base64url, fromBase64url, newVerifier, readRedirect, s256Challenge } from '../../../src/core/sso/pkce';
import { isFresh, isUsable, nextInterval, REFRESH_WINDOW_MS, registrationUsable, scopesOf } from '../../../src/core/sso/token-rules';

const sha256 = (data: Uint8Array): Promise<ArrayBuffer> => Promise.resolve(new Uint8Array(createHash('sha256').update(data).digest()).buffer);

describe('PKCE', () => {
  it('gives the S256 challenge of RFC 7636 Appendix B', async () => {
    expect(await s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', sha256)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes 43-character base64url verifiers from 32 random bytes', () => {
    const verifier = newVerifier((bytes) => bytes.fill(255));
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fromBase64url(verifier)).toEqual(new Uint8Array(32).fill(255));
    expect(base64url(new Uint8Array([251, 255]))).toBe('-_8');
  });

  it('builds the authorize URL on the OIDC host with every parameter AWS reads', () => {
    const url = new URL(authorizeUrl({ oidcHost: 'oidc.eu-west-1.amazonaws.com', clientId: 'c', redirectUri: 'https://x.chromiumapp.org/oauth/callback', state: 's', challenge: 'h', scopes: ['sso:account:access', 'b'] }));
    expect(url.origin + url.pathname).toBe('https://oidc.eu-west-1.amazonaws.com/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code', client_id: 'c', redirect_uri: 'https://x.chromiumapp.org/oauth/callback', state: 's',
      code_challenge: 'h', code_challenge_method: 'S256', scopes: 'sso:account:access b',
    });
  });

  it('takes a code only for its own state and redirect, and tells a denial from an error', () => {
    const uri = 'https://x.chromiumapp.org/oauth/callback';
    expect(readRedirect(`${uri}?code=abc&state=s1`, uri, 's1')).toEqual({ kind: 'code', code: 'abc' });
    expect(readRedirect(`${uri}?code=abc&state=other`, uri, 's1')).toEqual({ kind: 'error', error: 'state mismatch' });
    expect(readRedirect(`${uri}?error=access_denied&state=s1`, uri, 's1')).toEqual({ kind: 'denied' });
    expect(readRedirect(`${uri}?error=server_error&state=s1`, uri, 's1')).toEqual({ kind: 'error', error: 'server_error' });
    expect(readRedirect(`https://evil.example/oauth/callback?code=abc&state=s1`, uri, 's1').kind).toBe('error');
    expect(readRedirect(`${uri}?state=s1`, uri, 's1')).toEqual({ kind: 'error', error: 'no code' });
  });
});

describe('token rules', () => {
  it('refreshes inside the last 15 minutes, and uses a token until its last minute', () => {
    const now = 1_000_000_000;
    expect(isFresh({ expiresAt: now + REFRESH_WINDOW_MS + 1 }, now)).toBe(true);
    expect(isFresh({ expiresAt: now + REFRESH_WINDOW_MS }, now)).toBe(false);
    expect(isUsable({ expiresAt: now + 61_000 }, now)).toBe(true);
    expect(isUsable({ expiresAt: now + 59_000 }, now)).toBe(false);
    expect(registrationUsable(now + 2 * 3_600_000, now)).toBe(true);
    expect(registrationUsable(now + 30 * 60_000, now)).toBe(false);
  });

  it('slows down by 5 seconds on SlowDownException only', () => {
    expect(nextInterval(5_000, true)).toBe(10_000);
    expect(nextInterval(5_000, false)).toBe(5_000);
  });

  it('reads sso_registration_scopes, with the portal scope by default', () => {
    expect(scopesOf(undefined)).toEqual(['sso:account:access']);
    expect(scopesOf(' a , b ,')).toEqual(['a', 'b']);
  });
});

describe('Identity Center errors and pages', () => {
  it('says what happened and what to do, and which errors end the token', () => {
    expect(describeSsoError('AccessDeniedException', { startUrl: 'https://a.awsapps.com/start' }).code).toBe('sso-denied');
    expect(describeSsoError('ExpiredTokenException', { startUrl: 'u' }).code).toBe('sso-expired');
    expect(describeSsoError('UnauthorizedException', { startUrl: 'u' })).toMatchObject({ code: 'sso-login-required', tokenRejected: true });
    expect(describeSsoError('ForbiddenException', { startUrl: 'u', accountId: '123456789012', roleName: 'Admin' }).message)
      .toContain('no access to Admin in account 123456789012');
  });

  it('opens only https pages on AWS hosts for approval', () => {
    expect(isAwsVerificationUrl('https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH')).toBe(true);
    expect(isAwsVerificationUrl('https://acme.awsapps.com/start/#/device')).toBe(true);
    expect(isAwsVerificationUrl('http://device.sso.eu-west-1.amazonaws.com/')).toBe(false);
    expect(isAwsVerificationUrl('https://evil.example/?x=.amazonaws.com')).toBe(false);
    expect(isAwsVerificationUrl('https://amazonaws.com.evil.example/')).toBe(false);
    expect(isAwsVerificationUrl('https://user:pw@device.sso.eu-west-1.amazonaws.com/')).toBe(false);
  });
});
