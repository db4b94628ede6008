/**
 * A refusal from AWS keeps AWS's error code and request id on the error the popup gets (for "Copy details", issue
 * 14): from the SDK's error (`name`, `$metadata.requestId`), only when AWS itself answered (`$fault`).
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));

const { SignInError } = await import('../../../src/background/sign-in/sign-in-error');
const { callerError } = await import('../../../src/background/aws/sts-identity');
const { ssoError } = await import('../../../src/background/sources/sso/device-sign-in');

const REQUEST_ID = 'c6104cbe-af31-11e0-8154-cbc7ccf896c7';

/** An error as the AWS SDK throws it for a service's refusal (a ServiceException). */
function fromAws(name: string, message = 'refused'): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 403, requestId: REQUEST_ID } });
}

describe('AWS facts on a sign-in error', () => {
  it('AssumeRole, GetCallerIdentity and Identity Center refusals keep the code and the request id', () => {
    const assume = SignInError.fromSts(fromAws('AccessDenied'), { roleArn: 'arn:aws:iam::333333333333:role/Admin', source: 'alice' }).toAppError();
    expect(assume).toMatchObject({ code: 'sts-error', fix: 'profile', awsCode: 'AccessDenied', requestId: REQUEST_ID });
    expect(callerError(fromAws('InvalidClientTokenId'), 'alice').toAppError()).toMatchObject({ awsCode: 'InvalidClientTokenId', requestId: REQUEST_ID });
    expect(ssoError(fromAws('ForbiddenException'), 'https://acme.awsapps.com/start').toAppError()).toMatchObject({ awsCode: 'ForbiddenException', requestId: REQUEST_ID });
  });

  it('an error AWS did not send (network, our own) carries none', () => {
    const network = SignInError.fromSts(new TypeError('Failed to fetch'), { roleArn: 'arn:aws:iam::333333333333:role/Admin', source: 'alice' }).toAppError();
    expect(network).not.toHaveProperty('awsCode');
    const ours = ssoError(Object.assign(new Error('ExpiredTokenException'), { name: 'ExpiredTokenException' }), 'https://acme.awsapps.com/start').toAppError();
    expect(ours).not.toHaveProperty('awsCode');
    expect(ours).not.toHaveProperty('requestId');
  });
});
