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
  it('sends one AssumeRole through the client, which reaches no network, and reads its placeholder answer, once per worker', async () => {
    const fetches = vi.fn(() => Promise.reject(new Error('nothing may be sent')));
    vi.stubGlobal('fetch', fetches);
    const send = vi.spyOn(STSClient.prototype, 'send');
    await primeSts('eu-west-1');
    await primeSts('eu-west-1');
    expect(send).toHaveBeenCalledTimes(1);
    // The answer path ran too: the SDK parsed the placeholder answer into its output, as it does AWS's.
    await expect(send.mock.results[0]?.value).resolves.toMatchObject({
      Credentials: { AccessKeyId: 'ASIAPRIMINGPRIMING00', SecretAccessKey: 'priming', SessionToken: 'priming', Expiration: new Date('2000-01-01T00:00:00Z') },
      AssumedRoleUser: { Arn: 'arn:aws:sts::000000000000:assumed-role/priming/priming' },
    });
    expect(fetches).not.toHaveBeenCalled();
  });
});
