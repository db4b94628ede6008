/**
 * Warming (issue 16): opening the popup opens connections to the STS and sign-in hosts of the likely roles, so the
 * click pays no handshake there. What the sandbox records of every request that reached it before the click proves
 * the warming sent nothing but an unsigned `HEAD /`: no credential, no cookie, no token, no signature, no query, no
 * body, no header a browser would not add to any request. Then the sign-in's AssumeRole and getSigninToken go on
 * the very connections the warming opened (the sandbox names each request's connection). The login itself, a
 * navigation, can only take a connection a page of its own site opened: with a console tab open, that tab's page
 * connects ahead, and the login takes that connection.
 */
import type { Page } from '@playwright/test';
import { preload } from '../launch/preload';
import { ALICE } from '../sandbox/seed';
import type { RequestLogEntry } from '../sandbox/state';
import { WARMED, WARMING_CONFIG as CONFIG, warmingProblems } from '../sandbox/warming-check';
import { expect, saveConfiguration, test, TEST_PASSPHRASE } from './fixtures';
import { ACME_DEV_CONFIG, answerOnAwsPage, consoleTab } from './support/identity-center';

/** No credential of any kind, and nothing but what a browser adds to any credential-less request (warming-check.ts). */
function expectUnsigned(request: RequestLogEntry): void {
  expect(warmingProblems(request)).toEqual([]);
}

async function openPopup(extension: { openPage(path: 'popup/index.html'): Promise<Page> }): Promise<Page> {
  const popup = await extension.openPage('popup/index.html');
  await expect(popup.getByRole('option', { name: 'dev', exact: true })).toHaveAttribute('aria-selected', 'true');
  return popup;
}

test('opening the popup warms the active role\u2019s hosts with unsigned requests, and its sign-in takes those connections', async ({ extension, sandbox }) => {
  // Connections stay open for as long as this test may take on a busy machine (the model's own knob).
  sandbox.state.keepAliveMs = 300_000;
  await preload(extension, { configText: CONFIG, source: 'alice', accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey, passphrase: TEST_PASSPHRASE });
  // Cookies the browser holds for AWS's domains (a console session has some): a warming request must send none.
  await extension.context.addCookies(['.amazon.com', '.amazonaws.com'].map((domain) => ({ name: 'aws-session', value: 'not-for-warming', domain, path: '/', secure: true })));
  // Cold: whatever saving the keys opened (GetCallerIdentity) is closed.
  sandbox.closeConnections();
  const before = sandbox.state.requests.length;

  const popup = await openPopup(extension);
  const sinceOpening = () => sandbox.state.requests.slice(before);
  await expect.poll(() => sinceOpening().map((request) => request.host).sort()).toEqual([...WARMED].sort());

  const warming = sinceOpening();
  for (const request of warming) expectUnsigned(request);
  // Nothing for a role that is neither the active row, nor recent, nor a favourite.
  expect(sandbox.state.requests.some((request) => request.host.includes('ap-southeast-2'))).toBe(false);
  const warmedOn = new Map(warming.map((request) => [request.host, request.connection]));

  // The new tab opens on the launch page and goes on to the console: wait for it there (support/identity-center.ts).
  const opened = consoleTab(extension);
  await popup.getByRole('option', { name: 'dev', exact: true }).click();
  await expect((await opened).getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/alice');

  const step = (action: string) => sandbox.state.requests.find((request, index) => index >= before && request.action === action);
  // The same connections: no new TCP or TLS handshake for them on the click's path.
  expect(step('AssumeRole')?.connection).toBe(warmedOn.get('sts.eu-west-1.amazonaws.com'));
  expect(step('getSigninToken')?.connection).toBe(warmedOn.get('eu-west-1.signin.aws.amazon.com'));
  expect(step('AssumeRole')?.onConnection).toBeGreaterThan(1);
  // Every request before the sign-in's first was a warming one.
  const firstSigned = sandbox.state.requests.findIndex((request, index) => index >= before && request.action === 'AssumeRole');
  for (const request of sandbox.state.requests.slice(before, firstSigned)) expectUnsigned(request);
});

test('a row the pointer rests on is warmed the same way, and only hosts of the configuration\u2019s regions ever are', async ({ extension, sandbox }) => {
  sandbox.state.keepAliveMs = 300_000;
  await preload(extension, { configText: CONFIG, source: 'alice', accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey, passphrase: TEST_PASSPHRASE });
  const before = sandbox.state.requests.length;
  const popup = await openPopup(extension);
  await expect.poll(() => sandbox.state.requests.slice(before).length).toBe(WARMED.length);

  await popup.getByRole('option', { name: 'far', exact: true }).hover();
  const far = ['sts.ap-southeast-2.amazonaws.com', 'ap-southeast-2.signin.aws.amazon.com'];
  await expect.poll(() => sandbox.state.requests.slice(before).map((request) => request.host).sort()).toEqual([...WARMED, ...far].sort());
  for (const request of sandbox.state.requests.slice(before)) expectUnsigned(request);
});

test('Identity Center: the portal host is warmed too, and GetRoleCredentials takes that connection', async ({ extension, sandbox }) => {
  sandbox.state.keepAliveMs = 300_000;
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, ACME_DEV_CONFIG);
  await expect(options.getByRole('status')).toHaveText('Saved: 1 role, synced to your other browsers.');
  // A first sign-in, approved on the AWS page: the token then lives, and the next click needs no approval.
  let popup = await extension.openPage('popup/index.html');
  const approval = extension.context.waitForEvent('page', (page) => page.url().includes('device.sso.'));
  const first = consoleTab(extension);
  await popup.getByRole('option', { name: 'acme-dev-admin', exact: true }).click();
  await answerOnAwsPage(await approval);
  await (await first).close();
  await popup.close();

  // Later: a worker started afresh (it remembers no warming), every connection closed.
  const cdp = await extension.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  sandbox.closeConnections();
  const before = sandbox.state.requests.length;
  popup = await extension.openPage('popup/index.html');
  // The token is fresh: no OIDC. The portal, then STS (GetCallerIdentity beside the token), then the sign-in host.
  const warmed = ['portal.sso.eu-west-1.amazonaws.com', 'sts.eu-west-1.amazonaws.com', 'eu-west-1.signin.aws.amazon.com'];
  await expect.poll(() => sandbox.state.requests.slice(before).map((request) => request.host).sort()).toEqual([...warmed].sort());
  for (const request of sandbox.state.requests.slice(before)) expectUnsigned(request);
  const warmedOn = new Map(sandbox.state.requests.slice(before).map((request) => [request.host, request.connection]));

  const second = consoleTab(extension);
  await popup.getByRole('option', { name: 'acme-dev-admin', exact: true }).click();
  await second;
  const step = (action: string) => sandbox.state.requests.find((request, index) => index >= before && request.action === action);
  expect(step('GetRoleCredentials')?.connection).toBe(warmedOn.get('portal.sso.eu-west-1.amazonaws.com'));
  expect(step('GetCallerIdentity')?.connection).toBe(warmedOn.get('sts.eu-west-1.amazonaws.com'));
  expect(step('getSigninToken')?.connection).toBe(warmedOn.get('eu-west-1.signin.aws.amazon.com'));
});

