/**
 * "Copy details" (issue 14): AWS's error code and request id, the profile, the time and the version, one a line; and
 * never a secret, whatever an error's fields hold, since the text goes to the clipboard and from there to tickets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorDetails, withoutSecrets } from '../../../src/core/error-details';

const AT = Date.UTC(2026, 11, 1, 20, 22, 31);
const REQUEST_ID = 'c6104cbe-af31-11e0-8154-cbc7ccf896c7';

describe('errorDetails', () => {
  it('says what a ticket needs, one fact a line', () => {
    const text = errorDetails({
      error: { code: 'sts-error', message: 'You are not allowed to assume arn:aws:iam::333333333333:role/Admin.', awsCode: 'AccessDenied', requestId: REQUEST_ID },
      profile: 'payments-prod-0',
      at: AT,
      version: '1.2.3',
    });
    expect(text).toBe(
      [
        'Error: You are not allowed to assume arn:aws:iam::333333333333:role/Admin.',
        'Code: sts-error',
        'AWS error code: AccessDenied',
        `AWS request id: ${REQUEST_ID}`,
        'Profile: payments-prod-0',
        'Time: 2026-12-01T20:22:31.000Z',
        'Extension version: 1.2.3',
      ].join('\n'),
    );
  });

  it('leaves out an AWS code or request id that is not shaped like one, and what the error does not have', () => {
    const text = errorDetails({ error: { code: 'network', message: 'AWS could not be reached.', awsCode: 'Access Denied!', requestId: 'id with spaces' }, at: AT, version: '1' });
    expect(text).not.toMatch(/AWS error code|AWS request id|Profile/);
  });
});

// Credential-shaped values of every kind the extension handles (the sandbox's and AWS's documentation examples).
const SECRETS = [
  'AKIAIOSFODNN7EXAMPLE',
  'ASIAY34FZKBOKMUTVV7A',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'IQoJb3JpZ2luX2VjEIr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexamplesessiontoken0123456789abcdefABCDEF==',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
];
/** Short, but named as a secret where it stands. */
const NAMED = 'short-secret-value';

describe('no secret reaches the details', () => {
  it('whichever field a credential-shaped value comes in', () => {
    const federation = `https://signin.aws.amazon.com/federation?Action=login&SigninToken=${SECRETS[3] ?? ''}&Destination=x`;
    const text = errorDetails({
      error: {
        code: 'internal',
        message: `Failed: ${SECRETS.join(' ')} aws_secret_access_key = ${SECRETS[1] ?? ''}x "SessionToken": "${SECRETS[3] ?? ''}" ${federation} token=${NAMED} password: ${NAMED}`,
        awsCode: SECRETS[0] ?? '',
        requestId: SECRETS[2] ?? '',
      },
      profile: SECRETS[1] ?? '',
      at: AT,
      version: '1.2.3',
    });
    for (const secret of [...SECRETS, NAMED]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/AKIA|ASIA|wJalr|IQoJ|eyJ/);
    // What is not secret stays readable around them.
    expect(text).toContain('https://signin.aws.amazon.com/federation?[removed]');
    expect(text).toContain('Extension version: 1.2.3');
  });

  it('keeps request ids, profile names, account ids and ARNs', () => {
    const readable = `${REQUEST_ID} payments-prod-0 Org2-Account2-Manager 333333333333 arn:aws:iam::333333333333:role/path/Admin`;
    expect(withoutSecrets(readable)).toBe(readable);
  });

  it('for any secret key or token hidden in any text', () => {
    const base64 = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split(''));
    // A secret key or a token: 40 characters or more of base64, with letters and digits (as AWS's always have).
    const secret = fc
      .tuple(fc.string({ unit: base64, minLength: 38, maxLength: 400 }), fc.constantFrom('a', 'Z'), fc.constantFrom('0', '7'))
      .map(([body, letter, digit]) => `${letter}${body}${digit}`);
    const words = fc.string({ unit: fc.constantFrom(...'abc xyz-:/.=,"\''.split('')), maxLength: 30 });
    fc.assert(
      fc.property(words, secret, words, (before, hidden, after) => {
        const text = errorDetails({ error: { code: 'internal', message: `${before}${hidden}${after}` }, profile: `${after}${hidden}`, at: AT, version: '1' });
        expect(text).not.toContain(hidden);
      }),
    );
  });
});
