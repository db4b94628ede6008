/**
 * The address bar's keyword: the popup's matching, the best match first, Enter signs in to the role picked (or the
 * best match) where the browser asks, and what fails comes back as a notification. The sign-in itself is the
 * popup's (stubbed here; the e2e tests run it against the sandbox).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import { bestMatches } from '../../../src/core/role-search';

type Listener = (...args: never[]) => void;
const hoisted = vi.hoisted(() => {
  const listeners: Record<string, (...args: unknown[]) => void> = {};
  const event = (name: string) => ({ addListener: (listener: (...args: unknown[]) => void) => { listeners[name] = listener; } });
  const runtime: { getBrowserInfo?: () => undefined } = {};
  return {
    listeners,
    defaults: [] as string[],
    browser: {
      runtime,
      omnibox: {
        setDefaultSuggestion: (suggestion: { description: string }) => { hoisted.defaults.push(suggestion.description); },
        onInputChanged: event('changed'),
        onInputEntered: event('entered'),
      },
    },
    signIn: vi.fn(),
    showNotice: vi.fn(),
    favourites: [] as string[],
  };
});
vi.mock('webextension-polyfill', () => ({ default: hoisted.browser }));
vi.mock('../../../src/platform/i18n', () => ({ message: (key: string, ...args: string[]) => [key, ...args].join(':') }));
vi.mock('../../../src/platform/notifications', () => ({ showNotice: hoisted.showNotice }));
vi.mock('../../../src/platform/storage', () => ({ readStored: () => Promise.resolve(hoisted.favourites) }));
vi.mock('../../../src/background/sign-in/sign-in', () => ({ signIn: hoisted.signIn }));
vi.mock('../../../src/background/sessions/register', () => ({ registerSignIn: (signingIn: Promise<unknown>) => signingIn }));
vi.mock('../../../src/background/config/store', () => ({
  loadConfig: () => Promise.resolve(parseConfig(`
[alice]
[dev-developer]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
region = eu-west-1
[prod-readonly]
role_arn = arn:aws:iam::333333333333:role/ReadOnly
source_profile = alice
aws_account_alias = acme<prod>&co
[dev]
role_arn = arn:aws:iam::444444444444:role/Dev
source_profile = alice
`)),
}));

const { registerOmnibox } = await import('../../../src/background/omnibox');
registerOmnibox();

function changed(text: string): Promise<{ description: string; content: string }[]> {
  return new Promise((resolve) => (hoisted.listeners.changed as Listener & ((t: string, s: (r: never) => void) => void))(text, resolve));
}
const entered = async (text: string, disposition = 'currentTab') => {
  hoisted.listeners.entered?.(text, disposition);
  await vi.waitFor(() => expect(hoisted.signIn.mock.calls.length + hoisted.showNotice.mock.calls.length).toBeGreaterThan(0));
};

beforeEach(() => {
  hoisted.signIn.mockReset();
  hoisted.showNotice.mockReset();
  hoisted.defaults.length = 0;
  hoisted.favourites = [];
  delete hoisted.browser.runtime.getBrowserInfo;
});

describe('bestMatches', () => {
  const roles = parseConfig('[a]\n[x-dev]\nrole_arn = arn:aws:iam::222222222222:role/A\nsource_profile = a\n[dev]\nrole_arn = arn:aws:iam::222222222222:role/B\nsource_profile = a\n[devops]\nrole_arn = arn:aws:iam::222222222222:role/C\nsource_profile = a\n[star-dev]\nrole_arn = arn:aws:iam::222222222222:role/D\nsource_profile = a\n')
    .roles.map((role) => ({ ...role, profile: role.name, source: 'a' }));
  it('puts the exact name first, then names that start with the query, then starred roles, each in configuration order', () => {
    expect(bestMatches(roles, 'dev', new Set(['star-dev']), 10).map((role) => role.profile)).toEqual(['dev', 'devops', 'star-dev', 'x-dev']);
    expect(bestMatches(roles, 'dev', new Set(), 2).map((role) => role.profile)).toEqual(['dev', 'devops']);
    expect(bestMatches(roles, '  ', new Set(), 10)).toEqual([]);
    expect(bestMatches(roles, 'dev 999', new Set(), 10)).toEqual([]);
  });
});

describe('the address bar keyword', () => {
  it('shows the best match as what Enter does and the others as suggestions, escaped for Chrome\u2019s XML', async () => {
    const others = await changed('prod');
    expect(others).toEqual([]);
    expect(hoisted.defaults.at(-1)).toBe('omniboxSignIn:prod-readonly \u00b7 acme&lt;prod&gt;&amp;co (333333333333) \u00b7 ReadOnly');
    const dev = await changed('dev');
    expect(hoisted.defaults.at(-1)).toContain('omniboxSignIn:dev \u00b7 444444444444');
    expect(dev.map((suggestion) => suggestion.content)).toEqual(['dev-developer']);
  });

  it('in Firefox, shows the text as it is (plain text there)', async () => {
    hoisted.browser.runtime.getBrowserInfo = () => undefined;
    await changed('prod');
    expect(hoisted.defaults.at(-1)).toContain('acme<prod>&co');
  });

  it('signs in to the role picked, where the browser asks', async () => {
    hoisted.signIn.mockResolvedValue({});
    await entered('dev-developer', 'newForegroundTab');
    expect(hoisted.signIn).toHaveBeenCalledWith({ profile: 'dev-developer', openIn: 'new-tab' });
  });

  it('signs in to the best match of what was typed, in the current tab', async () => {
    hoisted.signIn.mockResolvedValue({});
    await entered('eu-west-1');
    expect(hoisted.signIn).toHaveBeenCalledWith({ profile: 'dev-developer', openIn: 'current-tab' });
  });

  it('says so when nothing matches, and when the sign-in fails (its sentence, as the popup shows it)', async () => {
    await entered('nothing-like-this');
    expect(hoisted.signIn).not.toHaveBeenCalled();
    expect(hoisted.showNotice).toHaveBeenCalledWith('omnibox.failed', { title: 'omniboxNoMatchTitle', message: 'omniboxNoMatchMessage:nothing-like-this' });

    hoisted.showNotice.mockReset();
    hoisted.signIn.mockRejectedValue(new Error('The vault is locked: open the popup and unlock it.'));
    await entered('dev');
    await vi.waitFor(() => expect(hoisted.showNotice).toHaveBeenCalledWith('omnibox.failed', { title: 'omniboxFailedTitle:dev', message: 'The vault is locked: open the popup and unlock it.' }));
  });
});
