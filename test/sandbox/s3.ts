/**
 * Amazon S3, as much as a team's configuration file in a bucket needs: public objects a test puts, read with GET
 * (or HEAD) at their virtual-hosted address `https://<bucket>.s3.<region>.amazonaws.com/<key>` (or the legacy
 * global `<bucket>.s3.amazonaws.com`). No signature: the bucket's policy lets anyone read, the way a subscription's
 * file is published. A missing object answers S3's XML `NoSuchKey` 404, as a mistyped address does.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html
 */
import type { SandboxReply, SandboxRequest } from './http.js';
import type { SandboxState } from './state.js';

export interface S3Object {
  body: string;
  /** What S3 answers as Content-Type (what the uploader set): `binary/octet-stream` when nothing was. */
  contentType?: string;
}

/** The objects of each sandbox, by `<bucket>/<key>`: kept beside the state, which S3 is no part of otherwise. */
const stores = new WeakMap<SandboxState, Map<string, S3Object>>();

function objects(state: SandboxState): Map<string, S3Object> {
  let store = stores.get(state);
  if (!store) stores.set(state, (store = new Map<string, S3Object>()));
  return store;
}

/** The bucket of an S3 host, for hosts.ts. */
const S3_HOST = /^([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\.s3(?:\.([a-z0-9-]+))?\.amazonaws\.com$/;

export function s3Bucket(host: string): { bucket: string; region: string } | undefined {
  const m = S3_HOST.exec(host);
  return m?.[1] ? { bucket: m[1], region: m[2] ?? 'us-east-1' } : undefined;
}

/** Puts (or replaces) the object at `url` (`https://<bucket>.s3.<region>.amazonaws.com/<key>`), as an upload would. */
export function putObject(state: SandboxState, url: string, body: string, contentType?: string): void {
  objects(state).set(objectKey(url), { body, ...(contentType !== undefined && { contentType }) });
}

export function deleteObject(state: SandboxState, url: string): void {
  objects(state).delete(objectKey(url));
}

function objectKey(url: string): string {
  const parsed = new URL(url);
  const where = s3Bucket(parsed.hostname);
  if (!where) throw new Error(`${parsed.hostname} is not an S3 bucket host.`);
  return `${where.bucket}${decodeURIComponent(parsed.pathname)}`;
}

export function handleS3(request: SandboxRequest, state: SandboxState, bucket: string): SandboxReply {
  if (request.method !== 'GET' && request.method !== 'HEAD') return s3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  const key = decodeURIComponent(request.path);
  const object = objects(state).get(`${bucket}${key}`);
  if (!object) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.', key.slice(1));
  return {
    status: 200,
    headers: { 'content-type': object.contentType ?? 'binary/octet-stream', 'cache-control': 'no-cache' },
    body: request.method === 'HEAD' ? '' : object.body,
    log: { action: 'GetObject' },
  };
}

function s3Error(status: number, code: string, message: string, key?: string): SandboxReply {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${key !== undefined ? `<Key>${key}</Key>` : ''}</Error>`;
  return { status, headers: { 'content-type': 'application/xml' }, body, log: { error: code } };
}
