/** The sandbox's S3: an object a test puts is served at its bucket's address; a missing one is S3's NoSuchKey. */
import { describe, expect, it } from 'vitest';
import { sandboxFetch } from './node-client.js';
import { deleteObject, putObject } from './s3.js';
import { useSandbox } from './test-support.js';

const sandbox = useSandbox();
const URL_A = 'https://team-roles.s3.eu-west-1.amazonaws.com/roles.ini';

describe('S3', () => {
  it('serves the object a test put, with its content type, and replaces it on the next put', async () => {
    putObject(sandbox.current.state, URL_A, '[a]\nrole_arn = arn:aws:iam::123456789012:role/A\n', 'text/plain');
    const first = await sandboxFetch(sandbox.current, URL_A);
    expect(first).toMatchObject({ status: 200, body: '[a]\nrole_arn = arn:aws:iam::123456789012:role/A\n' });
    expect(first.headers['content-type']).toBe('text/plain');
    putObject(sandbox.current.state, URL_A, 'v2');
    const second = await sandboxFetch(sandbox.current, URL_A);
    expect(second.body).toBe('v2');
    expect(second.headers['content-type']).toBe('binary/octet-stream');
  });

  it('answers a missing key or another bucket with NoSuchKey, and refuses writes', async () => {
    const before = sandbox.current.state.requests.length;
    putObject(sandbox.current.state, URL_A, 'x');
    deleteObject(sandbox.current.state, URL_A);
    const missing = await sandboxFetch(sandbox.current, URL_A);
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('<Code>NoSuchKey</Code>');
    expect((await sandboxFetch(sandbox.current, 'https://other.s3.amazonaws.com/roles.ini')).status).toBe(404);
    expect((await sandboxFetch(sandbox.current, URL_A, { method: 'PUT', body: 'y' })).status).toBe(405);
    const log = sandbox.current.state.requests.slice(before).filter((r) => r.service === 's3').map((r) => r.status);
    expect(log).toEqual([404, 404, 405]);
  });
});
