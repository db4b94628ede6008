/**
 * Discovery in the worker (sources/sso/discover.ts) with the portal stubbed: every page of ListAccounts, then every
 * page of ListAccountRoles per account, never more than six requests in flight (yet more than one), the progress
 * line's events as it goes, the number of requests it took, and a rate limit the SDK's retries did not outlast. The sandbox e2e test runs the same against the wire.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const stub = vi.hoisted(() => ({
  listAccounts: vi.fn(), listAccountRoles: vi.fn(), emit: vi.fn(), accessToken: vi.fn(), destroy: vi.fn(),
  inFlight: 0, maxInFlight: 0,
}));
vi.mock('../../../src/background/aws/sso-portal', () => ({
  discoveryClient: () => ({ destroy: stub.destroy }), listAccounts: stub.listAccounts, listAccountRoles: stub.listAccountRoles,
}));
vi.mock('../../../src/background/sources/sso/sso-credentials', () => ({ accessToken: stub.accessToken }));
vi.mock('../../../src/platform/events', () => ({ emit: stub.emit }));

const { discoverAccounts } = await import('../../../src/background/sources/sso/discover');

const ACCOUNTS = 250;
const accountId = (n: number) => String(900_000_000_000 + n);

/** A portal answer that takes a turn of the event loop, counting the requests waiting at once. */
async function answer<T>(value: T): Promise<T> {
  stub.inFlight++;
  stub.maxInFlight = Math.max(stub.maxInFlight, stub.inFlight);
  await new Promise((resolve) => setTimeout(resolve, 0));
  stub.inFlight--;
  return value;
}

beforeEach(() => {
  vi.clearAllMocks();
  stub.inFlight = 0;
  stub.maxInFlight = 0;
  stub.accessToken.mockResolvedValue('access-1');
  // Pages of 100 accounts, as the portal's maxResults allows.
  stub.listAccounts.mockImplementation((_portal: unknown, _token: string, next: string | undefined) => {
    const from = Number(next ?? '0');
    const items = Array.from({ length: Math.min(100, ACCOUNTS - from) }, (_, i) => ({ accountId: accountId(from + i + 1), accountName: `team-${from + i + 1}` }));
    return answer({ items, ...(from + 100 < ACCOUNTS && { nextToken: String(from + 100) }) });
  });
  // Every tenth account has a second page of roles.
  stub.listAccountRoles.mockImplementation((_portal: unknown, _token: string, id: string, next: string | undefined) => {
    const paged = Number(id) % 10 === 0;
    if (next === 'more') return answer({ items: ['Billing'] });
    return answer({ items: ['ReadOnlyAccess', 'AdministratorAccess'], ...(paged && { nextToken: 'more' }) });
  });
});

describe('discovery', () => {
  it('lists every page of accounts and of roles, six requests in flight at most, and counts its requests', async () => {
    const found = await discoverAccounts({ startUrl: 'https://big.awsapps.com/start', region: 'us-east-1', requestId: 'r1' });
    expect(found.accounts).toHaveLength(ACCOUNTS);
    expect(found.accounts[9]).toEqual({ accountId: accountId(10), accountName: 'team-10', roles: ['AdministratorAccess', 'Billing', 'ReadOnlyAccess'] });
    expect(found.accounts[0]?.roles).toEqual(['AdministratorAccess', 'ReadOnlyAccess']);
    // 3 pages of accounts, one page of roles per account and a second for every tenth.
    expect(found.requests).toBe(3 + ACCOUNTS + ACCOUNTS / 10);
    expect(stub.listAccountRoles).toHaveBeenCalledTimes(ACCOUNTS + ACCOUNTS / 10);
    expect(stub.maxInFlight).toBe(6);
    expect(stub.destroy).toHaveBeenCalledTimes(1);
  });

  it('tells the options page how far it got: accounts found page by page, then accounts listed every ten', async () => {
    await discoverAccounts({ startUrl: 'https://big.awsapps.com/start', region: 'us-east-1', requestId: 'r1' });
    const progress = stub.emit.mock.calls.map(([event, payload]) => {
      expect(event).toBe('sso.discover.progress');
      const { requestId, accounts, rolesListed } = payload as { requestId: string; accounts: number; rolesListed: number };
      expect(requestId).toBe('r1');
      return [accounts, rolesListed];
    });
    expect(progress.slice(0, 3)).toEqual([[100, 0], [200, 0], [250, 0]]);
    expect(progress.slice(3)).toEqual(Array.from({ length: 25 }, (_, i) => [250, (i + 1) * 10]));
  });

  it('waits and asks again when the portal still limits a request after the SDK\u2019s attempts, losing nothing listed', async () => {
    const limited = () => Promise.reject(Object.assign(new Error('HTTP 429 Unknown Code'), { name: 'TooManyRequestsException' }));
    stub.listAccountRoles.mockImplementationOnce(limited).mockImplementationOnce(limited).mockImplementationOnce(limited);
    vi.useFakeTimers();
    try {
      const discovering = discoverAccounts({ startUrl: 'https://big.awsapps.com/start', region: 'us-east-1', requestId: 'r1' });
      await vi.runAllTimersAsync();
      const found = await discovering;
      expect(found.accounts).toHaveLength(ACCOUNTS);
      expect(found.accounts.every((a) => a.roles.includes('ReadOnlyAccess'))).toBe(true);
      expect(found.requests).toBe(3 + ACCOUNTS + ACCOUNTS / 10 + 3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up on a request the portal keeps limiting, with one sentence saying to wait', async () => {
    stub.listAccountRoles.mockImplementation(() => Promise.reject(Object.assign(new Error('HTTP 429 Unknown Code'), { name: 'TooManyRequestsException' })));
    vi.useFakeTimers();
    try {
      const discovering = discoverAccounts({ startUrl: 'https://big.awsapps.com/start', region: 'us-east-1', requestId: 'r1' });
      const refused = expect(discovering).rejects.toMatchObject({
        code: 'sso-error', message: 'IAM Identity Center (https://big.awsapps.com/start) is limiting requests. Wait a minute and try again.',
      });
      await vi.runAllTimersAsync();
      await refused;
    } finally {
      vi.useRealTimers();
    }
  });

  it('passes on the code to approve when a sign-in is needed, and refuses a start URL that is not https before any request', async () => {
    stub.accessToken.mockImplementation((_start: unknown, options: { interactive: boolean; onCode: (code: string) => void }) => {
      expect(options.interactive).toBe(true);
      options.onCode('ABCD-EFGH');
      return Promise.resolve('access-1');
    });
    await discoverAccounts({ startUrl: 'https://big.awsapps.com/start', region: 'us-east-1', requestId: 'r1' });
    expect(stub.emit).toHaveBeenCalledWith('sso.discover.progress', { requestId: 'r1', accounts: 0, rolesListed: 0, userCode: 'ABCD-EFGH' });

    stub.listAccounts.mockClear();
    await expect(discoverAccounts({ startUrl: 'http://big.awsapps.com/start', region: 'us-east-1' })).rejects.toMatchObject({ code: 'bad-request' });
    expect(stub.listAccounts).not.toHaveBeenCalled();
  });
});
