/**
 * Identity Center's identifiers and tokens, shaped like the real ones where their shape is visible: access tokens
 * start `aoa`, refresh tokens `aor`, user codes are two groups of four letters. All opaque to clients.
 */
import { randomBytes, randomInt } from 'node:crypto';

function opaque(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export function clientId(): string {
  return opaque(16);
}

/** Real client secrets are long signed blobs; length matters for storage and headers, not content. */
export function clientSecret(): string {
  return `eyJraWQiOiJrZXktMTU2NDAyODA5OSIsImFsZyI6IkhTMzg0In0.${opaque(300)}`;
}

export function deviceCode(): string {
  return opaque(64);
}

/** Letters without look-alikes (no I, O) so a person can type the code from the screen. */
const USER_CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export function userCode(): string {
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === 4) out += '-';
    out += USER_CODE_LETTERS[randomInt(USER_CODE_LETTERS.length)];
  }
  return out;
}

export function accessToken(): string {
  return `aoa${opaque(180)}`;
}

export function refreshToken(): string {
  return `aor${opaque(180)}`;
}

export function authorizationCode(): string {
  return opaque(48);
}

export function opaqueId(): string {
  return opaque(18);
}
