/**
 * The address bar's keyword (manifest `omnibox.keyword`: type `aws`, a space, then any part of a role's name,
 * account, alias, role name, group or region): the popup's matching (src/core/role-search.ts) over the roles in
 * force, a few suggestions, and Enter signs in to the one chosen (or the best match) as a popup click would,
 * opening the console where the browser asks (the current tab by default). What cannot be asked here (an MFA code,
 * the vault's passphrase) comes back as a notification saying what to do, as any other failure does.
 */
import browser, { type Omnibox } from 'webextension-polyfill';
import { bestMatches } from '../core/role-search';
import type { OpenIn, RoleSummary } from '../messages';
import { message } from '../platform/i18n';
import { showNotice } from '../platform/notifications';
import { readStored } from '../platform/storage';
import { loadConfig } from './config/store';
import { toSummary } from './config/roles-index';
import { registerSignIn } from './sessions/register';
import { signIn } from './sign-in/sign-in';

/** Chrome shows up to about eight; more would hide the best ones below the fold. */
const SUGGESTIONS = 6;
export const OMNIBOX_FAILED = 'omnibox.failed';

/** Chrome reads a suggestion's description as XML (`&`, `<` must be escaped); Firefox shows it as plain text. */
function descriptionText(text: string, xml: boolean): string {
  return xml ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;
}

function describe(role: RoleSummary): string {
  const account = role.accountAlias === undefined ? role.accountId : `${role.accountAlias} (${role.accountId})`;
  return [role.profile, account, role.roleName, role.region].filter((part) => part !== undefined).join(' \u00b7 ');
}

async function matches(text: string): Promise<RoleSummary[]> {
  const [config, favourites] = await Promise.all([loadConfig(), readStored('roles.favourites')]);
  return bestMatches(config.roles.map((role) => toSummary(role)), text, new Set(favourites ?? []), SUGGESTIONS);
}

/** Firefox alone has runtime.getBrowserInfo. */
const readsXml = (): boolean => typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo !== 'function';

export async function suggestRoles(text: string): Promise<{ best?: RoleSummary; others: Omnibox.SuggestResult[] }> {
  const found = await matches(text);
  const xml = readsXml();
  const [best, ...rest] = found;
  return {
    ...(best !== undefined && { best }),
    others: rest.map((role) => ({ content: role.profile, description: descriptionText(describe(role), xml) })),
  };
}

const OPEN_IN: Record<Omnibox.OnInputEnteredDisposition, OpenIn> = {
  currentTab: 'current-tab',
  newForegroundTab: 'new-tab',
  newBackgroundTab: 'new-tab',
};

/** Enter: the suggestion picked (its content is the profile name) or the best match of what was typed. */
export async function enterRole(text: string, disposition: Omnibox.OnInputEnteredDisposition): Promise<void> {
  const [role] = await matches(text);
  if (role === undefined) {
    await showNotice(OMNIBOX_FAILED, { title: message('omniboxNoMatchTitle'), message: message('omniboxNoMatchMessage', text.trim()) });
    return;
  }
  try {
    await registerSignIn(signIn({ profile: role.profile, openIn: OPEN_IN[disposition] }));
  } catch (error) {
    const sentence = error instanceof Error ? error.message : String(error);
    await showNotice(OMNIBOX_FAILED, { title: message('omniboxFailedTitle', role.profile), message: sentence });
  }
}

export function registerOmnibox(): void {
  // Listeners at top level of the worker's first run (index.ts); absent where the browser has no omnibox.
  const omnibox = (browser as Partial<typeof browser>).omnibox;
  if (omnibox === undefined) return;
  omnibox.setDefaultSuggestion({ description: message('omniboxDefault') });
  omnibox.onInputChanged.addListener((text, suggest) => {
    void suggestRoles(text).then(({ best, others }) => {
      omnibox.setDefaultSuggestion({
        description: descriptionText(best === undefined ? message('omniboxNoMatchMessage', text.trim()) : message('omniboxSignIn', describe(best)), readsXml()),
      });
      suggest(others);
    }, () => suggest([]));
  });
  omnibox.onInputEntered.addListener((text, disposition) => {
    void enterRole(text, disposition);
  });
}
