// @vitest-environment happy-dom
/**
 * The options page's IAM Identity Center import, against a fake background: the sessions found in the editor's
 * text, the progress line (code to approve, then accounts listed), the profiles written into the editor unsaved,
 * what is new and what is gone, and errors as one sentence in an alert.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DiscoveredAccount, Result } from '../../../src/messages';
import { emitEvent, fail, ok, resetBrowser, sentOf, setHandler } from '../popup/fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../popup/fake-browser')).fakeBrowser }));

const { ConfigEditor } = await import('../../../src/options/config-editor');

const SAVED = `[sso-session big]
sso_start_url = https://big.awsapps.com/start
sso_region = us-east-1

[profile old]
sso_session = big
sso_account_id = 123456789012
sso_role_name = Billing
`;

const ACCOUNTS: DiscoveredAccount[] = [
  { accountId: '900000000001', accountName: 'team-001-prod', roles: ['AdministratorAccess', 'ReadOnlyAccess'] },
  { accountId: '900000000002', accountName: 'team-002-prod', roles: ['ReadOnlyAccess'] },
];

type Answer = Result<{ accounts: DiscoveredAccount[]; requests: number }>;

/** An `sso.discover` the test answers when it wants. */
function pendingDiscovery(): (answer: Answer) => void {
  let answer: (value: Answer) => void = () => undefined;
  setHandler('sso.discover', () => new Promise<Answer>((resolve) => (answer = resolve)) as never);
  return (value) => answer(value);
}

async function showSaved(text: string): Promise<HTMLTextAreaElement> {
  setHandler('config.get', () => ok({ text, stored: { area: 'sync', textBytes: 1, syncBytes: 1, syncLimitBytes: 1 } }) as never);
  render(<ConfigEditor onSaved={() => undefined} />);
  const editor = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Configuration' });
  await waitFor(() => expect(editor.value).toBe(text));
  return editor;
}

async function openEditor(text = SAVED) {
  const editor = await showSaved(text);
  const region = await screen.findByRole('region', { name: 'IAM Identity Center' });
  return { editor, session: within(region).getByRole('group', { name: 'sso-session big' }) };
}

describe('IAM Identity Center import on the options page', () => {
  beforeEach(() => resetBrowser());
  afterEach(() => cleanup());

  it('signs in, lists, then writes the new profiles into the editor without saving, and says what is new and gone', async () => {
    const user = userEvent.setup();
    const answer = pendingDiscovery();
    const { editor, session } = await openEditor();
    await user.selectOptions(within(session).getByLabelText('Group new profiles'), 'last-word');
    await user.click(within(session).getByRole('button', { name: 'Import accounts and roles' }));

    const status = within(session).getByRole('status');
    expect(status.textContent).toBe('Signing in to IAM Identity Center…');
    const [request] = sentOf('sso.discover');
    expect(request).toMatchObject({ startUrl: 'https://big.awsapps.com/start', region: 'us-east-1' });
    const requestId = request?.requestId ?? '';

    emitEvent('sso.discover.progress', { requestId, accounts: 0, rolesListed: 0, userCode: 'ABCD-EFGH' });
    await waitFor(() => expect(status.textContent).toBe('Signing in: approve code ABCD-EFGH on the AWS page that opened.'));
    expect(within(session).getByRole('button', { name: 'Cancel sign-in' })).toBeTruthy();
    // Another page's import: not this one's progress.
    emitEvent('sso.discover.progress', { requestId: 'someone-else', accounts: 9, rolesListed: 9 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(status.textContent).toBe('Signing in: approve code ABCD-EFGH on the AWS page that opened.');
    emitEvent('sso.discover.progress', { requestId, accounts: 2, rolesListed: 1 });
    await waitFor(() => expect(status.textContent).toBe('2 accounts, 1 listed…'));
    expect(within(session).queryByRole('button', { name: 'Cancel sign-in' })).toBeNull();

    // The person types while it lists: the import goes into the text as it is when the answer comes.
    await user.type(editor, '# mine');
    answer(ok({ accounts: ACCOUNTS, requests: 3 }));
    await waitFor(() => expect(editor.value).toContain('[profile team-002-prod/ReadOnlyAccess]'));
    expect(editor.value.startsWith(`${SAVED}# mine\n\n# IAM Identity Center (sso-session big): 3 profiles imported\n`)).toBe(true);
    expect(editor.value).toContain('group = prod');
    expect(status.textContent).toBe('Found 3 roles in 2 accounts. 3 new profiles added to the editor: review them, then Save.');
    expect(sentOf('config.save')).toEqual([]);

    const gone = within(session).getByRole('list', { name: 'Profiles no longer in IAM Identity Center' });
    expect(gone.textContent).toBe('old (line 5): Billing in account 123456789012');
    await user.click(within(gone).getByRole('button', { name: 'old' }));
    expect(editor.value.slice(editor.selectionStart, editor.selectionEnd)).toBe('[profile old]');
  });

  it('a second import of the same accounts adds nothing and says so', async () => {
    const user = userEvent.setup();
    setHandler('sso.discover', () => ok({ accounts: ACCOUNTS, requests: 3 }) as never);
    const { editor, session } = await openEditor();
    const button = within(session).getByRole('button', { name: 'Import accounts and roles' });
    await user.click(button);
    await waitFor(() => expect(editor.value).toContain('team-001-prod/AdministratorAccess'));
    const once = editor.value;
    await user.click(button);
    await waitFor(() => expect(within(session).getByRole('status').textContent).toBe('Found 3 roles in 2 accounts, all already configured: nothing new to add.'));
    expect(editor.value).toBe(once);
  });

  it('an error is one sentence in an alert, and the editor is left as it was', async () => {
    const user = userEvent.setup();
    setHandler('sso.discover', () => fail('sso-denied', 'The sign-in was denied on the AWS page. Sign in again and choose Allow.') as never);
    const { editor, session } = await openEditor();
    await user.click(within(session).getByRole('button', { name: 'Import accounts and roles' }));
    expect((await within(session).findByRole('alert')).textContent).toBe('The sign-in was denied on the AWS page. Sign in again and choose Allow.');
    expect(within(session).queryByRole('status')).toBeNull();
    expect(editor.value).toBe(SAVED);
  });

  it('offers sessions and legacy start URLs of the unsaved text, and nothing without Identity Center', async () => {
    const user = userEvent.setup();
    const editor = await showSaved('[profile a]\nrole_arn = arn:aws:iam::111111111111:role/A\n');
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the settling delay
    expect(screen.queryByRole('region', { name: 'IAM Identity Center' })).toBeNull();
    await user.clear(editor);
    await user.click(editor);
    await user.paste('[profile x]\nsso_start_url = https://old.awsapps.com/start\nsso_region = eu-west-1\nsso_account_id = 111111111111\nsso_role_name = Admin\n');
    const region = await screen.findByRole('region', { name: 'IAM Identity Center' });
    expect(within(region).getByRole('group', { name: 'https://old.awsapps.com/start' })).toBeTruthy();
  });
});
