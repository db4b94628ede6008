/** getSigninToken: SessionDuration first when allowed, one retry without it on AWS's HTML 400, errors otherwise. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FederationError, getSigninToken } from '../../../src/background/sign-in/federation';

const credentials = { accessKeyId: 'ASIAEXAMPLE000000001', secretAccessKey: 's'.repeat(40), sessionToken: 'token' };

function answer(status: number, body: string): Response {
  return new Response(body, { status });
}

afterEach(() => vi.unstubAllGlobals());

describe('getSigninToken', () => {
  it('retries once without SessionDuration after the HTML 400', async () => {
    const fetchMock = vi.fn()
      .mockResolvedValueOnce(answer(400, '<html><body>Bad Request</body></html>'))
      .mockResolvedValueOnce(answer(200, '{"SigninToken":"T2"}'));
    vi.stubGlobal('fetch', fetchMock);
    await expect(getSigninToken('aws', 'eu-west-1', credentials, 43_200)).resolves.toEqual({ token: 'T2', durationAccepted: false });
    const urls = fetchMock.mock.calls.map(([url]) => new URL(String(url)));
    expect(urls.map((url) => url.searchParams.get('SessionDuration'))).toEqual(['43200', null]);
    expect(urls[0]?.host).toBe('eu-west-1.signin.aws.amazon.com');
  });

  it('keeps the duration when AWS accepts it, and never caches the answer', async () => {
    const fetchMock = vi.fn().mockResolvedValue(answer(200, '{"SigninToken":"T1"}'));
    vi.stubGlobal('fetch', fetchMock);
    await expect(getSigninToken('aws', undefined, credentials, 3_600)).resolves.toEqual({ token: 'T1', durationAccepted: true });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ cache: 'no-store', credentials: 'omit' });
  });

  it('does not retry other failures, and says nothing secret', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(500, 'oops')));
    const failure = getSigninToken('aws', undefined, credentials, 3_600);
    await expect(failure).rejects.toBeInstanceOf(FederationError);
    await expect(failure).rejects.toThrow('The AWS sign-in endpoint refused the session (HTTP 500).');
  });

  it('sends no duration for chained credentials', async () => {
    const fetchMock = vi.fn().mockResolvedValue(answer(200, '{"SigninToken":"T"}'));
    vi.stubGlobal('fetch', fetchMock);
    await getSigninToken('aws', undefined, credentials, undefined);
    expect(new URL(String(fetchMock.mock.calls[0]?.[0])).searchParams.has('SessionDuration')).toBe(false);
  });
});
