import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { CHAINING_MESSAGE, MAX_SESSION_MESSAGE } from './assume-role.js';
import { totp } from './mfa.js';
import { credentialsFrom, stsClientFor } from './node-client.js';
import { ALICE, BOB, EXTERNAL_IDS, ROLES } from './seed.js';
import { expectStsError, useSandbox } from './test-support.js';

const sandbox = useSandbox();
const client = (credentials: Parameters<typeof stsClientFor>[1]['credentials']) =>
  stsClientFor(sandbox.current, { region: 'us-east-1', credentials });
const alice = () => client(ALICE);
const notAuthorized = (who: string, role: string) =>
  `User: ${who} is not authorized to perform: sts:AssumeRole on resource: ${role}`;

describe('AssumeRole', () => {
  it('returns the assumed-role ARN, an AROA id and ASIA credentials', async () => {
    const out = await alice().send(new AssumeRoleCommand({ RoleArn: ROLES.developer, RoleSessionName: 'alice@demo' }));
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/Developer/alice@demo');
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z0-9]{17}:alice@demo$/);
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(out.Credentials?.SecretAccessKey).toHaveLength(40);
    expect(out.Credentials?.SessionToken?.length).toBeGreaterThan(400);
    // Default one hour.
    const ms = (out.Credentials?.Expiration?.getTime() ?? 0) - Date.now();
    expect(ms).toBeGreaterThan(3590_000);
    expect(ms).toBeLessThanOrEqual(3600_000);

    const issued = sandbox.current.state.credentials.get(out.Credentials?.AccessKeyId ?? '');
    expect(issued).toMatchObject({ kind: 'role', roleArn: ROLES.developer, account: '222222222222', chained: false, mfa: false });

    const who = await client(credentialsFrom(out.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe('arn:aws:sts::222222222222:assumed-role/Developer/alice@demo');
  });

  it('drops the role path from the assumed-role ARN', async () => {
    const dev = await alice().send(new AssumeRoleCommand({ RoleArn: ROLES.developer, RoleSessionName: 's1' }));
    const out = await client(credentialsFrom(dev.Credentials)).send(
      new AssumeRoleCommand({ RoleArn: ROLES.deployer, RoleSessionName: 's2', ExternalId: EXTERNAL_IDS.deployer }),
    );
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/Deployer/s2');
  });

  it('honours DurationSeconds up to the role maximum', async () => {
    const out = await alice().send(
      new AssumeRoleCommand({ RoleArn: ROLES.developer, RoleSessionName: 'long', DurationSeconds: 43200 }),
    );
    const ms = (out.Credentials?.Expiration?.getTime() ?? 0) - Date.now();
    expect(ms).toBeGreaterThan(43190_000);
  });

  it('DurationSeconds above MaxSessionDuration -> ValidationError', async () => {
    const e = await expectStsError(
      alice().send(new AssumeRoleCommand({ RoleArn: ROLES.readOnly, RoleSessionName: 'x1', DurationSeconds: 7200 })),
      'ValidationError',
      400,
    );
    expect(e.message).toBe(MAX_SESSION_MESSAGE);
  });

  it('DurationSeconds outside 900..43200 -> ValidationError with the constraint', async () => {
    const e = await expectStsError(
      alice().send(new AssumeRoleCommand({ RoleArn: ROLES.developer, RoleSessionName: 'x1', DurationSeconds: 600 })),
      'ValidationError',
    );
    expect(e.message).toBe(
      "1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
  });

  it('a bad RoleSessionName -> ValidationError with the real pattern text', async () => {
    const e = await expectStsError(
      alice().send(new AssumeRoleCommand({ RoleArn: ROLES.developer, RoleSessionName: 'has space' })),
      'ValidationError',
    );
    expect(e.message).toBe(
      "1 validation error detected: Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
  });

  it('an unknown role -> AccessDenied naming the caller and the role', async () => {
    const arn = 'arn:aws:iam::222222222222:role/NoSuchRole';
    const e = await expectStsError(alice().send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'x1' })), 'AccessDenied', 403);
    expect(e.message).toBe(notAuthorized(ALICE.arn, arn));
  });

  it('a principal the trust policy does not name -> AccessDenied', async () => {
    const e = await expectStsError(
      client(BOB).send(new AssumeRoleCommand({ RoleArn: ROLES.admin, RoleSessionName: 'bob' })),
      'AccessDenied',
    );
    expect(e.message).toBe(notAuthorized(BOB.arn, ROLES.admin));
  });
});

