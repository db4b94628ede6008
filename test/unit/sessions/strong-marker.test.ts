/**
 * `marker = strong` (issue 14), from the profile's text to the console page: the configuration reads it (a bad value
 * is a warning that loses nothing), the session registered at sign-in keeps it, and the content script's display
 * data carries it, for that profile only.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exportConfig, parseConfig } from '../../../src/core/config';
import type { SignInResult } from '../../../src/messages';
import { fakeBrowser, resetFakeBrowser } from './fake-session-browser';
import { MINUTE } from './helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-session-browser')).fakeBrowser }));

const { saveConfigText } = await import('../../../src/background/config/store');
const { registerSignIn } = await import('../../../src/background/sessions/register');
const { onTabUpdated } = await import('../../../src/background/sessions/tabs');
const { sessionHandlers } = await import('../../../src/background/sessions/handlers');

const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);
const LAUNCH = `chrome-extension://${fakeBrowser.runtime.id}/src/launch/index.html`;
const CONFIG = `
[alice]
[prod-admin]
role_arn = arn:aws:iam::333333333333:role/Admin
source_profile = alice
color = c62828
marker = strong
[demo-dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
[sso-prod]
sso_start_url = https://acme.awsapps.com/start
sso_region = eu-west-1
sso_account_id = 444444444444
sso_role_name = AdministratorAccess
marker = Strong
`;

describe('the configuration', () => {
  it('reads marker = strong on a role and an Identity Center profile, and nothing on the others', () => {
    const model = parseConfig(CONFIG);
    expect(model.diagnostics).toEqual([]);
    expect(model.roles.find((r) => r.name === 'prod-admin')?.marker).toBe('strong');
    expect(model.roles.find((r) => r.name === 'sso-prod')?.marker).toBe('strong');
    expect(model.roles.find((r) => r.name === 'demo-dev')?.marker).toBeUndefined();
    expect(parseConfig('[p]\nrole_arn = arn:aws:iam::123456789012:role/A\nmarker = thin').roles[0]?.marker).toBe('thin');
  });

  it('warns about another value on its line, keeps the role, and gives the line back on export', () => {
    const text = '[profile p]\nrole_arn = arn:aws:iam::123456789012:role/A\nmarker = loud\n';
    const model = parseConfig(text);
    expect(model.diagnostics).toMatchObject([{ code: 'bad-marker', severity: 'warning', line: 3, profile: 'p' }]);
    expect(model.diagnostics[0]?.message).toBe(
      "marker = loud is not a marker the console knows: write marker = strong for a thick frame of the role's colour round the console (production), or delete the line for the thin bar.",
    );
    expect(model.roles.map((r) => r.name)).toEqual(['p']);
    expect(exportConfig(model)).toContain('marker = loud');
    expect(exportConfig(parseConfig(CONFIG))).toContain('marker = strong');
  });
});

describe('the console page of a strong profile', () => {
  beforeEach(async () => {
    resetFakeBrowser();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    expect((await saveConfigText(CONFIG)).saved).toBe(true);
  });

  async function displayAfterSignIn(profile: string, account: string, role: string) {
    const tab = fakeBrowser.open(LAUNCH);
    const result: SignInResult = {
      profile,
      assumedRoleArn: `arn:aws:sts::${account}:assumed-role/${role}/alice`,
      expiresAt: T0 + 30 * MINUTE,
      consoleExpiresAt: T0 + 30 * MINUTE,
      durationSeconds: 1800,
      partition: 'aws',
      region: 'eu-west-1',
      destination: 'https://eu-west-1.console.aws.amazon.com/console/home',
      notes: [],
      tabId: tab.id,
    };
    await registerSignIn(result, T0);
    const landed = 'https://eu-west-1.console.aws.amazon.com/console/home';
    tab.url = landed;
    await onTabUpdated(tab.id, { url: landed }, tab);
    await onTabUpdated(tab.id, { status: 'complete' }, tab);
    return (await sessionHandlers['sessions.tabInfo']({ page: {} }, { tabId: tab.id, url: landed })).display;
  }

  it('is told to mark it strongly; another profile\u2019s page is not', async () => {
    expect(await displayAfterSignIn('prod-admin', '333333333333', 'Admin')).toMatchObject({ profile: 'prod-admin', color: '#c62828', marker: 'strong' });
    const dev = await displayAfterSignIn('demo-dev', '222222222222', 'Developer');
    expect(dev).toMatchObject({ profile: 'demo-dev' });
    expect(dev).not.toHaveProperty('marker');
  });
});
