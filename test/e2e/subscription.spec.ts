/**
 * A subscription to a team's configuration file (issue 15), served by the sandbox's S3 at a bucket's real address:
 * subscribed from the options page (the click asks the browser for that one host: support/host-access.ts gives the
 * person's Allow), fetched, checked, its profiles listed as added, and its roles in the popup as their own group, one
 * signed in; an update is fetched by hand and its changes said; an invalid update, and an unreachable file, are
 * refused with the last good copy kept and said so, with when it was fetched. Access keys in the file are never kept.
 */
import { ALICE } from '../sandbox/seed';
import { deleteObject, putObject } from '../sandbox/s3';
import { expect, saveConfiguration, saveKeys, test } from './fixtures';
import { allowSite } from './support/host-access';
import { alarmNames } from './support/sessions';

const OPTIONS = 'src/options/index.html';
const FILE = 'https://team-roles.s3.eu-west-1.amazonaws.com/roles.ini';

const V1 = `# The platform team's roles. Keys go in each person's vault, never here.
[acme-identity]
aws_account_id = 111111111111
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYTEAMFILEKEY

[acme-dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = acme-identity
region = eu-west-1
`;

const V2 = `${V1.replace('region = eu-west-1', 'region = eu-west-2')}
[acme-audit]
role_arn = arn:aws:iam::222222222222:role/ReadOnly
source_profile = acme-identity
`;

test('a subscription is fetched, diffed and applied; an invalid or unreachable update keeps the last good copy', async ({ extension, sandbox }) => {
  putObject(sandbox.state, FILE, V1, 'text/plain');
  const options = await extension.openPage(OPTIONS);
  // The person's own configuration, beside which the team's roles come.
  await saveConfiguration(options, '[my-readonly]\nrole_arn = arn:aws:iam::222222222222:role/ReadOnly\n');
  await expect(options.getByRole('status')).toHaveText('Saved: 1 role, synced to your other browsers.');
  const panel = options.getByRole('region', { name: 'Subscription' });
  await allowSite(extension.context, extension.extensionId, new URL(FILE).origin);

  await panel.getByRole('textbox', { name: 'https address of the team\u2019s file' }).fill(FILE);
  await panel.getByRole('textbox', { name: 'Group name in the popup (optional)' }).fill('Platform team');
  await panel.getByRole('button', { name: 'Subscribe' }).click();
  await expect(panel.getByText('Subscribed: 2 profiles added (acme-identity, acme-dev).')).toBeVisible();
  await expect(panel.getByText(/^1 role from https:\/\/team-roles\.s3\.eu-west-1\.amazonaws\.com\/roles\.ini, fetched .+\. 1 line with access keys taken out/)).toBeVisible();
  expect(sandbox.state.requests.filter((r) => r.service === 's3').map((r) => `${r.method} ${r.host}${r.path} ${r.status}`)).toEqual([
    'GET team-roles.s3.eu-west-1.amazonaws.com/roles.ini 200',
  ]);
  // Refreshed by the hour.
  expect(await alarmNames(options)).toContain('config.refresh');
  // The file's secret is nowhere the extension keeps things.
  const local = await options.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
  expect(local).toContain('acme-dev');
  expect(local).not.toContain('wJalrXUtnFEMI');

  // Its roles: their own group in the popup, and they sign in (the base account's keys from the person's vault).
  await saveKeys(options, 'acme-identity', ALICE.accessKeyId, ALICE.secretAccessKey);
  const popup = await extension.openPage('popup/index.html');
  await expect(popup.getByRole('option', { name: /^Platform team \(1\), expanded/ })).toBeVisible();
  const opened = extension.context.waitForEvent('page');
  await popup.getByRole('option', { name: 'acme-dev', exact: true }).click();
  const tab = await opened;
  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Developer/alice');
  await expect(tab.getByTestId('console-region')).toHaveText('eu-west-1');

  // An update, fetched by hand: what changed is said, and the popup follows.
  putObject(sandbox.state, FILE, V2, 'text/plain');
  await panel.getByRole('button', { name: 'Refresh now' }).click();
  await expect(panel.getByText('Refreshed: 1 profile added (acme-audit); 1 changed (acme-dev).')).toBeVisible();
  const again = await extension.openPage('popup/index.html');
  await expect(again.getByRole('option', { name: 'acme-audit', exact: true })).toBeVisible();

  // An invalid update (the bucket now answers an error page with no role in it): refused, the copy stays.
  putObject(sandbox.state, FILE, '<!DOCTYPE html><html><body>Access denied</body></html>', 'text/html');
  await panel.getByRole('button', { name: 'Refresh now' }).click();
  await expect(panel.getByText(/^Not refreshed: the copy fetched .+ is still in use\.$/)).toBeVisible();
  await expect(panel.getByText(/^Not updated .+: team-roles\.s3\.eu-west-1\.amazonaws\.com answered a web page, not a configuration: use the address of the raw file\. The copy fetched .+ is still in use\.$/)).toBeVisible();
  putObject(sandbox.state, FILE, '# emptied by mistake\n', 'text/plain');
  await panel.getByRole('button', { name: 'Refresh now' }).click();
  await expect(panel.getByText(/has no role to sign in as, so it is not used/)).toBeVisible();
  // An unreachable file (deleted from the bucket): the same.
  deleteObject(sandbox.state, FILE);
  await panel.getByRole('button', { name: 'Refresh now' }).click();
  await expect(panel.getByText(/answered HTTP 404 \(no such file, or not public\): check the address\. The copy fetched .+ is still in use\.$/)).toBeVisible();

  // The last good copy is what the popup and sign-in use.
  const still = await extension.openPage('popup/index.html');
  await expect(still.getByRole('option', { name: 'acme-audit', exact: true })).toBeVisible();
  await expect(still.getByRole('option', { name: 'acme-dev', exact: true })).toBeVisible();
  await panel.getByText('Show the file').click();
  await expect(panel.getByRole('textbox', { name: 'The subscribed file' })).toHaveValue(
    V2.replace(/^aws_secret_access_key = .*$/m, '# aws_secret_access_key removed: access keys are never stored in the configuration (keep them in the vault)'),
  );
});

declare const chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
