/**
 * Priming the STS client (src/background/aws/sts-priming.ts): the request path runs once per worker, and nothing
 * leaves: no fetch at all.
 */
import { STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { primeSts } from '../../../src/background/aws/sts-priming';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('priming the STS client', () => {
  it('sends one AssumeRole through the client, which reaches no network, and only once per worker', async () => {
    const fetches = vi.fn(() => Promise.reject(new Error('nothing may be sent')));
    vi.stubGlobal('fetch', fetches);
    const send = vi.spyOn(STSClient.prototype, 'send');
    await primeSts('eu-west-1');
    await primeSts('eu-west-1');
    expect(send).toHaveBeenCalledTimes(1);
    await expect(send.mock.results[0]?.value).rejects.toMatchObject({ name: 'PrimingOnly' });
    expect(fetches).not.toHaveBeenCalled();
  });
});