describe('ExternalId', () => {
  it('wrong or missing ExternalId -> AccessDenied; the right one works', async () => {
    for (const ExternalId of ['wrong-id', undefined]) {
      const e = await expectStsError(
        alice().send(new AssumeRoleCommand({ RoleArn: ROLES.auditor, RoleSessionName: 'aud', ExternalId })),
        'AccessDenied',
      );
      expect(e.message).toBe(notAuthorized(ALICE.arn, ROLES.auditor));
    }
    const ok = await alice().send(
      new AssumeRoleCommand({ RoleArn: ROLES.auditor, RoleSessionName: 'aud', ExternalId: EXTERNAL_IDS.auditor }),
    );
    expect(ok.AssumedRoleUser?.Arn).toBe('arn:aws:sts::444444444444:assumed-role/Auditor/aud');
    expect(sandbox.current.state.requests.some((r) => r.error === 'AccessDenied (external-id)')).toBe(true);
  });
});

describe('role chaining', () => {
  it('Developer -> ops/Deployer -> Chain3, each hop one hour at most', async () => {
    const dev = await alice().send(new AssumeRoleCommand({ RoleArn: ROLES.developer, RoleSessionName: 'hop1', DurationSeconds: 43200 }));
    const devClient = client(credentialsFrom(dev.Credentials));

    // Deployer's MaxSessionDuration is 3600: the role's own limit answers first.
    const e = await expectStsError(
      devClient.send(
        new AssumeRoleCommand({
          RoleArn: ROLES.deployer,
          RoleSessionName: 'hop2',
          ExternalId: EXTERNAL_IDS.deployer,
          DurationSeconds: 3601,
        }),
      ),
      'ValidationError',
      400,
    );
    expect(e.message).toBe(MAX_SESSION_MESSAGE);

    const dep = await devClient.send(
      new AssumeRoleCommand({ RoleArn: ROLES.deployer, RoleSessionName: 'hop2', ExternalId: EXTERNAL_IDS.deployer }),
    );
    const depClient = client(credentialsFrom(dep.Credentials));
    // Chain3 allows 12 h, but a chained session gets one hour at most.
    const e3 = await expectStsError(
      depClient.send(new AssumeRoleCommand({ RoleArn: ROLES.chain3, RoleSessionName: 'hop3', DurationSeconds: 7200 })),
      'ValidationError',
      400,
    );
    expect(e3.message).toBe(CHAINING_MESSAGE);
    const chain3 = await depClient.send(new AssumeRoleCommand({ RoleArn: ROLES.chain3, RoleSessionName: 'hop3' }));
    expect(chain3.AssumedRoleUser?.Arn).toBe('arn:aws:sts::444444444444:assumed-role/Chain3/hop3');
    const issued = sandbox.current.state.credentials.get(chain3.Credentials?.AccessKeyId ?? '');
    expect(issued).toMatchObject({ chained: true, userArn: ALICE.arn });
  });

  it('temporary callers asking for more than an hour -> the role-chaining ValidationError', async () => {
    const session = await alice().send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const e = await expectStsError(
      client(credentialsFrom(session.Credentials)).send(
        new AssumeRoleCommand({ RoleArn: ROLES.developer, RoleSessionName: 'long', DurationSeconds: 7200 }),
      ),
      'ValidationError',
      400,
    );
    expect(e.message).toBe(CHAINING_MESSAGE);
  });

  it('the Deployer trusts only the Developer role', async () => {
    await expectStsError(
      alice().send(new AssumeRoleCommand({ RoleArn: ROLES.deployer, RoleSessionName: 'skip', ExternalId: EXTERNAL_IDS.deployer })),
      'AccessDenied',
    );
  });
});

