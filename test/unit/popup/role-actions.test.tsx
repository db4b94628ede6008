// @vitest-environment happy-dom
/**
 * A role's actions (issue 14, popup/role-menu.tsx): copy its ARN and account id, and "Open in…" a region of its
 * partition and a service, as Granted's `assume -c --region eu-west-1 -s ec2`; by right click, the Menu key or Alt+O.
 */
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetBrowser, role, rolesList, sentOf, signedInAs } from './fake-browser';
import { renderPopup } from './setup';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const ROLES = [
  role('prod-admin', { accountId: '123456789012', roleName: 'Admin', region: 'eu-central-1', group: 'Payments' }),
  role('cn-ops', { accountId: '210987654321', roleName: 'Ops', partition: 'aws-cn', roleArn: 'arn:aws-cn:iam::210987654321:role/Ops', group: 'China' }),
];

beforeEach(() => {
  resetBrowser({ ...rolesList(ROLES), signIn: ({ profile }) => signedInAs(profile, `arn:aws:sts::1:assumed-role/X/${profile}`) });
});
afterEach(cleanup);

async function openMenu(profile: string) {
  const popup = await renderPopup();
  await popup.user.pointer({ keys: '[MouseRight]', target: screen.getByRole('option', { name: profile }) });
  return popup;
}

describe('copying', () => {
  it('copies the role ARN and the account id', async () => {
    // user-event puts a clipboard of its own in the page; the popup writes to it as to the browser's.
    const { user } = await openMenu('prod-admin');
    await user.click(screen.getByRole('menuitem', { name: 'Copy role ARN' }));
    await waitFor(async () => expect(await navigator.clipboard.readText()).toBe('arn:aws:iam::123456789012:role/Admin'));
    await user.pointer({ keys: '[MouseRight]', target: screen.getByRole('option', { name: 'prod-admin' }) });
    await user.click(screen.getByRole('menuitem', { name: 'Copy account id' }));
    await waitFor(async () => expect(await navigator.clipboard.readText()).toBe('123456789012'));
    expect(sentOf('signIn')).toEqual([]);
  });
});

describe('open in a region or service', () => {
  it('signs in with the region and service chosen in the menu\u2019s form', async () => {
    const { user } = await openMenu('prod-admin');
    await user.click(screen.getByRole('menuitem', { name: 'Open in region or service…' }));
    const form = screen.getByRole('dialog', { name: 'Open prod-admin in…' });
    const region = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Region' });
    // The profile's region first chosen; the partition's regions offered.
    expect(region.value).toBe('eu-central-1');
    expect([...region.options].map((option) => option.value)).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-1', 'ap-southeast-2']));
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Service (optional)' }));
    await user.selectOptions(region, 'eu-west-1');
    await user.type(screen.getByRole('combobox', { name: 'Service (optional)' }), 'EC2{Enter}');
    await waitFor(() => expect(sentOf('signIn')).toEqual([expect.objectContaining({ profile: 'prod-admin', region: 'eu-west-1', service: 'ec2' })]));
    expect(form.isConnected).toBe(false);
  });

  it('sends no region when the profile\u2019s is kept, and no service when none is typed', async () => {
    const { user } = await openMenu('prod-admin');
    await user.click(screen.getByRole('menuitem', { name: 'Open in region or service…' }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(sentOf('signIn')).toHaveLength(1));
    expect(sentOf('signIn')[0]).not.toHaveProperty('region');
    expect(sentOf('signIn')[0]).not.toHaveProperty('service');
  });

  it('offers only the regions of the role\u2019s partition', async () => {
    await openMenu('cn-ops');
    screen.getByRole('menuitem', { name: 'Open in region or service…' }).click();
    const region = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Region' });
    expect([...region.options].map((option) => option.value)).toEqual(['cn-north-1', 'cn-northwest-1']);
  });

  it('says what a service is when the text cannot be one, keeps it, and sends nothing', async () => {
    const { user } = await openMenu('prod-admin');
    await user.click(screen.getByRole('menuitem', { name: 'Open in region or service…' }));
    const service = screen.getByRole<HTMLInputElement>('combobox', { name: 'Service (optional)' });
    await user.type(service, 'ec2/home{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('A service is the name in its console address, such as ec2, s3 or cloudwatch: letters, digits and dashes.');
    expect(service.value).toBe('ec2/home');
    expect(service.getAttribute('aria-invalid')).toBe('true');
    expect(sentOf('signIn')).toEqual([]);
  });

  it('opens at the form with Alt+O on the active row; Esc closes it and gives the search box its text back', async () => {
    const { user, search } = await renderPopup();
    await user.type(search, 'prod');
    await user.keyboard('{Alt>}o{/Alt}');
    expect(screen.getByRole('dialog', { name: 'Open prod-admin in…' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(search));
    expect(search.value).toBe('prod');
    expect(sentOf('signIn')).toEqual([]);
  });
});
