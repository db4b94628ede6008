/**
 * The authorization-code grant with PKCE (RFC 7636), as the AWS CLI uses it with IAM Identity Center since late
 * 2024: a random verifier, its S256 challenge, the `/authorize` URL on the OIDC host, and the redirect's answer.
 * AWS: https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_CreateToken.html
 * Whether AWS accepts an extension's redirect URI is not proven (DESIGN's "Unproven"): the device grant stays the
 * default and the fallback.
 */
import { fromBase64, toBase64 } from '../base64';

export function base64url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes as base64url: a 43-character verifier (RFC 7636 §4.1 asks for 43 to 128). */
export function newVerifier(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array): string {
  return base64url(random(new Uint8Array(32)));
}

export async function s256Challenge(verifier: string, digest: (data: Uint8Array<ArrayBuffer>) => Promise<ArrayBuffer>): Promise<string> {
  return base64url(new Uint8Array(await digest(new TextEncoder().encode(verifier))));
}

export interface AuthorizeParams {
  oidcHost: string;
  clientId: string;
  redirectUri: string;
  state: string;
  challenge: string;
  scopes: string[];
}

export function authorizeUrl(params: AuthorizeParams): string {
  const url = new URL(`https://${params.oidcHost}/authorize`);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', params.clientId);
  url.searchParams.set('redirect_uri', params.redirectUri);
  url.searchParams.set('state', params.state);
  url.searchParams.set('code_challenge', params.challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('scopes', params.scopes.join(' '));
  return url.toString();
}

export type RedirectAnswer = { kind: 'code'; code: string } | { kind: 'denied' } | { kind: 'error'; error: string };

/** What the redirect to our URI says: a code for our state, a denial, or an error (a wrong state is one). */
export function readRedirect(redirected: string, redirectUri: string, state: string): RedirectAnswer {
  let url: URL;
  try {
    url = new URL(redirected);
  } catch {
    return { kind: 'error', error: 'not a URL' };
  }
  const expected = new URL(redirectUri);
  if (url.origin !== expected.origin || url.pathname !== expected.pathname) return { kind: 'error', error: 'unexpected redirect' };
  if (url.searchParams.get('state') !== state) return { kind: 'error', error: 'state mismatch' };
  const error = url.searchParams.get('error');
  if (error === 'access_denied') return { kind: 'denied' };
  if (error !== null) return { kind: 'error', error };
  const code = url.searchParams.get('code');
  return code ? { kind: 'code', code } : { kind: 'error', error: 'no code' };
}

/** For tests: decode a base64url string. */
export function fromBase64url(text: string): Uint8Array {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return fromBase64(padded);
}
