/** What the background answers to each message. */
import type { MessageName } from '../messages';
import { removeStaleContainers } from '../platform/containers';
import type { HandlerMap } from './handler-map';
import { loadConfig, loadStoredConfig } from './config/store';
import { keyHandlers } from './sources/keys/handlers';
import { missingKeyHandlers } from './sources/keys/missing-keys';
import { refreshRolesIndex, saveConfigWithIndex, toDiagnostic } from './config/roles-index';
import { layerHandlers } from './config/layer-handlers';
import { withFix } from './sign-in/error-fix';
import { signIn } from './sign-in/sign-in';
import { credentialsForTerminal } from './sign-in/terminal';
import { loadSignInSettings, saveSignInSettings } from './sign-in/settings';
import { vaultHandlers } from './vault/handlers';
import { registerSignIn } from './sessions/register';
import { sessionHandlers } from './sessions/handlers';
import { ssoHandlers } from './sources/sso/handlers';
import { consoleHandlers } from './sources/console/console-offer';
import { warmConnections } from './warming/warm-connections';
import { welcomeHandlers } from './welcome/progress';

type Handlers = HandlerMap<MessageName>;

export const handlers: Handlers = {
  'roles.list': async () => {
    const { model, roles } = await refreshRolesIndex();
    return { roles, diagnostics: model.diagnostics.map(toDiagnostic) };
  },
  'config.get': async () => {
    const [stored, model] = await Promise.all([loadStoredConfig(), loadConfig()]);
    // What the layers beside the text cost it (a profile of a name the organisation's configuration has): its lines.
    const shadowed = model.diagnostics.filter((d) => d.code.startsWith('shadowed-')).map(toDiagnostic);
    return { ...stored, shadowed };
  },
  'config.save': async ({ text }) => {
    // The configuration and the popup's index are saved together, or neither (the last good one stays).
    const { saved, model, stored, text: savedText, removed } = await saveConfigWithIndex(text);
    if (saved) {
      // Firefox: removes the containers made for profiles that are gone (src/platform/containers.ts). A profile
      // skipped for an error is not gone: its container (and the console cookies in it) waits for the fix.
      await removeStaleContainers([...model.roles, ...model.skipped].map((profile) => profile.name));
    }
    const removedDiagnostics = removed.map((entry) => ({
      line: entry.line,
      severity: 'warning' as const,
      message: `${entry.key} was taken out before saving: access keys are never stored in the configuration ` +
        '(it is unencrypted and syncs). Keep them in the vault, under Access keys.',
      ...(entry.profile !== undefined && { profile: entry.profile }),
    }));
    return {
      saved,
      // The text's own roles in force (the layers' are counted on their panels).
      roleCount: model.roles.filter((role) => role.layer === undefined).length,
      diagnostics: [...removedDiagnostics, ...model.diagnostics.map(toDiagnostic)],
      stored,
      text: savedText,
      removedKeys: removed,
    };
  },
  // The organisation's policy and the subscription, beside the text (config/layer-handlers.ts).
  ...layerHandlers,
  // Access keys (keys-handlers.ts) and the vault (vault-handlers.ts).
  ...keyHandlers,
  // Which key sources have no keys, for the popup's rows (sources/keys/missing-keys.ts).
  ...missingKeyHandlers,
  ...vaultHandlers,
  // Every console the extension opens becomes a tracked session (sessions-register.ts).
  signIn: async (request) =>
    registerSignIn(signIn(request)).catch(async (error: unknown) => {
      throw withFix(error, await loadConfig().catch(() => undefined), request.profile);
    }),
  ...sessionHandlers,
  // IAM Identity Center: cancel a waiting sign-in, discovery (sources/sso/).
  ...ssoHandlers,
  // The console in the tab in front, for the popup's rows (sources/console/console-offer.ts).
  ...consoleHandlers,
  // Connections to the likely roles' AWS hosts, opened before the click (warming/warm-connections.ts).
  'connections.warm': async (request) => warmConnections(typeof request.profile === 'string' ? { profile: request.profile } : {}),
  // Copy credentials for the terminal (sign-in/terminal.ts): the same chain and errors as a sign-in.
  'credentials.forTerminal': async (request) =>
    credentialsForTerminal(request).catch(async (error: unknown) => {
      throw withFix(error, await loadConfig().catch(() => undefined), request.profile);
    }),
  'settings.get': async () => loadSignInSettings(),
  'settings.save': async (change) => saveSignInSettings(change),
  // The welcome page's steps (welcome/progress.ts).
  ...welcomeHandlers,
};
