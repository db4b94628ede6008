/**
 * An organisation's roles pushed by enterprise policy (issue 15), in a real Chromium started with a managed policy
 * of its own (test/launch/policy.ts: Chromium on Linux reads policy only from /etc/chromium/policies, so the test
 * mounts a folder of its own there in a private mount namespace; the machine is not touched). The extension reads
 * it through `storage.managed`, declared by its managed storage schema.
 * The person sees the team's roles as their own group, read-only, beside their own configuration; a profile of
 * theirs with the same name is reported on its line and greyed in the popup, never merged; a managed role signs in
 * with keys the person adds for the team's base account; the policy fixes the session length; and a policy that
 * forbids keys in the vault refuses them with one sentence, which the options page shows.
 */
import { test as base } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser } from '../launch/browser';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { ACCOUNTS, ALICE } from '../sandbox/seed';
import { expect, saveConfiguration, saveKeys, sendFrom } from './fixtures';

const OPTIONS = 'src/options/index.html';

/** The team's configuration: AESR's form, a base account whose keys each person adds, and one role. */
const TEAM = `[acme-identity]
aws_account_id = ${ACCOUNTS.identity}

[acme-dev]
role_arn = arn:aws:iam::${ACCOUNTS.dev}:role/Developer
source_profile = acme-identity
region = eu-west-1
`;

/** The person's own: one profile of the team's name (line 3), one of their own. */
const OWN = `# my roles

[acme-dev]
role_arn = arn:aws:iam::${ACCOUNTS.prod}:role/ReadOnly

[my-readonly]
role_arn = arn:aws:iam::${ACCOUNTS.dev}:role/ReadOnly
`;

const test = base.extend<{ policy: Record<string, unknown>; sandbox: Sandbox; extension: ExtensionBrowser }>({
  policy: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring to see the fixture's dependencies.
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox();
    await use(sandbox);
    await sandbox.close();
  },
  extension: async ({ sandbox, policy }, use) => {
    const extension = await launchExtensionBrowser({ sandbox, extensionPolicy: policy });
    await use(extension);
    await extension.close();
  },
});

test.describe('a team\u2019s roles by policy', () => {
  test.use({
    policy: { configuration: TEAM, groupName: 'Acme platform team', settings: { defaultDurationSeconds: 7_200 }, lockedSettings: ['defaultDurationSeconds'] },
  });

  test('are listed as their own read-only group beside the person\u2019s, a profile of the same name is reported, and one signs in', async ({ extension, sandbox }) => {
    const options = await extension.openPage(OPTIONS);
    const managed = options.getByRole('region', { name: 'Acme platform team' });
    await expect(managed.getByText('Your organisation gives you these roles with a browser policy.', { exact: false })).toBeVisible();
    await expect(managed.getByText('1 role.')).toBeVisible();
    await managed.getByText('Show the file').click();
    await expect(managed.getByRole('textbox', { name: 'Your organisation\u2019s file' })).toHaveValue(TEAM);
    await expect(managed.getByRole('textbox', { name: 'Your organisation\u2019s file' })).not.toBeEditable();

    // The person's own text: the profile of the team's name is skipped and said on its line; the other one works.
    await saveConfiguration(options, OWN);
    await expect(options.getByRole('status')).toHaveText('Saved: 1 role, synced to your other browsers; 1 profile skipped (fix the error below).');
    const problems = options.getByRole('list', { name: 'Problems' });
    await expect(problems).toContainText('[acme-dev] error: [acme-dev] has the same name as a profile in your organisation\u2019s configuration, which is used instead: rename this one to keep it.');
    await problems.getByRole('button', { name: 'Line 3' }).click();
    const selected = await options.getByRole('textbox', { name: 'Configuration' }).evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd));
    expect(selected).toBe('[acme-dev]');

    // The session length is the organisation's.
    await expect(options.getByLabel('Default session length')).toBeDisabled();
    await expect(options.getByLabel('Default session length')).toHaveValue('7200');
    await expect(options.getByText('Set by your organisation, and shown greyed out: the default session length.')).toBeVisible();

    // The team's base account is a source like any: the person adds their keys for it.
    await saveKeys(options, 'acme-identity', ALICE.accessKeyId, ALICE.secretAccessKey);

    const popup = await extension.openPage('popup/index.html');
    await expect(popup.getByRole('option', { name: /^Acme platform team \(1\), expanded/ })).toBeVisible();
    const rows = popup.getByRole('option', { name: 'acme-dev', exact: true });
    await expect(rows).toHaveCount(2);
    // The managed one first, in its group; the person's own greyed, saying why.
    await expect(rows.nth(1)).toHaveAccessibleDescription(/^Skipped: \[acme-dev\] has the same name as a profile in your organisation\u2019s configuration/);
    await expect(popup.getByRole('option', { name: 'my-readonly', exact: true })).toBeVisible();
    // The greyed row opens the editor at that profile, which says why it is skipped (the text alone has no error).
    const editing = extension.context.waitForEvent('page');
    await rows.nth(1).click();
    const mend = await editing;
    await expect(mend.getByRole('status')).toHaveText('The saved configuration is in use with 1 profile skipped (fix the error below).');
    await expect(mend.getByRole('list', { name: 'Problems' })).toContainText('[acme-dev] error: [acme-dev] has the same name as a profile in your organisation\u2019s configuration');
    await expect.poll(() => mend.getByRole('textbox', { name: 'Configuration' }).evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd))).toBe('[acme-dev]');
    await mend.close();

    const opened = extension.context.waitForEvent('page');
    await rows.first().click();
    const tab = await opened;
    await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/alice');
    await expect(tab.getByTestId('console-region')).toHaveText('eu-west-1');
    // Assumed for the organisation's two hours (the role allows twelve).
    const developer = [...sandbox.state.credentials.values()].filter((c) => c.roleArn === `arn:aws:iam::${ACCOUNTS.dev}:role/Developer`);
    expect(developer.map((c) => c.expiresAt - c.issuedAt)).toEqual([7_200_000]);
    // A change of the locked setting is refused by the worker too, with one sentence.
    const refused = await sendFrom(options, 'settings.save', { defaultDurationSeconds: 3_600 });
    expect(refused.error?.message).toBe('Your organisation sets the default session length (a browser policy), so it cannot be changed here.');
  });
});

test.describe('a policy without keys in the vault', () => {
  test.use({ policy: { configuration: TEAM, allowVaultKeys: false } });

  test('refuses keys with one sentence, and the options page says why', async ({ extension }) => {
    const options = await extension.openPage(OPTIONS);
    const sentence = 'Your organisation does not allow access keys in the vault (a browser policy): sign in with IAM Identity Center instead.';
    const keys = options.getByRole('region', { name: 'Access keys' });
    await expect(keys.getByText(sentence)).toBeVisible();
    await expect(keys.getByRole('form')).toHaveCount(0);
    await expect(options.getByRole('region', { name: 'Managed by your organisation' })).toContainText('Your organisation does not allow access keys in the vault: sign in with IAM Identity Center.');
    const refused = await sendFrom(options, 'keys.set', { source: 'acme-identity', accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey });
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden-by-policy', message: sentence } });
  });
});
