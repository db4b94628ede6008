// @vitest-environment happy-dom
/**
 * The launch page: it takes its one-time login form by the id in its address, drops that id from the address,
 * and submits the form (POST, or GET where AWS refused the POST) to the federation endpoint, and nowhere else.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage } } }));

const FIELDS = { Action: 'login', Issuer: 'role-switcher', Destination: 'https://eu-west-1.console.aws.amazon.com/', SigninToken: 'token-1' };
let submitted: { method: string; action: string; fields: Record<string, string> }[] = [];

async function openLaunchPage(hash: string): Promise<void> {
  document.body.innerHTML = '<p id="status" role="status">Signing in to the AWS console…</p>';
  history.replaceState(null, '', `/src/launch/index.html${hash}`);
  vi.resetModules();
  await import('../../../src/launch/main');
  await vi.waitFor(() => expect(sendMessage.mock.calls.length + (document.getElementById('status')?.textContent?.startsWith('Nothing') ? 1 : 0)).toBeGreaterThan(0));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  submitted = [];
  sendMessage.mockReset();
  vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
    const fields = Object.fromEntries([...this.querySelectorAll('input')].map((input) => [input.name, input.value]));
    submitted.push({ method: this.method.toUpperCase(), action: this.action, fields });
  });
});
afterEach(() => vi.restoreAllMocks());

describe('the launch page', () => {
  it('takes its form by id, forgets the id, and POSTs the login to the federation endpoint', async () => {
    sendMessage.mockResolvedValue({ ok: true, value: { action: 'https://eu-west-1.signin.aws.amazon.com/federation', method: 'post', fields: FIELDS } });
    await openLaunchPage('#abc123');
    expect(sendMessage).toHaveBeenCalledWith({ type: 'login.take', request: { id: 'abc123' } });
    expect(location.hash).toBe('');
    expect(submitted).toEqual([{ method: 'POST', action: 'https://eu-west-1.signin.aws.amazon.com/federation', fields: FIELDS }]);
  });

  it('connects ahead to the AWS hosts its address names, and to no other, while it waits for its form', async () => {
    sendMessage.mockResolvedValue({ ok: true, value: { action: 'https://eu-west-1.signin.aws.amazon.com/federation', method: 'post', fields: FIELDS } });
    document.head.innerHTML = '';
    await openLaunchPage('#abc123/eu-west-1.signin.aws.amazon.com/evil.example/eu-west-1.console.aws.amazon.com');
    expect(sendMessage).toHaveBeenCalledWith({ type: 'login.take', request: { id: 'abc123' } });
    const links = [...document.head.querySelectorAll('link')].map((link) => ({ rel: link.rel, href: link.href, crossOrigin: link.hasAttribute('crossorigin') }));
    // Without crossorigin: the connection a navigation (the login's POST) could use, where the browser allows it.
    expect(links).toEqual([
      { rel: 'preconnect', href: 'https://eu-west-1.signin.aws.amazon.com/', crossOrigin: false },
      { rel: 'preconnect', href: 'https://eu-west-1.console.aws.amazon.com/', crossOrigin: false },
    ]);
    expect(location.hash).toBe('');
  });

  it('sends the documented link (GET) where AWS refused the POST', async () => {
    sendMessage.mockResolvedValue({ ok: true, value: { action: 'https://signin.aws.amazon.com/federation', method: 'get', fields: FIELDS } });
    await openLaunchPage('#abc123');
    expect(submitted.map((s) => s.method)).toEqual(['GET']);
  });

  it('submits nothing to a host that is not a federation endpoint', async () => {
    sendMessage.mockResolvedValue({ ok: true, value: { action: 'https://evil.example/federation', method: 'post', fields: FIELDS } });
    await openLaunchPage('#abc123');
    expect(submitted).toEqual([]);
    expect(document.getElementById('status')?.textContent).toBe('Nothing to sign in to here. Sign in from the extension.');
  });

  it('says why when there is nothing to take, and asks nothing without an id', async () => {
    sendMessage.mockResolvedValue({ ok: false, error: { code: 'bad-request', message: 'This sign-in was already used or has expired. Sign in again.' } });
    await openLaunchPage('#used');
    expect(submitted).toEqual([]);
    expect(document.getElementById('status')?.textContent).toBe('This sign-in was already used or has expired. Sign in again.');
    expect(document.title).toBe('Not signed in to the AWS console');

    // A sign-in that failed once this tab was in front: the popup has closed, so the page says where to go.
    sendMessage.mockResolvedValue({ ok: false, error: { code: 'federation-error', message: 'The AWS sign-in endpoint refused the session (HTTP 503).' } });
    await openLaunchPage('#failed');
    expect(document.getElementById('status')?.textContent).toBe('The AWS sign-in endpoint refused the session (HTTP 503). Open the extension to sign in again.');
    sendMessage.mockResolvedValue({ ok: false, error: { code: 'internal', message: 'Something went wrong while handling "login.take". Try again.' } });
    await openLaunchPage('#failed');
    expect(document.getElementById('status')?.textContent).toBe('The sign-in did not finish. Open the extension to sign in again.');

    sendMessage.mockClear();
    await openLaunchPage('');
    expect(sendMessage).not.toHaveBeenCalled();
    expect(document.getElementById('status')?.textContent).toBe('Nothing to sign in to here. Sign in from the extension.');
  });
});
