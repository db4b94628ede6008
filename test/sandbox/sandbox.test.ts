import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { spkiHashOf } from './cert.js';
import { classifyHost } from './hosts.js';
import { demoSeed, startSandbox } from './index.js';
import { totp } from './mfa.js';
import { sandboxFetch } from './node-client.js';
import { ALICE, BOB, CN_USER, GOV_USER } from './seed.js';
import { validateSeed } from './seed-lookup.js';
import { useSandbox, xmlErrorCode } from './test-support.js';

const sandbox = useSandbox();

describe('start-up values', () => {
  it('hostResolverRules maps every AWS name we serve to the port, as one string', () => {
    const rules = sandbox.current.hostResolverRules;
    const target = `127.0.0.1:${sandbox.current.port}`;
    for (const pattern of ['*.amazonaws.com', 'sts.amazonaws.com', '*.amazon.com', '*.amazonaws.cn', '*.amazonaws.com.cn', '*.amazonaws-us-gov.com']) {
      expect(rules).toContain(`MAP ${pattern} ${target}`);
    }
    expect(rules.endsWith(',EXCLUDE localhost')).toBe(true);
    expect(rules).not.toMatch(/\s,|,\s/);
  });

  it('spkiHash is the base64 SHA-256 of the certificate public key', () => {
    expect(sandbox.current.spkiHash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(sandbox.current.spkiHash).toBe(spkiHashOf(sandbox.current.certPem));
  });

  it('the certificate names the hosts we serve', () => {
    const cert = new X509Certificate(sandbox.current.certPem);
    for (const host of [
      'sts.amazonaws.com',
      'sts.us-east-1.amazonaws.com',
      'sts.us-gov-west-1.amazonaws.com',
      'sts.cn-north-1.amazonaws.com.cn',
      'signin.aws.amazon.com',
      'us-east-1.signin.aws.amazon.com',
      'console.aws.amazon.com',
      'eu-central-1.console.aws.amazon.com',
      '111111111111-abcd.us-east-1.console.aws.amazon.com',
      'signin.amazonaws.cn',
      'console.amazonaws.cn',
      'signin.amazonaws-us-gov.com',
      'console.amazonaws-us-gov.com',
      'oidc.us-east-1.amazonaws.com',
      'portal.sso.us-east-1.amazonaws.com',
    ]) {
      expect(cert.checkHost(host), host).toBeDefined();
    }
  });

  it('a fixed port can be asked for', async () => {
    const first = await startSandbox();
    const port = first.port;
    await first.close();
    const second = await startSandbox({ port });
    try {
      expect(second.port).toBe(port);
    } finally {
      await second.close();
    }
  });

  it('unknown hosts get a 404, logged as unknown', async () => {
    const res = await sandboxFetch(sandbox.current, 'https://localhost/anything');
    expect(res.status).toBe(404);
    expect(sandbox.current.state.requests.at(-1)).toMatchObject({ service: 'unknown', host: 'localhost', status: 404 });
  });

  it('every answer carries a Date header from the sandbox clock', async () => {
    sandbox.current.state.clockOffsetMs = 3_600_000;
    const res = await sandboxFetch(sandbox.current, 'https://console.aws.amazon.com/');
    const date = Date.parse(String(res.headers.date));
    expect(Math.abs(date - (Date.now() + 3_600_000))).toBeLessThan(5_000);
  });

  it('STS accepts a GET with the query string (still needs a signature)', async () => {
    const res = await sandboxFetch(sandbox.current, 'https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15');
    expect(res.status).toBe(403);
    expect(xmlErrorCode(res.body)).toBe('MissingAuthenticationToken');
    expect(res.body).toMatch(/^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
    expect(res.body).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId>/);
  });
});

describe('host routing', () => {
  it.each([
    ['sts.amazonaws.com', 'sts', 'aws', 'us-east-1'],
    ['sts.eu-west-1.amazonaws.com', 'sts', 'aws', 'eu-west-1'],
    ['sts.us-gov-east-1.amazonaws.com', 'sts', 'aws-us-gov', 'us-gov-east-1'],
    ['sts.cn-north-1.amazonaws.com.cn', 'sts', 'aws-cn', 'cn-north-1'],
    ['signin.aws.amazon.com', 'signin', 'aws', undefined],
    ['us-west-2.signin.aws.amazon.com', 'signin', 'aws', 'us-west-2'],
    ['signin.amazonaws.cn', 'signin', 'aws-cn', undefined],
    ['signin.amazonaws-us-gov.com', 'signin', 'aws-us-gov', undefined],
    ['console.aws.amazon.com', 'console', 'aws', undefined],
    ['ap-northeast-1.console.aws.amazon.com', 'console', 'aws', 'ap-northeast-1'],
    ['111111111111-abcd1234.us-east-1.console.aws.amazon.com', 'console', 'aws', 'us-east-1'],
    ['cn-northwest-1.console.amazonaws.cn', 'console', 'aws-cn', 'cn-northwest-1'],
    ['console.amazonaws-us-gov.com', 'console', 'aws-us-gov', undefined],
  ])('%s is %s in %s', (host, kind, partition, region) => {
    const route = classifyHost(host);
    expect(route.kind).toBe(kind);
    if (route.kind === 'unknown') return;
    expect(route.partition).toBe(partition);
    expect(route.region).toBe(region);
  });

  it.each(['sts.cn-north-1.amazonaws.com', 'cn-north-1.console.aws.amazon.com', 'evil.com', 'console.aws.amazon.com.evil.com'])(
    '%s is unknown',
    (host) => expect(classifyHost(host).kind).toBe('unknown'),
  );
});

describe('seed', () => {
  it('demo keys look like real ones', () => {
    for (const u of [ALICE, BOB, GOV_USER, CN_USER]) {
      expect(u.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
      expect(u.secretAccessKey).toHaveLength(40);
    }
    expect(() => validateSeed(demoSeed)).not.toThrow();
    expect(totp(ALICE.totpSecret)).toMatch(/^\d{6}$/);
  });

  it('a broken custom seed fails at start with a readable message', async () => {
    const bad = { ...demoSeed, roles: [{ arn: 'arn:aws:iam::222222222222:user/not-a-role', trust: { principals: [] } }] };
    await expect(startSandbox({ seed: bad })).rejects.toThrow(/not a role ARN/);
  });
});