test('with a console tab open, its page connects ahead for the login, and the login and its console page take those connections', async ({ extension, sandbox }) => {
  sandbox.state.keepAliveMs = 300_000;
  await preload(extension, { configText: CONFIG, source: 'alice', accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey, passphrase: TEST_PASSPHRASE });
  // A first sign-in leaves a console tab open (its content script is the one that connects ahead).
  let popup = await openPopup(extension);
  const first = consoleTab(extension);
  await popup.getByRole('option', { name: 'far', exact: true }).click();
  await expect((await first).getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::333333333333:assumed-role/ReadOnly/alice');
  await popup.close();

  // Later: a worker started afresh, every connection closed.
  const cdp = await extension.context.newCDPSession(await first);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  sandbox.closeConnections();
  const since = Date.now();
  /** A connection opened since, that carried no request (yet): a preconnect's, not the worker's warming. */
  const bare = (host: string) => sandbox.state.connections.some((c) => c.openedAt >= since && c.host === host && c.readyAt !== undefined && c.requests === 0);

  popup = await extension.openPage('popup/index.html');
  await popup.getByRole('option', { name: 'dev', exact: true }).hover();
  // The console page connects to the sign-in and console hosts of the row the pointer rests on: a handshake each, no
  // request.
  await expect.poll(() => bare('eu-west-1.signin.aws.amazon.com') && bare('eu-west-1.console.aws.amazon.com')).toBe(true);
  const before = sandbox.state.requests.length;
  const clickedAt = Date.now();

  const second = consoleTab(extension);
  await popup.getByRole('option', { name: 'dev', exact: true }).click();
  await expect((await second).getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/alice');
  const connectionOf = (request: RequestLogEntry | undefined) => sandbox.state.connections.find((c) => c.id === request?.connection);
  // The login, and the console page it lands on, each went as the first request on a connection opened before the
  // click: no handshake on their path (without the console page's preconnect, the login opens its own).
  for (const request of [
    sandbox.state.requests.slice(before).find((r) => r.action === 'login'),
    sandbox.state.requests.slice(before).find((r) => r.host === 'eu-west-1.console.aws.amazon.com' && r.method === 'GET'),
  ]) {
    expect(request?.onConnection, request?.path).toBe(1);
    expect(connectionOf(request)?.openedAt, request?.path).toBeLessThan(clickedAt);
  }
});

