/**
 * `connections.warm` (src/background/warming/): from the extension's pages only; one unsigned HEAD to each likely
 * host's root, with no credential, cookie, header, query or body, sent the way the SDK's requests are (so the
 * connection is theirs to take); not again for a host warmed lately; a failure is tried again next time.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import { EXTENSION_ID, fakeBrowser, resetFakeBrowser } from '../fakes/browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const stub = vi.hoisted(() => ({ loadConfig: vi.fn() }));
vi.mock('../../../src/background/config/store', () => ({ loadConfig: stub.loadConfig }));

const CONFIG = parseConfig(`
[alice]

[dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
region = eu-west-1

[prod]
role_arn = arn:aws:iam::333333333333:role/ReadOnly
source_profile = alice
region = us-west-2

[sso-session acme]
sso_start_url = https://acme.awsapps.com/start
sso_region = eu-west-1

[acme-admin]
sso_session = acme
sso_account_id = 222222222222
sso_role_name = AdministratorAccess
region = eu-west-1
`);

const context = { ownId: EXTENSION_ID, ownBaseUrl: `chrome-extension://${EXTENSION_ID}/` };
const popup = { id: EXTENSION_ID, url: `${context.ownBaseUrl}popup/index.html` };
const fetches = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(new Response(null, { status: 403 })));

const { route } = await import('../../../src/background/router');
const { AWS_REQUEST } = await import('../../../src/background/aws/request-options');
const { WARM_AGAIN_AFTER_MS } = await import('../../../src/core/warm-hosts');
const warm = async (request: Record<string, unknown>, sender: { id: string; url: string } = popup) =>
  route({ type: 'connections.warm', request }, sender, context) as Promise<{ ok: boolean; value?: { hosts: string[] }; error?: { code: string } }>;

/** Each test starts later than the last one's warmings could matter: the worker remembers them while it lives. */
let clock = Date.now();
function later(): void {
  clock += WARM_AGAIN_AFTER_MS + 1_000;
  vi.setSystemTime(clock);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  later();
  resetFakeBrowser();
  stub.loadConfig.mockResolvedValue(CONFIG);
  fetches.mockClear();
  vi.stubGlobal('fetch', fetches);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('warming connections', () => {
  it('sends one unsigned HEAD to each likely host\u2019s root: no credential, header, query or body', async () => {
    await fakeBrowser.storage.local.set({ 'roles.recent': { prod: [Date.now()] } });
    const answer = await warm({ profile: 'dev' });
    expect(answer.value?.hosts).toEqual(['sts.eu-west-1.amazonaws.com', 'eu-west-1.signin.aws.amazon.com', 'sts.us-west-2.amazonaws.com', 'us-west-2.signin.aws.amazon.com']);
    expect(fetches.mock.calls.map(([url]) => url)).toEqual(answer.value?.hosts.map((host) => `https://${host}/`));
    for (const [, init] of fetches.mock.calls) {
      expect(Object.keys(init ?? {}).sort()).toEqual(['cache', 'credentials', 'method', 'redirect', 'referrerPolicy', 'signal']);
      expect(init).toMatchObject({ method: 'HEAD', credentials: 'omit', cache: 'no-store', redirect: 'manual', referrerPolicy: 'no-referrer' });
      // Sent as the SDK's and the federation's requests are, or their connections would be another pool's.
      expect(init?.credentials).toBe(AWS_REQUEST.credentials);
    }
  });

  it('warms Identity Center\u2019s OIDC host too when the start URL\u2019s token is missing or due for a refresh', async () => {
    expect((await warm({ profile: 'acme-admin' })).value?.hosts[0]).toBe('oidc.eu-west-1.amazonaws.com');
    later();
    await fakeBrowser.storage.session.set({ 'sso.tokens': { 'https://acme.awsapps.com/start': { startUrl: 'https://acme.awsapps.com/start', accessToken: 'a', expiresAt: Date.now() + 3_600_000 } } });
    expect((await warm({ profile: 'acme-admin' })).value?.hosts).toEqual(['portal.sso.eu-west-1.amazonaws.com', 'sts.eu-west-1.amazonaws.com', 'eu-west-1.signin.aws.amazon.com']);
  });

  it('does not warm a host again soon after, and tries again after a failure', async () => {
    fetches.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect((await warm({ profile: 'dev' })).value?.hosts).toEqual(['sts.eu-west-1.amazonaws.com', 'eu-west-1.signin.aws.amazon.com']);
    await vi.waitFor(() => expect(fetches).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The STS host failed: it is tried again; the sign-in host was warmed a moment ago: not again.
    expect((await warm({ profile: 'dev' })).value?.hosts).toEqual(['sts.eu-west-1.amazonaws.com']);
    later();
    expect((await warm({ profile: 'dev' })).value?.hosts).toEqual(['sts.eu-west-1.amazonaws.com', 'eu-west-1.signin.aws.amazon.com']);
  });

  it('nothing for a profile the configuration does not have; refused from a content script', async () => {
    expect((await warm({ profile: 'not-there' })).value?.hosts).toEqual([]);
    expect((await warm({ profile: 42 })).value?.hosts).toEqual([]);
    const refused = await warm({ profile: 'dev' }, { id: EXTENSION_ID, url: 'https://eu-west-1.console.aws.amazon.com/' });
    expect(refused.error?.code).toBe('forbidden-sender');
    expect(fetches).not.toHaveBeenCalled();
  });
});

describe('warming a login\u2019s own connections from an open console page', () => {
  type Tab = { id: number; url: string; active: boolean; lastAccessed: number; cookieStoreId?: string };
  const tabsAt = (tabs: Tab[]) => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(() => Promise.resolve(tabs));
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(() => Promise.resolve(undefined));
    return { query, sent };
  };
  const console = (id: number, host: string, extra: Partial<Tab> = {}): Tab => ({ id, url: `https://${host}/console/home`, active: false, lastAccessed: id, ...extra });

  it('asks one console tab of the site (the one in front, else the latest) to connect to the login\u2019s sign-in and console hosts', async () => {
    const { query, sent } = tabsAt([console(1, 'us-east-1.console.aws.amazon.com'), console(2, 'eu-west-1.console.aws.amazon.com'), console(3, 'console.amazonaws.cn', { active: true })]);
    await warm({ profile: 'dev' });
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
    expect((query.mock.calls[0]?.[0] as { url?: string[] } | undefined)?.url).toContain('https://*.console.aws.amazon.com/*');
    expect(sent.mock.calls[0]).toEqual([2, { event: 'connections.preconnect', hosts: ['eu-west-1.signin.aws.amazon.com', 'eu-west-1.console.aws.amazon.com'] }]);
    // Not again soon after; again later.
    await warm({ profile: 'dev' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toHaveBeenCalledTimes(1);
    later();
    await warm({ profile: 'dev' });
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(2));
  });

  it('no console tab of the site, or only one in a Firefox container of the person\u2019s: nothing is asked', async () => {
    const { sent } = tabsAt([console(1, 'console.amazonaws.cn'), console(2, 'eu-west-1.console.aws.amazon.com', { cookieStoreId: 'firefox-container-1' })]);
    await warm({ profile: 'dev' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).not.toHaveBeenCalled();
  });
});

