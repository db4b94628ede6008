/**
 * A throwaway TLS certificate for the real AWS host names, made fresh at every start.
 *
 * A DNS wildcard covers exactly one label (RFC 6125 §6.4.3), so `*.amazonaws.com` does not cover
 * `sts.us-east-1.amazonaws.com`: every depth we serve needs its own wildcard, per region where the region is a
 * label. Chromium is told to trust this key's SPKI hash anyway (--ignore-certificate-errors-spki-list), which
 * also covers regions not listed here; Node clients verify names against this list.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { generate } from 'selfsigned';
import { ALL_PARTITIONS, PARTITION_INFO } from './partitions.js';

export interface SandboxCertificate {
  certPem: string;
  keyPem: string;
  /** base64 SHA-256 of the DER SubjectPublicKeyInfo: Chromium's --ignore-certificate-errors-spki-list format. */
  spkiHash: string;
  dnsNames: string[];
}

export function certificateDnsNames(): string[] {
  const names = new Set<string>([
    'localhost',
    'sts.amazonaws.com',
    '*.amazonaws.com',
    '*.amazonaws.com.cn',
    'amazonaws-us-gov.com',
  ]);
  for (const partition of ALL_PARTITIONS) {
    const info = PARTITION_INFO[partition];
    names.add(info.signinHost);
    names.add(`*.${info.signinSuffix}`);
    names.add(info.consoleHost);
    names.add(`*.${info.consoleHost}`);
    names.add(`*${info.cookieDomain}`);
    for (const region of info.regions) {
      // sts.<region>.amazonaws.com(.cn), and later oidc.<region>.amazonaws.com / portal.sso.<region>.amazonaws.com.
      names.add(partition === 'aws-cn' ? `*.${region}.amazonaws.com.cn` : `*.${region}.amazonaws.com`);
      // portal.sso.<region>… and device.sso.<region>… (Identity Center).
      names.add(partition === 'aws-cn' ? `*.sso.${region}.amazonaws.com.cn` : `*.sso.${region}.amazonaws.com`);
      // Multi-session console hosts: <account>-<id>.<region>.console.aws.amazon.com.
      names.add(`*.${region}.${info.consoleHost}`);
      // S3 buckets, virtual-hosted: <bucket>.s3.<region>.amazonaws.com (s3.ts: a team's configuration file).
      if (partition === 'aws') names.add(`*.s3.${region}.amazonaws.com`);
    }
  }
  names.add('*.s3.amazonaws.com');
  return [...names];
}

export async function createCertificate(): Promise<SandboxCertificate> {
  const dnsNames = certificateDnsNames();
  // EC P-256: key generation takes milliseconds where RSA 2048 takes a noticeable fraction of a second.
  const pems = await generate([{ name: 'commonName', value: 'aws-sandbox.local' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 24 * 3600 * 1000),
    notAfterDate: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...dnsNames.map((value) => ({ type: 2 as const, value })), { type: 7 as const, ip: '127.0.0.1' }],
      },
    ],
  });
  return { certPem: pems.cert, keyPem: pems.private, spkiHash: spkiHashOf(pems.cert), dnsNames };
}

/** base64(sha256(DER SubjectPublicKeyInfo)), the form Chromium's SPKI allow-list takes. */
export function spkiHashOf(certPem: string): string {
  const spki = createPublicKey(certPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}
