/**
 * The sign-in engine end to end, against the sandbox: chains, durations, partitions, destinations and the error
 * sentences. Sign-ins are started the way the popup starts them (the `signIn` message from an extension page);
 * the console tab that opens is the proof.
 */
import type { Page } from '@playwright/test';
import { demoSeed, startSandbox, type Sandbox } from '../sandbox/index';
import { ALICE, CN_USER, GOV_USER } from '../sandbox/seed';
import { expect, sendFrom, test as base, TEST_PASSPHRASE } from './fixtures';
import type { ExtensionBrowser } from '../launch/browser';
import { preload } from '../launch/preload';

// Each test gets its own copy of the seed, so a test may deactivate a key without touching the others.
const test = base.extend<{ sandbox: Sandbox }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from the pattern.
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ seed: structuredClone(demoSeed) });
    await use(sandbox);
    await sandbox.close();
  },
});

const CONFIG = `
[alice]
region = us-east-1

[dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
region = eu-west-1

[deployer]
role_arn = arn:aws:iam::222222222222:role/ops/Deployer
source_profile = dev
external_id = deploy-42

[chain3]
role_arn = arn:aws:iam::444444444444:role/Chain3
source_profile = deployer
region = us-west-2

[readonly-8h]
role_arn = arn:aws:iam::333333333333:role/ReadOnly
source_profile = alice
duration_seconds = 28800
region = us-west-2

[not-trusted]
role_arn = arn:aws:iam::444444444444:role/Chain3
source_profile = alice

[gov-user]
region = us-gov-west-1

[gov-reader]
role_arn = arn:aws-us-gov:iam::555555555555:role/GovReader
source_profile = gov-user
region = us-gov-west-1

[cn-user]
region = cn-north-1

[cn-reader]
role_arn = arn:aws-cn:iam::666666666666:role/CnReader
source_profile = cn-user
region = cn-north-1
`;

interface SignInAnswer {
  ok: boolean;
  value?: { assumedRoleArn: string; durationSeconds: number; notes: string[]; region: string; destination: string };
  error?: { code: string; message: string };
}

async function ready(extension: ExtensionBrowser): Promise<Page> {
  await preload(extension, { configText: CONFIG, source: 'alice', accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey, passphrase: TEST_PASSPHRASE });
  return extension.openPage('src/options/index.html');
}

/** Signs in from an extension page and returns the answer and, when it worked, the console tab. */
async function signIn(page: Page, profile: string): Promise<{ answer: SignInAnswer; tab?: Page }> {
  const context = page.context();
  const opened = context.waitForEvent('page', { timeout: 20_000 }).catch(() => undefined);
  const answer = (await sendFrom(page, 'signIn', { profile, openIn: 'new-tab' })) as SignInAnswer;
  if (!answer.ok) return { answer };
  const tab = await opened;
  if (!tab) throw new Error('No console tab opened.');
  await tab.getByTestId('signed-in-arn').waitFor();
  return { answer, tab };
}

