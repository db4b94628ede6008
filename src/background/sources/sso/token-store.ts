/**
 * IAM Identity Center tokens and client registrations, in `storage.session` only (memory, never disk, never a
 * page): the vault's rules. Keyed by start URL (tokens) and by region and grant (registrations), as the AWS CLI's
 * token cache is.
 */
import { registrationUsable } from '../../../core/sso/token-rules';
import { readStored, writeStored, type SsoClient, type SsoPending, type SsoToken } from '../../../platform/storage';

export async function readToken(startUrl: string): Promise<SsoToken | undefined> {
  const all = (await readStored('sso.tokens')) ?? {};
  return Object.hasOwn(all, startUrl) ? all[startUrl] : undefined;
}

export async function saveToken(token: SsoToken): Promise<void> {
  const all = (await readStored('sso.tokens')) ?? {};
  await writeStored('sso.tokens', { ...all, [token.startUrl]: token });
}

/** Marks the access token as spent (the portal refused it), keeping the refresh token for a new one. */
export async function expireToken(startUrl: string): Promise<void> {
  const token = await readToken(startUrl);
  if (token) await saveToken({ ...token, expiresAt: 0 });
}

export async function forgetToken(startUrl: string): Promise<void> {
  const { [startUrl]: _dropped, ...rest } = (await readStored('sso.tokens')) ?? {};
  await writeStored('sso.tokens', rest);
}

function clientKey(region: string, grant: 'device' | 'code'): string {
  return `${region}|${grant}`;
}

export async function readClient(region: string, grant: 'device' | 'code', now: number): Promise<SsoClient | undefined> {
  const all = (await readStored('sso.clients')) ?? {};
  const key = clientKey(region, grant);
  const found = Object.hasOwn(all, key) ? all[key] : undefined;
  return found && registrationUsable(found.expiresAt, now) ? found : undefined;
}

export async function saveClient(region: string, grant: 'device' | 'code', client: SsoClient): Promise<void> {
  const all = (await readStored('sso.clients')) ?? {};
  await writeStored('sso.clients', { ...all, [clientKey(region, grant)]: client });
}

export async function readPending(startUrl: string): Promise<SsoPending | undefined> {
  const all = (await readStored('sso.pending')) ?? {};
  return Object.hasOwn(all, startUrl) ? all[startUrl] : undefined;
}

export async function writePending(startUrl: string, pending: SsoPending | undefined): Promise<void> {
  const { [startUrl]: _old, ...rest } = (await readStored('sso.pending')) ?? {};
  await writeStored('sso.pending', pending ? { ...rest, [startUrl]: pending } : rest);
}

/** `sso.cancel`: every waiting device sign-in stops at its next poll. */
export async function cancelPending(): Promise<void> {
  const all = (await readStored('sso.pending')) ?? {};
  const cancelled = Object.fromEntries(Object.entries(all).map(([url, pending]) => [url, { ...pending, cancelled: true }]));
  await writeStored('sso.pending', cancelled);
}
