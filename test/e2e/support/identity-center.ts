/** Helpers for end-to-end tests that sign in through IAM Identity Center. */
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../../launch/browser';
import { ACME, SSO_PASSWORD } from '../../sandbox/sso-seed';

/**
 * The next tab that lands on a console page. It opens on the extension's launch page (maybe first as about:blank,
 * behind), which posts the login; the AWS approval page may open before it.
 */
export function consoleTab(extension: ExtensionBrowser): Promise<Page> {
  return new Promise((resolve) => {
    const onPage = (page: Page): void => {
      page.waitForURL(/console\.aws\.amazon\.com/, { timeout: 30_000 }).then(() => {
        extension.context.off('page', onPage);
        resolve(page);
      }, () => undefined);
    };
    extension.context.on('page', onPage);
  });
}

/** On the AWS verification page: signs in as jane when the page asks (no sign-in to the directory yet), then answers. */
export async function answerOnAwsPage(verification: Page, decision: 'Allow' | 'Deny' = 'Allow'): Promise<void> {
  const username = verification.getByLabel('Username');
  if (await username.isVisible()) {
    await username.fill(ACME.username);
    await verification.getByLabel('Password').fill(SSO_PASSWORD);
  }
  await verification.getByRole('button', { name: decision }).click();
}

/** An sso-session for the sandbox's acme directory and one profile on it (AdministratorAccess in acme-dev). */
export const ACME_DEV_CONFIG = `
[sso-session acme]
sso_start_url = ${ACME.startUrl}
sso_region = ${ACME.region}
sso_registration_scopes = sso:account:access

[profile acme-dev-admin]
sso_session = acme
sso_account_id = ${ACME.accounts.dev}
sso_role_name = AdministratorAccess
region = eu-west-1
`;
