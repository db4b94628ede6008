/** The IAM Identity Center messages: cancel a waiting device sign-in, and discovery for the options page. */
import type { SsoMethod } from '../../../messages';
import { webAuthOffered } from '../../../platform/web-auth';
import { loadConfig } from '../../config/store';
import type { HandlerMap } from '../../handler-map';
import { discoverAccounts } from './discover';
import { forgetKeptSsoSignIn } from '../../vault/sso-box';
import { loadSignInMethods, setBrowserSignIn, setKeepInVault, type SignInMethods } from './sign-in-method';
import { cancelPending } from './token-store';

export const ssoHandlers: HandlerMap<'sso.cancel' | 'sso.discover' | 'sso.methods' | 'sso.setMethod' | 'sso.setKeepInVault'> = {
  'sso.setKeepInVault': async ({ on }) => {
    const methods = await setKeepInVault(on === true);
    // Turned off: nothing of Identity Center stays in the vault.
    if (!methods.keepInVault) await forgetKeptSsoSignIn();
    return methodsAnswer(methods);
  },
  'sso.methods': async () => methodsAnswer(await loadSignInMethods()),
  'sso.setMethod': async ({ startUrl, browser }) => methodsAnswer(await setBrowserSignIn(String(startUrl), browser === true)),
  'sso.cancel': async () => {
    await cancelPending();
    return { cancelled: true };
  },
  'sso.discover': async ({ startUrl, region, scopes, requestId }) =>
    discoverAccounts({
      startUrl: String(startUrl),
      region: String(region),
      ...(typeof scopes === 'string' && { scopes }),
      ...(typeof requestId === 'string' && { requestId }),
    }),
};

/** The start URLs of the configuration in force, each with how it signs in. */
async function methodsAnswer(methods: SignInMethods): Promise<{ startUrls: SsoMethod[]; offered: boolean; keepInVault: boolean }> {
  const config = await loadConfig();
  const urls = [...new Set([...config.ssoSessions.map((s) => s.startUrl), ...config.sources.flatMap((s) => (s.kind === 'sso' ? [s.startUrl] : []))])];
  return {
    offered: webAuthOffered(),
    keepInVault: methods.keepInVault,
    startUrls: urls.map((startUrl) => ({
      startUrl,
      browser: methods.browserSignIn.includes(startUrl),
      ...(Object.hasOwn(methods.fallbacks, startUrl) && { fellBack: methods.fallbacks[startUrl] }),
    })),
  };
}
