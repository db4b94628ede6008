import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { credentialsFrom, stsClientFor } from './node-client.js';
import { ALICE, BOB, CN_USER, GOV_USER, ROLES } from './seed.js';
import { expectStsError, rawStsCall, useSandbox, xmlErrorCode } from './test-support.js';

const sandbox = useSandbox();
const alice = () => stsClientFor(sandbox.current, { region: 'us-east-1', credentials: ALICE });

describe('STS authentication (SigV4)', () => {
  it('GetCallerIdentity answers the IAM user', async () => {
    const out = await alice().send(new GetCallerIdentityCommand({}));
    expect(out.Arn).toBe(ALICE.arn);
    expect(out.Account).toBe('111111111111');
    expect(out.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/);
  });

  it('accepts the global endpoint, signed for us-east-1', async () => {
    const sts = stsClientFor(sandbox.current, { region: 'us-east-1', credentials: BOB, endpointHost: 'sts.amazonaws.com' });
    const out = await sts.send(new GetCallerIdentityCommand({}));
    expect(out.Arn).toBe(BOB.arn);
    expect(sandbox.current.state.requests.at(-1)?.host).toBe('sts.amazonaws.com');
  });

  it('wrong secret -> 403 SignatureDoesNotMatch', async () => {
    const sts = stsClientFor(sandbox.current, {
      region: 'us-east-1',
      credentials: { accessKeyId: ALICE.accessKeyId, secretAccessKey: 'x'.repeat(40) },
    });
    const e = await expectStsError(sts.send(new GetCallerIdentityCommand({})), 'SignatureDoesNotMatch', 403);
    expect(e.message).toMatch(/^The request signature we calculated does not match/);
  });

  it('unknown key -> 403 InvalidClientTokenId', async () => {
    const sts = stsClientFor(sandbox.current, {
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIANOSUCHKEY0000000', secretAccessKey: 'x'.repeat(40) },
    });
    const e = await expectStsError(sts.send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403);
    expect(e.message).toBe('The security token included in the request is invalid.');
  });

  it('deactivated key -> InvalidClientTokenId', async () => {
    const sts = stsClientFor(sandbox.current, {
      region: 'us-east-1',
      credentials: { accessKeyId: BOB.inactiveAccessKeyId, secretAccessKey: BOB.inactiveSecretAccessKey },
    });
    await expectStsError(sts.send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId');
  });

  it('a key of another partition is unknown here', async () => {
    const sts = stsClientFor(sandbox.current, { region: 'us-east-1', credentials: GOV_USER });
    await expectStsError(sts.send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId');
  });

  it('no Authorization -> 403 MissingAuthenticationToken', async () => {
    const res = await rawStsCall(sandbox.current, { params: { Action: 'GetCallerIdentity' } });
    expect(res.status).toBe(403);
    expect(xmlErrorCode(res.body)).toBe('MissingAuthenticationToken');
    expect(res.headers['content-type']).toBe('text/xml');
  });

  it('signed 10 minutes ago -> SignatureDoesNotMatch "Signature expired"', async () => {
    const res = await rawStsCall(sandbox.current, {
      credentials: ALICE,
      params: { Action: 'GetCallerIdentity' },
      signedAt: Date.now() - 10 * 60_000,
    });
    expect(res.status).toBe(403);
    expect(xmlErrorCode(res.body)).toBe('SignatureDoesNotMatch');
    expect(res.body).toMatch(/Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)/);
  });

  it('signed 10 minutes ahead -> "Signature not yet current"', async () => {
    const res = await rawStsCall(sandbox.current, {
      credentials: ALICE,
      params: { Action: 'GetCallerIdentity' },
      signedAt: Date.now() + 10 * 60_000,
    });
    expect(xmlErrorCode(res.body)).toBe('SignatureDoesNotMatch');
    expect(res.body).toContain('Signature not yet current');
  });

  it('the hand-signed request passes when on time (x-amz-content-sha256 included)', async () => {
    const res = await rawStsCall(sandbox.current, { credentials: ALICE, params: { Action: 'GetCallerIdentity' } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
  });

  it('a signed GET with the parameters in the query string works too', async () => {
    const res = await rawStsCall(sandbox.current, {
      method: 'GET',
      credentials: BOB,
      params: { Action: 'GetCallerIdentity' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toContain(`<Arn>${BOB.arn}</Arn>`);
  });

  it('the SDK corrects its clock from the Date header when the sandbox clock is off', async () => {
    sandbox.current.state.clockOffsetMs = 10 * 60_000;
    const out = await alice().send(new GetCallerIdentityCommand({}));
    expect(out.Arn).toBe(ALICE.arn);
    expect(out.$metadata.attempts).toBe(2);
  });

  it('credentials scoped to another region -> SignatureDoesNotMatch', async () => {
    const res = await rawStsCall(sandbox.current, {
      host: 'sts.us-west-2.amazonaws.com',
      region: 'us-east-1',
      credentials: ALICE,
      params: { Action: 'GetCallerIdentity' },
    });
    expect(xmlErrorCode(res.body)).toBe('SignatureDoesNotMatch');
    expect(res.body).toContain('Credential should be scoped to a valid region.');
  });

  it('unknown Action -> 400 InvalidAction', async () => {
    const res = await rawStsCall(sandbox.current, { credentials: ALICE, params: { Action: 'DeleteEverything' } });
    expect(res.status).toBe(400);
    expect(xmlErrorCode(res.body)).toBe('InvalidAction');
  });

  it('expired temporary credentials -> 403 ExpiredToken', async () => {
    const out = await alice().send(new AssumeRoleCommand({ RoleArn: ROLES.readOnly, RoleSessionName: 'soon-gone' }));
    const creds = credentialsFrom(out.Credentials);
    const issued = sandbox.current.state.credentials.get(creds.accessKeyId);
    if (!issued) throw new Error('not recorded');
    issued.expiresAt = sandbox.current.state.now() - 1000;
    const sts = stsClientFor(sandbox.current, { region: 'us-east-1', credentials: creds });
    const e = await expectStsError(sts.send(new GetCallerIdentityCommand({})), 'ExpiredToken', 403);
    expect(e.message).toBe('The security token included in the request is expired');
  });

  it('temporary keys need their own session token', async () => {
    const out = await alice().send(new AssumeRoleCommand({ RoleArn: ROLES.readOnly, RoleSessionName: 'tok' }));
    const { accessKeyId, secretAccessKey } = credentialsFrom(out.Credentials);
    const sts = stsClientFor(sandbox.current, { region: 'us-east-1', credentials: { accessKeyId, secretAccessKey } });
    await expectStsError(sts.send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId');
  });
});

describe('GetSessionToken', () => {
  it('is refused with session credentials', async () => {
    const out = await alice().send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const sts = stsClientFor(sandbox.current, { region: 'us-east-1', credentials: credentialsFrom(out.Credentials) });
    const e = await expectStsError(sts.send(new GetSessionTokenCommand({})), 'AccessDenied', 403);
    expect(e.message).toBe('Cannot call GetSessionToken with session credentials');
    const who = await sts.send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(ALICE.arn);
  });

  it('checks DurationSeconds (900..129600)', async () => {
    const e = await expectStsError(alice().send(new GetSessionTokenCommand({ DurationSeconds: 200000 })), 'ValidationError', 400);
    expect(e.message).toContain("at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129600");
  });

  it('a wrong MFA code -> AccessDenied', async () => {
    const e = await expectStsError(
      alice().send(new GetSessionTokenCommand({ SerialNumber: ALICE.mfaSerial, TokenCode: '000000' })),
      'AccessDenied',
    );
    expect(e.message).toBe('MultiFactorAuthentication failed with invalid MFA one time pass code. ');
  });

  it("someone else's device -> AccessDenied unable to validate", async () => {
    const sts = stsClientFor(sandbox.current, { region: 'us-east-1', credentials: BOB });
    const e = await expectStsError(
      sts.send(new GetSessionTokenCommand({ SerialNumber: ALICE.mfaSerial, TokenCode: '123456' })),
      'AccessDenied',
    );
    expect(e.message).toBe('MultiFactorAuthentication failed, unable to validate MFA code.');
  });
});

describe('fault knobs', () => {
  const fastAlice = () => stsClientFor(sandbox.current, { region: 'us-east-1', credentials: ALICE, retryDelayMs: 5 });

  it('throttle: the SDK retries Throttling and succeeds', async () => {
    sandbox.current.state.throttle = 1;
    const out = await fastAlice().send(new GetCallerIdentityCommand({}));
    expect(out.$metadata.attempts).toBe(2);
    expect(sandbox.current.state.requests.some((r) => r.error === 'Throttling')).toBe(true);
  });

  it('throttle beyond the retry budget surfaces Throttling', async () => {
    sandbox.current.state.throttle = 5;
    const sts = stsClientFor(sandbox.current, { region: 'us-east-1', credentials: ALICE, maxAttempts: 1 });
    const e = await expectStsError(sts.send(new GetCallerIdentityCommand({})), 'Throttling', 400);
    expect(e.message).toBe('Rate exceeded');
  });

  it('fail5xx: 503 ServiceUnavailable, retried', async () => {
    sandbox.current.state.fail5xx = 1;
    const out = await fastAlice().send(new GetCallerIdentityCommand({}));
    expect(out.$metadata.attempts).toBe(2);
  });

  it('regionDisabled -> 403 RegionDisabledException for that region only', async () => {
    sandbox.current.state.regionDisabled.add('eu-west-1');
    const sts = stsClientFor(sandbox.current, { region: 'eu-west-1', credentials: ALICE });
    const e = await expectStsError(sts.send(new GetCallerIdentityCommand({})), 'RegionDisabledException', 403);
    expect(e.message).toBe(
      'STS is not activated in this region for account:111111111111. Your account administrator can activate STS in this region using the IAM Console.',
    );
    await expect(alice().send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
  });

  it('dropConnections: a reset connection is retried by the SDK', async () => {
    sandbox.current.state.dropConnections = 1;
    const out = await fastAlice().send(new GetCallerIdentityCommand({}));
    expect(out.$metadata.attempts).toBe(2);
    expect(sandbox.current.state.requests.some((r) => r.error === 'dropped')).toBe(true);
  });

  it('latencyMs delays answers', async () => {
    sandbox.current.state.latencyMs = 120;
    const started = Date.now();
    await alice().send(new GetCallerIdentityCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });
});

describe('partitions', () => {
  it('GovCloud user assumes a GovCloud role through sts.us-gov-west-1', async () => {
    const sts = stsClientFor(sandbox.current, { region: 'us-gov-west-1', credentials: GOV_USER });
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: ROLES.govReader, RoleSessionName: 'gov' }));
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws-us-gov:sts::555555555555:assumed-role/GovReader/gov');
  });

  it('China user assumes a China role through sts.cn-north-1.amazonaws.com.cn', async () => {
    const sts = stsClientFor(sandbox.current, { region: 'cn-north-1', credentials: CN_USER });
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: ROLES.cnReader, RoleSessionName: 'cn' }));
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws-cn:sts::666666666666:assumed-role/CnReader/cn');
    expect(sandbox.current.state.requests.at(-1)?.host).toBe('sts.cn-north-1.amazonaws.com.cn');
  });

  it('a GovCloud role through a commercial endpoint -> AccessDenied', async () => {
    const e = await expectStsError(
      alice().send(new AssumeRoleCommand({ RoleArn: ROLES.govReader, RoleSessionName: 'nope' })),
      'AccessDenied',
    );
    expect(e.message).toBe(`User: ${ALICE.arn} is not authorized to perform: sts:AssumeRole on resource: ${ROLES.govReader}`);
  });
});
