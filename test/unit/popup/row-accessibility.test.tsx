// @vitest-environment happy-dom
/**
 * The role list for assistive technology. Every row's accessible name begins with the text it shows (WCAG 2.5.3 Label in Name: speech input says what it
 * sees): a role is named by its profile, from its content, not by an aria-label that differs from the row's text; a
 * section header's name begins with its title and count as shown, "Payments (2)". Names are computed by Testing
 * Library's queries (the accessible-name algorithm), not read from attributes. axe-core checks the same in the
 * browser (test/e2e/accessibility.spec.ts). And a list that scrolls can be reached with Tab, to scroll it from the
 * keyboard (axe's scrollable-region-focusable), while a short one adds no stop.
 */
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetBrowser, role, rolesList } from './fake-browser';
import { descriptionOf, renderPopup } from './setup';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const REASON = 'role_arn = arn:aws:iam:1:role/Admin is not an IAM role ARN';
const ROLES = [
  role('prod-admin', { accountId: '123456789012', accountAlias: 'acme-prod', roleName: 'Admin', region: 'eu-west-1', group: 'Payments' }),
  role('prod-typo', { accountId: '', roleName: '', roleArn: '', partition: '', skipped: REASON, group: 'Payments' }),
  role('dev-admin', { accountId: '222222222222', roleName: 'Admin', source: 'alice' }),
];

/** What a row shows, as one string without spaces (the layout puts the spaces): its text minus marks hidden from everyone. */
function shownText(element: Element): string {
  return [...element.children]
    .filter((child) => !['chevron', 'star', 'detail', 'visually-hidden'].some((kind) => child.classList.contains(kind)))
    .map((child) => child.textContent ?? '')
    .join('')
    .replace(/\s+/g, '');
}

beforeEach(() => resetBrowser({ ...rolesList(ROLES) }));
afterEach(cleanup);

describe('the rows name themselves by what they show', () => {
  it('a role is named by its profile, from its content, with its details as the description', async () => {
    await renderPopup();
    for (const profile of ['prod-admin', 'dev-admin']) {
      const option = screen.getByRole('option', { name: profile });
      expect(option.hasAttribute('aria-label')).toBe(false);
      expect(shownText(option)).toBe(profile);
    }
    expect(descriptionOf(screen.getByRole('option', { name: 'prod-admin' }))).toContain('acme-prod');
  });

  it('a profile skipped for an error is named by its profile too, its reason the description', async () => {
    await renderPopup();
    const skipped = screen.getByRole('option', { name: 'prod-typo' });
    expect(skipped.hasAttribute('aria-label')).toBe(false);
    expect(descriptionOf(skipped)).toContain(REASON);
  });

  it('a section header\u2019s name begins with its title and count as shown', async () => {
    await renderPopup();
    const header = screen.getByRole('option', { name: /^Payments/ });
    expect(shownText(header)).toBe('Payments(2)');
    const name = header.getAttribute('aria-label') ?? '';
    expect(name.replace(/\s+/g, '').startsWith(shownText(header))).toBe(true);
  });
});

describe('the list\u2019s scrolling box', () => {
  const scroller = () => screen.getByRole('listbox', { name: 'Roles' }).parentElement;

  it('is in the Tab order when the roles overflow it', async () => {
    resetBrowser({ ...rolesList(Array.from({ length: 30 }, (_, i) => role(`role-${i}`, { accountId: '123456789012', roleName: 'Admin' }))) });
    await renderPopup();
    expect(scroller()?.getAttribute('tabindex')).toBe('0');
  });

  it('is no Tab stop when every role shows', async () => {
    await renderPopup();
    expect(scroller()?.hasAttribute('tabindex')).toBe(false);
  });
});