describe('MFA', () => {
  it('a role that requires MFA refuses a call without a code', async () => {
    const e = await expectStsError(
      alice().send(new AssumeRoleCommand({ RoleArn: ROLES.admin, RoleSessionName: 'adm' })),
      'AccessDenied',
    );
    expect(e.message).toBe(notAuthorized(ALICE.arn, ROLES.admin));
  });

  it('a good TOTP code in AssumeRole works', async () => {
    const out = await alice().send(
      new AssumeRoleCommand({
        RoleArn: ROLES.admin,
        RoleSessionName: 'adm',
        SerialNumber: ALICE.mfaSerial,
        TokenCode: totp(ALICE.totpSecret),
      }),
    );
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::333333333333:assumed-role/Admin/adm');
    expect(sandbox.current.state.credentials.get(out.Credentials?.AccessKeyId ?? '')?.mfa).toBe(true);
  });

  it('a wrong code -> AccessDenied invalid MFA one time pass code', async () => {
    const wrong = String((Number(totp(ALICE.totpSecret)) + 500000) % 1000000).padStart(6, '0');
    const e = await expectStsError(
      alice().send(new AssumeRoleCommand({ RoleArn: ROLES.admin, RoleSessionName: 'adm', SerialNumber: ALICE.mfaSerial, TokenCode: wrong })),
      'AccessDenied',
    );
    expect(e.message).toBe('MultiFactorAuthentication failed with invalid MFA one time pass code. ');
  });

  it('an MFA GetSessionToken session carries MFA into AssumeRole', async () => {
    const session = await alice().send(
      new GetSessionTokenCommand({ SerialNumber: ALICE.mfaSerial, TokenCode: totp(ALICE.totpSecret), DurationSeconds: 900 }),
    );
    const out = await client(credentialsFrom(session.Credentials)).send(
      new AssumeRoleCommand({ RoleArn: ROLES.admin, RoleSessionName: 'adm2' }),
    );
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::333333333333:assumed-role/Admin/adm2');
    expect(sandbox.current.state.credentials.get(out.Credentials?.AccessKeyId ?? '')).toMatchObject({ mfa: true, chained: true });
  });

  it('accepts the previous 30-second step, and reused codes only when the knob allows', async () => {
    const previous = totp(ALICE.totpSecret, sandbox.current.state.now() - 30_000);
    const send = () =>
      alice().send(new GetSessionTokenCommand({ SerialNumber: ALICE.mfaSerial, TokenCode: previous, DurationSeconds: 900 }));
    await expect(send()).resolves.toBeDefined();
    sandbox.current.state.rejectReusedMfaCodes = true;
    try {
      await expect(send()).resolves.toBeDefined(); // first use under the knob
      await expectStsError(send(), 'AccessDenied');
    } finally {
      sandbox.current.state.rejectReusedMfaCodes = false;
    }
  });
});

describe('SourceIdentity', () => {
  it('is echoed and carried along a chain', async () => {
    const dev = await alice().send(new AssumeRoleCommand({ RoleArn: ROLES.developer, RoleSessionName: 'si1', SourceIdentity: 'alice' }));
    expect(dev.SourceIdentity).toBe('alice');
    const dep = await client(credentialsFrom(dev.Credentials)).send(
      new AssumeRoleCommand({ RoleArn: ROLES.deployer, RoleSessionName: 'si2', ExternalId: EXTERNAL_IDS.deployer }),
    );
    expect(dep.SourceIdentity).toBe('alice');
  });
});
