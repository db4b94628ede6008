/**
 * Signature Version 4 checking, by re-signing the request with @smithy/signature-v4 (the SDK's own signer) and
 * comparing. Format: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 *
 * Only the headers the client listed in SignedHeaders go into the re-signed request, so whatever a browser adds
 * on the way (User-Agent, Origin, Sec-Fetch-*) cannot change the result, exactly as on AWS.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { header, type SandboxRequest } from './http.js';
import { incompleteSignature, signatureDoesNotMatch } from './sts-errors.js';

export interface ParsedAuthorization {
  accessKeyId: string;
  /** YYYYMMDD from the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';

/** `AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/sts/aws4_request, SignedHeaders=a;b, Signature=hex` */
export function parseAuthorization(value: string): ParsedAuthorization {
  const trimmed = value.trim();
  const space = trimmed.indexOf(' ');
  const algorithm = space === -1 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw incompleteSignature(`Unsupported AWS 'algorithm': '${algorithm}'`);
  }
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq !== -1) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  for (const [name, v] of [
    ['Credential', credential],
    ['SignedHeaders', signedHeaders],
    ['Signature', signature],
  ] as const) {
    if (!v) {
      // AWS: "Authorization header requires 'Signature' parameter. Authorization header requires ..."
      throw incompleteSignature(`Authorization header requires '${name}' parameter.`);
    }
  }
  const scope = (credential ?? '').split('/');
  const [accessKeyId, scopeDate, region, service, terminator] = scope;
  if (scope.length !== 5 || !accessKeyId || !scopeDate || !region || !service || terminator !== 'aws4_request') {
    throw incompleteSignature(
      `Credential should be scoped to a valid region. Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential ?? ''}'`,
    );
  }
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    signedHeaders: (signedHeaders ?? '').split(';').map((h) => h.trim().toLowerCase()),
    signature: (signature ?? '').toLowerCase(),
  };
}

/** `20250101T120000Z` (ISO 8601 basic, what X-Amz-Date carries) to epoch ms; undefined when malformed. */
export function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const ms = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  return Number.isNaN(ms) ? undefined : ms;
}

export function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

export interface SigningSecret {
  secretAccessKey: string;
  /** Given when the request carries a session token; it is signed only if the client signed it. */
  sessionToken?: string;
}

/**
 * Throws SignatureDoesNotMatch unless `auth.signature` is what SigV4 gives for this request with `secret`.
 */
export async function verifySignature(
  req: SandboxRequest,
  auth: ParsedAuthorization,
  secret: SigningSecret,
  signingDate: number,
): Promise<void> {
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = name === 'host' ? req.hostHeader : header(req, name);
    if (value === undefined) {
      // A header that was signed but did not arrive cannot be reproduced: the signature cannot match.
      throw signatureDoesNotMatch();
    }
    headers[name] = value;
  }
  // SigV4 hashes the body; a signed x-amz-content-sha256 stands in for it, so it must be the body's real hash.
  const declaredHash = headers['x-amz-content-sha256'];
  if (declaredHash !== undefined && declaredHash !== createHash('sha256').update(req.body).digest('hex')) {
    throw signatureDoesNotMatch();
  }

  const query: Record<string, string | string[]> = {};
  for (const [k, v] of req.query) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }

  const request = new HttpRequest({
    method: req.method,
    protocol: 'https:',
    hostname: req.host,
    path: req.path,
    query,
    headers,
    body: req.body,
  });
  const signsToken = auth.signedHeaders.includes('x-amz-security-token');
  const signer = new SignatureV4({
    service: auth.service,
    region: auth.region,
    credentials: {
      accessKeyId: auth.accessKeyId,
      secretAccessKey: secret.secretAccessKey,
      // The signer adds X-Amz-Security-Token to the signed headers whenever it knows a token: only tell it
      // when the client signed the token too.
      ...(signsToken && secret.sessionToken !== undefined ? { sessionToken: secret.sessionToken } : {}),
    },
    sha256: Sha256,
    // Do not add x-amz-content-sha256 when the client did not sign it (STS clients do not).
    applyChecksum: false,
  });
  const signed = await signer.sign(request, {
    signingDate: new Date(signingDate),
    signingRegion: auth.region,
    signingService: auth.service,
    // Headers the signer would skip by default (User-Agent, ...) still count when the client signed them.
    signableHeaders: new Set(auth.signedHeaders),
  });
  const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers['authorization'] ?? ''))?.[1] ?? '';
  // The client's header list must also be exactly what was signed: the signer rebuilds it from our headers.
  const expectedList = /SignedHeaders=([^,]+)/.exec(String(signed.headers['authorization'] ?? ''))?.[1] ?? '';
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(auth.signature, 'utf8');
  const sameSignature = a.length === b.length && timingSafeEqual(a, b);
  if (!sameSignature || expectedList !== [...auth.signedHeaders].sort().join(';')) throw signatureDoesNotMatch();
}
