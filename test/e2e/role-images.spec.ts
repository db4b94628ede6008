/**
 * A role's `image` as a person meets it: an inline picture (data:) is shown in the popup; a picture at an https
 * address, which a shared configuration's author could use to learn each time someone opens the popup, is never
 * fetched, and the options page says how to inline it instead. The sandbox answers every AWS host name, S3 included,
 * and records each request: an image fetched from it would be in that record.
 */
import { ALICE } from '../sandbox/seed';
import { expect, saveConfiguration, saveKeys, test } from './fixtures';
import { screenshotThemes } from './support/screenshot';

/** A 1×1 PNG. */
const INLINE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const TRACKER_HOST = 'team-roles.s3.eu-west-1.amazonaws.com';
const TRACKER = `https://${TRACKER_HOST}/pixel.png`;

const CONFIG = `
[alice]

[pictured]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
image = ${INLINE}

[tracked]
role_arn = arn:aws:iam::333333333333:role/ReadOnly
source_profile = alice
image = ${TRACKER}
`;

test('an inline image is shown; an https image is never fetched, and the options page says how to inline it', async ({ extension, sandbox }) => {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, CONFIG);
  await expect(options.getByRole('status')).toHaveText('Saved: 2 roles, synced to your other browsers. 1 warning below.');
  await expect(options.getByText(/is not shown: the popup loads no picture from the network/)).toBeVisible();
  // With keys, so the rows are the roles' own (a role without keys is drawn as a greyed row, with no picture).
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);

  const popup = await extension.openPage('popup/index.html');
  const pictured = popup.locator('[data-profile="pictured"]');
  const tracked = popup.locator('[data-profile="tracked"]');
  await expect(tracked).toBeVisible();
  // The inline picture is drawn (decoded, one pixel wide): the popup has rendered its images.
  const picture = pictured.locator('img');
  await expect(picture).toHaveAttribute('src', INLINE);
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await expect(tracked.locator('img')).toHaveCount(0);
  await screenshotThemes(popup, 'popup-role-images', popup.locator('main'));

  // Opened again (the popup's mirror, then the index): still nothing asked of the image's host.
  await popup.reload();
  await expect(popup.locator('[data-profile="pictured"] img')).toHaveAttribute('src', INLINE);
  expect(sandbox.state.requests.filter((request) => request.host === TRACKER_HOST)).toEqual([]);
});