test('a direct role opens its region\u2019s console through the regional endpoints', async ({ extension, sandbox }) => {
  const page = await ready(extension);
  const { answer, tab } = await signIn(page, 'dev');
  await expect(tab!.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/alice');
  expect(new URL(tab!.url()).host).toBe('eu-west-1.console.aws.amazon.com');
  expect(answer.value?.durationSeconds).toBe(3_600);
  const hosts = sandbox.state.requests.map((r) => `${r.host} ${r.action ?? ''}`);
  expect(hosts).toContain('sts.eu-west-1.amazonaws.com AssumeRole');
  expect(hosts).toContain('eu-west-1.signin.aws.amazon.com getSigninToken');
});

test('a two-hop chain assumes each hop and caps the last at one hour', async ({ extension, sandbox }) => {
  const page = await ready(extension);
  const { answer, tab } = await signIn(page, 'deployer');
  await expect(tab!.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Deployer/alice');
  const assumed = sandbox.state.requests.filter((r) => r.action === 'AssumeRole' && r.status === 200);
  expect(assumed).toHaveLength(2);
  expect(answer.value?.durationSeconds).toBe(3_600);
});

test('a three-hop chain with an external id on the middle hop', async ({ extension, sandbox }) => {
  const page = await ready(extension);
  const { tab } = await signIn(page, 'chain3');
  await expect(tab!.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::444444444444:assumed-role/Chain3/alice');
  expect(sandbox.state.requests.filter((r) => r.action === 'AssumeRole' && r.status === 200)).toHaveLength(3);
  // Chained credentials never ask for a console SessionDuration (AWS refuses it), so no 400 was needed.
  const token = [...sandbox.state.signinTokens.values()].at(-1);
  expect(token?.sessionDuration).toBeUndefined();
  expect(sandbox.state.requests.filter((r) => r.action === 'getSigninToken')).toHaveLength(1);
});

test('a role whose maximum is one hour, asked for eight, is retried at one hour and explained', async ({ extension, sandbox }) => {
  const page = await ready(extension);
  const { answer, tab } = await signIn(page, 'readonly-8h');
  await expect(tab!.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::333333333333:assumed-role/ReadOnly/alice');
  expect(answer.value?.durationSeconds).toBe(3_600);
  expect(answer.value?.notes.join(' ')).toMatch(/allows sessions shorter than the 8 h asked for \(its MaxSessionDuration\)/);
  const refusals = sandbox.state.requests.filter((r) => r.action === 'AssumeRole' && r.error === 'ValidationError');
  expect(refusals).toHaveLength(1);
});

test('a console SessionDuration that AWS refuses is retried once without it, and explained', async ({ extension, sandbox }) => {
  const page = await ready(extension);
  sandbox.state.refuseSessionDuration = true;
  const { answer, tab } = await signIn(page, 'dev');
  await expect(tab!.getByTestId('signed-in-arn')).toHaveText(/assumed-role\/Developer\//);
  const tokens = sandbox.state.requests.filter((r) => r.action === 'getSigninToken');
  expect(tokens.map((r) => r.status)).toEqual([400, 200]);
  expect([...sandbox.state.signinTokens.values()].at(-1)?.sessionDuration).toBeUndefined();
  expect(answer.value?.notes.join(' ')).toMatch(/AWS refused a console session as long as the role session/);
});

test('GovCloud and China roles reach their own STS, sign-in and console hosts', async ({ extension, sandbox }) => {
  const page = await ready(extension);
  for (const [source, user] of [['gov-user', GOV_USER], ['cn-user', CN_USER]] as const) {
    const saved = await sendFrom(page, 'keys.set', { source, accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey });
    expect(saved.ok, saved.error?.message).toBe(true);
  }
  const gov = await signIn(page, 'gov-reader');
  await expect(gov.tab!.getByTestId('signed-in-arn')).toHaveText('arn:aws-us-gov:sts::555555555555:assumed-role/GovReader/gov-user');
  expect(new URL(gov.tab!.url()).host).toBe('us-gov-west-1.console.amazonaws-us-gov.com');
  const cn = await signIn(page, 'cn-reader');
  await expect(cn.tab!.getByTestId('signed-in-arn')).toHaveText('arn:aws-cn:sts::666666666666:assumed-role/CnReader/cn-user');
  expect(new URL(cn.tab!.url()).host).toBe('cn-north-1.console.amazonaws.cn');
  const hosts = new Set(sandbox.state.requests.map((r) => r.host));
  for (const host of ['sts.us-gov-west-1.amazonaws.com', 'signin.amazonaws-us-gov.com', 'sts.cn-north-1.amazonaws.com.cn', 'signin.amazonaws.cn']) {
    expect(hosts).toContain(host);
  }
});

test('"keep my page": switching from a console tab lands on the same page as the new role, region swapped', async ({ extension }) => {
  const page = await ready(extension);
  const { tab } = await signIn(page, 'dev');
  await tab!.goto('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:');
  await tab!.getByTestId('signed-in-arn').waitFor();
  await tab!.bringToFront();
  const { tab: next } = await signIn(page, 'readonly-8h');
  await expect(next!.getByTestId('signed-in-arn')).toHaveText(/assumed-role\/ReadOnly\//);
  expect(next!.url()).toBe('https://us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#Instances:');
  await expect(next!.getByTestId('console-path')).toHaveText('/ec2/home?region=us-west-2');
});

test.describe('errors become sentences with a next step', () => {
  test('deactivated keys', async ({ extension, sandbox }) => {
    const page = await ready(extension);
    const key = sandbox.state.seed.users.find((u) => u.name === 'alice')?.accessKeys[0];
    if (key) key.active = false;
    const { answer } = await signIn(page, 'dev');
    expect(answer.error?.message).toBe('AWS does not recognise the access key of "alice": it may be wrong, deleted or deactivated. Replace the keys on the options page.');
  });

  test('a changed secret', async ({ extension, sandbox }) => {
    const page = await ready(extension);
    const key = sandbox.state.seed.users.find((u) => u.name === 'alice')?.accessKeys[0];
    if (key) key.secretAccessKey = 'rotated/SECRET+0000000000000000000000000';
    const { answer } = await signIn(page, 'dev');
    expect(answer.error?.message).toMatch(/^AWS rejected the secret access key of "alice"/);
  });

  test('a role that does not trust you', async ({ extension }) => {
    const page = await ready(extension);
    const { answer } = await signIn(page, 'not-trusted');
    expect(answer.error?.message).toMatch(/^You are not allowed to assume arn:aws:iam::444444444444:role\/Chain3\. Check that its trust policy/);
  });

  test('STS disabled in the region', async ({ extension, sandbox }) => {
    const page = await ready(extension);
    sandbox.state.regionDisabled.add('eu-west-1');
    const { answer } = await signIn(page, 'dev');
    expect(answer.error?.message).toMatch(/^STS is not activated in this region/);
  });

  test('throttled beyond the SDK\u2019s retries', async ({ extension, sandbox }) => {
    const page = await ready(extension);
    sandbox.state.throttle = 10;
    const { answer } = await signIn(page, 'dev');
    expect(answer.error?.message).toMatch(/throttling requests right now/);
  });

  test('network unreachable', async ({ extension, sandbox }) => {
    const page = await ready(extension);
    sandbox.state.dropConnections = 10;
    const { answer } = await signIn(page, 'dev');
    expect(answer.error?.code).toBe('network');
    expect(answer.error?.message).toBe('AWS could not be reached. Check your network connection and try again.');
  });

  test('a clock ten minutes off is corrected by the SDK', async ({ extension, sandbox }) => {
    const page = await ready(extension);
    sandbox.state.clockOffsetMs = 10 * 60_000;
    const { answer, tab } = await signIn(page, 'dev');
    expect(answer.ok, answer.error?.message).toBe(true);
    await expect(tab!.getByTestId('signed-in-arn')).toHaveText(/assumed-role\/Developer\//);
    expect(sandbox.state.requests.some((r) => r.action === 'AssumeRole' && r.error === 'SignatureDoesNotMatch')).toBe(true);
  });
});

test('the popup explains a shortened session, and the default length is a setting', async ({ extension }) => {
  const page = await ready(extension);
  const popup = await extension.openPage('popup/index.html');
  const opened = extension.context.waitForEvent('page');
  await popup.getByRole('option', { name: 'readonly-8h', exact: true }).click();
  await opened;
  await expect(popup.getByRole('list', { name: 'About this session' })).toContainText('its MaxSessionDuration');

  const options = await extension.openPage('src/options/index.html');
  await options.getByLabel('Default session length').selectOption({ label: '8 hours' });
  await expect.poll(async () => ((await sendFrom(page, 'settings.get', {})).value as { defaultDurationSeconds: number }).defaultDurationSeconds).toBe(28_800);
  const { answer } = await signIn(page, 'dev');
  expect(answer.value?.durationSeconds).toBe(28_800);
});

test('an error in the popup keeps the list usable and offers a retry', async ({ extension, sandbox }) => {
  await ready(extension);
  sandbox.state.regionDisabled.add('eu-west-1');
  const popup = await extension.openPage('popup/index.html');
  await popup.getByRole('combobox').fill('dev');
  await popup.getByRole('option', { name: 'dev', exact: true }).click();
  await expect(popup.getByRole('alert')).toContainText('STS is not activated in this region');
  await expect(popup.getByRole('combobox')).toHaveValue('dev');
  sandbox.state.regionDisabled.clear();
  const opened = extension.context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Retry' }).click();
  const tab = await opened;
  await expect(tab.getByTestId('signed-in-arn')).toHaveText(/assumed-role\/Developer\//);
});
