/**
 * Access keys written into the configuration editor (a ~/.aws/credentials pasted by mistake) reach no file of the
 * browser profile: not the saved configuration (the key lines become comments), and not Chromium's session-restore
 * files, where the text of a page's fields is kept with the tab's history (found there as UTF-16) unless the field
 * opts out of autocomplete: without autocomplete="off" on the editor this test finds the unsaved key in
 * Sessions/Session_* and Tabs_*. The same holds for a pre-signed address typed into the subscription's field. (The
 * Access keys form the found keys are filled into holds the secret in a password field, which Chromium never keeps
 * there.) Searched after the browser closed, in every file of the profile and every form a secret can take
 * (support/profile-scan.ts).
 */
import { rmSync } from 'node:fs';
import { launchExtensionBrowser } from '../launch/browser';
import { expect, saveConfiguration, test } from './fixtures';
import { scanProfile } from './support/profile-scan';

const SAVED = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSAVEDKEY1';
const TYPED = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYTYPEDKEY2';
const ROLE = 'arn:aws:iam::123456789012:role/Admin';
/** A pre-signed address's signature: a credential, typed into the subscription's field before Subscribe refuses it. */
const SIGNATURE = 'a3f1c9e27b0d4e8f9a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f';
const withKeys = (secret: string) =>
  `[base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${secret}\n\n[prod]\nrole_arn = ${ROLE}\nsource_profile = base\n`;

test('access keys pasted into the configuration editor, saved or left unsaved, are in no file of the profile after the browser closes', async ({ sandbox }) => {
  const browser = await launchExtensionBrowser({ sandbox });
  const profile = browser.userDataDir;
  try {
    const options = await browser.openPage('src/options/index.html');
    await saveConfiguration(options, withKeys(SAVED));
    await expect(options.getByRole('status')).toHaveText(/^Saved: 1 role/);
    await expect(options.getByLabel('Secret access key')).toHaveValue(SAVED); // offered to the vault, in the page
    // Pasted again and left in the editor, unsaved, when the browser closes.
    const editor = options.getByRole('textbox', { name: 'Configuration', exact: true });
    await editor.fill(withKeys(TYPED));
    await expect(editor).toHaveValue(new RegExp(TYPED));
    const address = options.getByRole('textbox', { name: 'https address of the team\u2019s file' });
    await address.fill(`https://team-roles.s3.eu-west-1.amazonaws.com/roles.ini?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${SIGNATURE}`);
    // The tab moves on: Chromium writes the page it leaves, form text included, into the tab's history, which
    // session restore keeps on disk (Sessions/).
    await options.goto(`chrome-extension://${browser.extensionId}/popup/index.html`);
    await expect(options.getByRole('listbox', { name: 'Roles' })).toBeVisible();
    await browser.close({ keepProfile: true });

    const result = scanProfile(profile, [
      { label: 'a secret key saved with the configuration', value: SAVED },
      { label: 'a secret key typed into the editor, unsaved', value: TYPED },
      { label: 'a pre-signed address typed for a subscription, not sent', value: SIGNATURE },
    ]);
    expect(result.files).toBeGreaterThan(50);
    expect(result.hits).toEqual([]);
    // The search finds what is there: the configuration itself is in the profile.
    expect(scanProfile(profile, [{ label: 'configuration', value: ROLE }]).hits.length).toBeGreaterThan(0);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
