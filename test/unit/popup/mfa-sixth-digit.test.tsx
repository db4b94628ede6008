// @vitest-environment happy-dom
/** The MFA field sends the code at its sixth digit, and one code only once (issue 14, popup/prompt-form.tsx). */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { MfaForm } from '../../../popup/prompt-form';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, resetBrowser, role, rolesList, sentOf, setHandler, signedInAs } from './fake-browser';
import { renderPopup } from './setup';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const codesSent = () => sentOf('signIn').flatMap((request) => (request.mfaCode === undefined ? [] : [request.mfaCode]));

beforeEach(() => resetBrowser(rolesList([role('prod-admin')])));
afterEach(cleanup);

async function mfaPrompt(answer: (code: string) => ReturnType<typeof signedInAs> | Promise<ReturnType<typeof signedInAs>>) {
  setHandler('signIn', ({ mfaCode }) => (mfaCode === undefined ? fail('mfa-required', 'An MFA code is needed.') : answer(mfaCode)));
  const popup = await renderPopup();
  await popup.user.keyboard('{Enter}');
  await screen.findByRole('form', { name: 'MFA code' });
  return { ...popup, field: screen.getByLabelText<HTMLInputElement>('6-digit code') };
}

describe('the MFA field', () => {
  it('sends the code as its sixth digit is typed, not before, and an Enter after it sends nothing more', async () => {
    // AWS takes a moment to answer: the sign-in is still running when a hand adds its Enter out of habit.
    let answer: (value: ReturnType<typeof signedInAs>) => void = () => undefined;
    const { user, field } = await mfaPrompt(() => new Promise((resolve) => (answer = resolve)) as never);
    await user.type(field, '12345');
    expect(codesSent()).toEqual([]);
    await user.type(field, '6');
    await user.keyboard('{Enter}');
    expect(codesSent()).toEqual(['123456']);
    expect(sentOf('signIn')).toHaveLength(2);
    answer(signedInAs('prod-admin', 'arn'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Signed in as/));
    expect(sentOf('signIn')).toHaveLength(2);
  });

  it('sends a pasted code at once, its spaces taken out', async () => {
    const { user, field } = await mfaPrompt((code) => signedInAs('prod-admin', `arn:${code}`));
    await user.click(field);
    await user.paste('654 321');
    await waitFor(() => expect(codesSent()).toEqual(['654321']));
  });

  it('after a refusal, the next code\u2019s sixth digit sends it', async () => {
    const { user } = await mfaPrompt((code) => (code === '111111' ? fail('mfa-invalid', 'AWS refused that MFA code. Wait for the next one and try again.') : signedInAs('prod-admin', 'arn')));
    await user.type(screen.getByLabelText('6-digit code'), '111111');
    await screen.findByRole('alert');
    await user.type(screen.getByLabelText('6-digit code'), '222222');
    await waitFor(() => expect(codesSent()).toEqual(['111111', '222222']));
  });

  it('never sends one code twice, even where the form stays: the sixth digit, then Enter, then the button', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<MfaForm label="MFA code" prompt="A code" error={undefined} onSubmit={onSubmit} onCancel={() => undefined} />);
    await user.type(screen.getByLabelText('6-digit code'), '123456{Enter}');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSubmit.mock.calls).toEqual([['123456']]);
    // A code edited below six digits is a new one.
    await user.type(screen.getByLabelText('6-digit code'), '{Backspace}7');
    expect(onSubmit.mock.calls).toEqual([['123456'], ['123457']]);
  });
});
