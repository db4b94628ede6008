/**
 * Automatic renewal and the vault's idle lock, through the real worker code from the session alarm to the vault:
 * timers → renewSession → signIn → root credentials → the vault. Only AWS is stubbed (AssumeRole, the sign-in
 * token). An automatic renewal is not a use of the vault, so it never pushes the idle deadline: after the idle
 * time the vault is locked, the renewal does not run, and its notification says why.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from './fake-session-browser';
import { MINUTE } from './helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-session-browser')).fakeBrowser }));
const aws = vi.hoisted(() => ({ assumeRole: vi.fn(), getSigninToken: vi.fn() }));
vi.mock('../../../src/background/aws/sts', () => ({ assumeRole: aws.assumeRole }));
vi.mock('../../../src/background/sign-in/federation', () => ({ getSigninToken: aws.getSigninToken }));

const { saveConfigText } = await import('../../../src/background/config/store');
const { createNewVault, updateEntries, vaultStatus } = await import('../../../src/background/vault/vault');
const { registerSignIn } = await import('../../../src/background/sessions/register');
const { onTabUpdated } = await import('../../../src/background/sessions/tabs');
const { onSessionAlarm } = await import('../../../src/background/sessions/timers');
const { DEADLINE_ALARM } = await import('../../../src/background/sessions/schedule');
const { sessionHandlers } = await import('../../../src/background/sessions/handlers');
const { readRegistry } = await import('../../../src/background/sessions/store');

const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);
const LAUNCH = `chrome-extension://${fakeBrowser.runtime.id}/src/launch/index.html`;
const LANDED = 'https://222222222222-aaaa1111.eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances';
const ARN = 'arn:aws:sts::222222222222:assumed-role/Developer/alice';
const KEYS = { accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: 'aLiCe/SeCrEt+KeY/EXAMPLE0000000000000001' };
const CONFIG = `
[alice]
region = eu-west-1
[demo-dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
region = eu-west-1
`;

/** Each AssumeRole gives credentials for 60 minutes from the (fake) clock. */
function assumed() {
  return Promise.resolve({
    credentials: { accessKeyId: 'ASIADEV', secretAccessKey: 's'.repeat(40), sessionToken: 'token' },
    assumedRoleArn: ARN,
    expiresAt: Date.now() + 60 * MINUTE,
  });
}

async function alarmAt(minutes: number): Promise<void> {
  vi.setSystemTime(T0 + minutes * MINUTE);
  await onSessionAlarm({ name: DEADLINE_ALARM, scheduledTime: T0 + minutes * MINUTE });
}

beforeEach(async () => {
  resetFakeBrowser();
  aws.assumeRole.mockReset().mockImplementation(assumed);
  aws.getSigninToken.mockReset().mockResolvedValue({ token: 'signin-token', durationAccepted: false });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  expect((await saveConfigText(CONFIG)).saved).toBe(true);
  await createNewVault('correct horse battery', { iterations: 100_000 }); // 60-minute auto-lock, the default
  await updateEntries(() => ({ alice: KEYS }));
  // A session the person signed in to at T0, ending at T0 + 60, renewed automatically 5 minutes before.
  const tab = fakeBrowser.open(LAUNCH);
  await registerSignIn({
    profile: 'demo-dev', assumedRoleArn: ARN, expiresAt: T0 + 60 * MINUTE, consoleExpiresAt: T0 + 60 * MINUTE,
    durationSeconds: 3600, partition: 'aws', region: 'eu-west-1',
    destination: 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1', notes: [], tabId: tab.id,
  }, T0);
  tab.url = LANDED;
  await onTabUpdated(tab.id, { url: LANDED }, tab);
  await onTabUpdated(tab.id, { status: 'complete' }, tab);
  await sessionHandlers['sessions.saveSettings']({ autoRenew: { profile: 'demo-dev', on: true } });
});
afterEach(() => vi.useRealTimers());

describe('automatic renewal and the idle lock', () => {
  it('renews within the idle time without pushing it, then finds the vault locked and says so', async () => {
    await alarmAt(55);
    expect(aws.assumeRole).toHaveBeenCalledTimes(1);
    expect(fakeBrowser.noticeLog).toEqual([]);
    const renewedUntil = (await readRegistry()).sessions[0]?.consoleExpiresAt;
    expect(renewedUntil).toBe(T0 + 115 * MINUTE);
    // The renewal was not a use: the vault still locks 60 minutes after the person unlocked it.
    expect((await fakeBrowser.storage.session.get('vault.lockAt'))['vault.lockAt']).toBe(T0 + 60 * MINUTE);

    await alarmAt(110);
    expect(aws.assumeRole).toHaveBeenCalledTimes(1);
    expect((await vaultStatus()).locked).toBe(true);
    const id = (await readRegistry()).sessions[0]?.id ?? '';
    expect(fakeBrowser.notices.get(`sessions.warn:${id}`)?.message).toMatch(/vault locked while you were away/);
  });
});
