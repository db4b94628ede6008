/**
 * Virtual MFA devices: TOTP (RFC 6238) with IAM's parameters, SHA-1, 6 digits, 30-second steps.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html
 */
import { Secret, TOTP } from 'otpauth';

const PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

/** The code a seeded device shows at `at` (epoch ms; default now). Tests use it as the person would. */
export function totp(secret: string, at: number = Date.now()): string {
  return TOTP.generate({ ...PARAMS, secret: Secret.fromBase32(secret), timestamp: at });
}

/**
 * The time step a code matches at `at`, accepting one step either side for clock drift (IAM tolerates a small
 * drift too), or undefined when it matches none.
 */
export function matchTotp(secret: string, code: string, at: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = TOTP.validate({ ...PARAMS, secret: Secret.fromBase32(secret), token: code, timestamp: at, window: 1 });
  if (delta === null) return undefined;
  return TOTP.counter({ period: PARAMS.period, timestamp: at }) + delta;
}
