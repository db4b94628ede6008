/**
 * IAM Identity Center in Firefox ESR: the event page's SDK calls (RegisterClient, StartDeviceAuthorization,
 * CreateToken polls, GetRoleCredentials) reach the OIDC and portal hosts through the PAC and proxy; the test
 * approves the device code on the AWS page the add-on opens, as a person would; the console opens in the role's
 * container signed in as the permission set; a role chained on another permission set of the same start URL then
 * signs in with one click, no second approval.
 */
import { describe, expect, it } from 'vitest';
import { ACME, SSO_PASSWORD } from '../sandbox/sso-seed';
import { containers, sendFrom } from './extension-api';
import { firefoxOnSandbox } from './firefox-run';

const CONFIG = `
[sso-session acme]
sso_start_url = ${ACME.startUrl}
sso_region = ${ACME.region}
sso_registration_scopes = sso:account:access

[profile acme-dev-admin]
sso_session = acme
sso_account_id = ${ACME.accounts.dev}
sso_role_name = AdministratorAccess
region = eu-west-1
color = #2e7d32

[profile acme-prod-readonly]
sso_session = acme
sso_account_id = ${ACME.accounts.prod}
sso_role_name = ReadOnlyAccess
region = eu-west-1

[profile acme-prod-deployer]
role_arn = arn:aws:iam::${ACME.accounts.prod}:role/Deployer
source_profile = acme-prod-readonly
region = eu-west-1
`;

const run = firefoxOnSandbox();

const deviceAuthorizations = () => run.sandbox.state.requests.filter((r) => r.path === '/device_authorization').length;

describe('Firefox: IAM Identity Center', () => {
  it('signs in with a device code approved on the AWS page, then a chained role in one click', async () => {
    expect(await sendFrom(run.options, 'config.save', { text: CONFIG })).toMatchObject({ ok: true, value: { roleCount: 3 } });
    const popup = await run.firefox.openPage('popup/index.html', '[role="option"][data-profile="acme-dev-admin"]');
    const approvalOpens = run.firefox.browser.waitForTarget((target) => target.url().includes('device.sso.eu-west-1.amazonaws.com'), { timeout: 20_000 });
    await popup.click('[role="option"][data-profile="acme-dev-admin"]');

    // The AWS page, in a tab the add-on opened: sign in to the directory, compare the code, allow.
    const approval = await (await approvalOpens).page();
    if (!approval) throw new Error('The AWS verification page opened, but puppeteer has no page for it.');
    await approval.waitForSelector('[data-testid="user-code"]');
    const code = await approval.$eval('[data-testid="user-code"]', (element) => element.textContent);
    expect([...run.sandbox.state.sso.deviceAuthorizations.values()].map((d) => d.userCode)).toEqual([code]);
    await popup.waitForFunction((shown) => document.querySelector('[role="status"]')?.textContent?.includes(`approve code ${shown}`) === true, {}, code);
    await approval.type('input[name="username"]', ACME.username);
    await approval.type('input[name="password"]', SSO_PASSWORD);
    await approval.click('button[name="decision"][value="allow"]');

    const [tab] = await run.signedInTabs(1);
    const sessions = [...run.sandbox.state.consoleSessions.values()];
    expect(sessions.map((s) => s.assumedRoleArn)).toEqual([expect.stringMatching(/^arn:aws:sts::222222222222:assumed-role\/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}\/jane$/)]);
    const container = (await containers(run.options)).find((c) => c.name === 'acme-dev-admin');
    expect(container).toMatchObject({ color: 'green' });
    expect(tab?.cookieStoreId).toBe(container?.cookieStoreId);
    // The verification tab closed once the token arrived.
    await expect.poll(async () => (await run.firefox.browser.pages()).some((page) => page.url().includes('device.sso.')), { timeout: 10_000 }).toBe(false);

    // The SDK calls went from Firefox's event page to the OIDC and portal hosts.
    const calls = run.sandbox.state.requests.map((r) => `${r.host} ${r.action ?? r.path} ${r.status}`);
    expect(calls).toEqual(expect.arrayContaining([
      'oidc.eu-west-1.amazonaws.com RegisterClient 200',
      'oidc.eu-west-1.amazonaws.com StartDeviceAuthorization 200',
      'oidc.eu-west-1.amazonaws.com CreateToken:urn:ietf:params:oauth:grant-type:device_code 200',
      'portal.sso.eu-west-1.amazonaws.com GetRoleCredentials 200',
    ]));

    // Another permission set of the same start URL, with a role chained on it: one click, no new approval.
    await popup.click('[role="option"][data-profile="acme-prod-deployer"]');
    await run.signedInTabs(2);
    expect([...run.sandbox.state.consoleSessions.values()].map((s) => s.assumedRoleArn)).toContainEqual(expect.stringMatching(/^arn:aws:sts::333333333333:assumed-role\/Deployer\/[^/]+$/));
    expect(deviceAuthorizations()).toBe(1);
    await popup.close();
  });
});
