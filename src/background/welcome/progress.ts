/**
 * The welcome page's three steps (issue 14), decided here from what the extension already keeps: the roles in force,
 * the vault's keys for the sources they start from, Identity Center sign-ins, console switches and sign-ins. The
 * page asks again whenever one of those changes in storage (src/platform/stored-changes.ts), so a step ticks when the
 * person does it, wherever they did it (this page, the options page, the popup). Facts only, never a key or token.
 */
import { readLastRoles } from '../../core/console-switch/auto-assume';
import type { WelcomeProgress } from '../../messages';
import { openWelcomePage } from '../../platform/runtime';
import { readStored } from '../../platform/storage';
import { loadConfig } from '../config/store';
import type { HandlerMap } from '../handler-map';
import { keyRoots, missingKeySources } from '../sources/keys/missing-keys';

export const welcomeHandlers: HandlerMap<'welcome.progress'> = {
  'welcome.progress': async () => welcomeProgress(),
};

export async function welcomeProgress(): Promise<WelcomeProgress> {
  const model = await loadConfig();
  const [missing, tokens, ssoSealed, registry, recent, lastRoles] = await Promise.all([
    missingKeySources(model),
    readStored('sso.tokens'),
    readStored('vault.ssoSealed'),
    readStored('sessions.registry'),
    readStored('roles.recent'),
    readStored('console.lastRoles'),
  ]);
  const roots = keyRoots(model);
  return {
    roles: model.roles.length,
    keySources: missing === null ? null : roots.filter((source) => !missing.includes(source)),
    // A token in memory (refreshable when spent) or one kept in the vault: the next sign-in needs no approval again.
    identityCenter: Object.keys(tokens ?? {}).length > 0 || (ssoSealed?.startUrls?.length ?? 0) > 0,
    consoleSwitched: Object.keys(readLastRoles(lastRoles)).length > 0,
    // A console the extension opened (refused logins aside), or a role the popup recorded after a success.
    signedIn: (registry?.sessions ?? []).some((session) => session.status !== 'refused') || Object.keys(recent ?? {}).length > 0,
  };
}

/** `runtime.onInstalled`: a first install opens the welcome page; an update or a browser's update does not. */
export async function openWelcomeOnInstall(details: { reason: string }): Promise<void> {
  if (details.reason !== 'install') return;
  await openWelcomePage();
}
