/**
 * What "Copy details" under an error puts on the clipboard (issue 14): enough for a bug report or a ticket to the
 * AWS administrator (AWS's error code and request id, the profile, the time, the extension's version), and never a
 * secret. The error's fields are built not to carry one (sts-errors.ts never passes AWS's text through raw), and
 * everything is cleaned once more here on its way out: anything shaped like an access key id, a secret key, a
 * session or sign-in token, or a URL's query is replaced, so no future error text can leak one to the clipboard.
 * (A role or profile name of 20 characters or more mixing letters and digits in one part goes too: the price of it.)
 */
import type { AppError } from './app-error';

export interface ErrorDetailsInput {
  error: Pick<AppError, 'code' | 'message' | 'awsCode' | 'requestId'>;
  /** The profile the sign-in or renewal was for; absent when the error is about no profile. */
  profile?: string;
  /** When the error was shown (ms since the epoch). */
  at: number;
  /** The extension's version (manifest). */
  version: string;
}

const REDACTED = '[removed]';

/** A URL's query or fragment (a federation login carries `SigninToken=`): the address stays, what follows goes. */
const URL_QUERY = /(https?:\/\/[^\s?#"']+)[?#][^\s"']*/gi;
/** A value after a name that sounds like a secret: `aws_secret_access_key = …`, `"SessionToken": "…"`. */
const NAMED_SECRET = /([\w-]*(?:secret|token|session|signin|password|passphrase|credential|key)[\w-]*["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi;
/** IAM unique ids: access key ids (AKIA long-term, ASIA temporary) and the others (reference_identifiers.html). */
const KEY_ID = /\b(?:AKIA|ASIA|AIDA|AROA|ANPA|ANVA|AIPA|APKA|ABIA|ACCA|AGPA)[A-Z0-9]{12,124}\b/g;
/** Runs of base64, base64url or hex characters, looked at one by one below. */
const RUN = /[A-Za-z0-9+/=_.-]+/g;

/**
 * A 40-character secret key, a session token (hundreds of base64 characters), a JWT: a run with a part of 20 or more
 * characters mixing letters and digits. Parts are split at '-' and '.', so a request id (a UUID), a profile name
 * (`payments-prod-0`) or an account id stays readable.
 */
function looksSecret(run: string): boolean {
  return run.split(/[-.]/).some((part) => part.length >= 20 && /[0-9]/.test(part) && /[A-Za-z]/.test(part));
}

/** Replaces anything credential-shaped in `text`. */
export function withoutSecrets(text: string): string {
  return text
    .replace(URL_QUERY, (_match, address: string) => `${address}?${REDACTED}`)
    .replace(NAMED_SECRET, (_match, name: string) => `${name}${REDACTED}`)
    .replace(KEY_ID, REDACTED)
    .replace(RUN, (run) => (looksSecret(run) ? REDACTED : run));
}

/** An AWS error code is a word (`AccessDenied`, `ValidationError`); a request id letters, digits and hyphens. */
const AWS_CODE = /^[A-Za-z][A-Za-z0-9.]{0,99}$/;
const REQUEST_ID = /^[A-Za-z0-9-]{1,128}$/;

/** The text "Copy details" writes: one fact a line, in English (it goes to a ticket, not to the person's screen). */
export function errorDetails(input: ErrorDetailsInput): string {
  const { error } = input;
  const lines = [
    `Error: ${error.message}`,
    `Code: ${error.code}`,
    ...(error.awsCode !== undefined && AWS_CODE.test(error.awsCode) ? [`AWS error code: ${error.awsCode}`] : []),
    ...(error.requestId !== undefined && REQUEST_ID.test(error.requestId) ? [`AWS request id: ${error.requestId}`] : []),
    ...(input.profile !== undefined ? [`Profile: ${input.profile}`] : []),
    `Time: ${new Date(input.at).toISOString()}`,
    `Extension version: ${input.version}`,
  ];
  return lines.map(withoutSecrets).join('\n');
}
