/**
 * How a start URL signs in: the device code (default, documented, proven by the AWS CLI for years), or through the
 * browser (PKCE) where the person turned it on, unless it already failed there (remembered until turned on again).
 */
import { readStored, writeStored } from '../../../platform/storage';

export interface SignInMethods {
  /** Start URLs set to sign in through the browser. */
  browserSignIn: string[];
  /** Keep Identity Center sign-ins in the vault across browser restarts (off by default). */
  keepInVault: boolean;
  /** Start URL → why sign-in through the browser fell back to the device code. */
  fallbacks: Record<string, string>;
}

export async function loadSignInMethods(): Promise<SignInMethods> {
  const settings = await readStored('sso.settings');
  const fallbacks = (await readStored('sso.fallbacks')) ?? {};
  return {
    browserSignIn: Array.isArray(settings?.browserSignIn) ? settings.browserSignIn.filter((url) => typeof url === 'string') : [],
    keepInVault: settings?.keepInVault === true,
    fallbacks: Object.fromEntries(Object.entries(fallbacks).map(([url, entry]) => [url, String(entry.reason)])),
  };
}

export async function usesBrowserSignIn(startUrl: string): Promise<boolean> {
  const methods = await loadSignInMethods();
  return methods.browserSignIn.includes(startUrl) && !Object.hasOwn(methods.fallbacks, startUrl);
}

/** Turning it on (again) forgets an earlier fallback: the person asks for another try. */
export async function setBrowserSignIn(startUrl: string, on: boolean): Promise<SignInMethods> {
  const current = await loadSignInMethods();
  const urls = new Set(current.browserSignIn);
  if (on) urls.add(startUrl);
  else urls.delete(startUrl);
  await writeStored('sso.settings', { browserSignIn: [...urls].sort(), keepInVault: current.keepInVault });
  const { [startUrl]: _forgotten, ...rest } = (await readStored('sso.fallbacks')) ?? {};
  if (on) await writeStored('sso.fallbacks', rest);
  return loadSignInMethods();
}

export async function rememberFallback(startUrl: string, reason: string): Promise<void> {
  const all = (await readStored('sso.fallbacks')) ?? {};
  await writeStored('sso.fallbacks', { ...all, [startUrl]: { reason, at: Date.now() } });
}

export async function setKeepInVault(on: boolean): Promise<SignInMethods> {
  const current = await loadSignInMethods();
  await writeStored('sso.settings', { browserSignIn: current.browserSignIn, keepInVault: on });
  return loadSignInMethods();
}
