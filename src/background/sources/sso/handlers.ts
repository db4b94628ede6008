/** The IAM Identity Center messages: cancel a waiting device sign-in, and discovery for the options page. */
import type { HandlerMap } from '../../handler-map';
import { discoverAccounts } from './discover';
import { cancelPending } from './token-store';

export const ssoHandlers: HandlerMap<'sso.cancel' | 'sso.discover'> = {
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
