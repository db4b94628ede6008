/**
 * How each IAM Identity Center start URL signs in: a device code (the default, which AWS has documented for years)
 * or through the browser (the authorization code with PKCE, which the AWS CLI uses since late 2024; not proven to
 * work from an extension, so it falls back to the device code by itself and says so). Part of the page's Settings
 * when the configuration has an Identity Center: each choice saves as it changes, with "Saved" beside it.
 */
import { useEffect, useState } from 'preact/hooks';
import { send, type AppError, type SsoMethods } from '../messages';
import { requestWebAuth } from '../platform/web-auth';
import { Setting, useSavedMark } from './saved-mark';

export function SsoSignInMethods({ configVersion }: { configVersion: number }) {
  const [methods, setMethods] = useState<SsoMethods | undefined>();
  const [error, setError] = useState<AppError | string | undefined>();
  const { saved, mark } = useSavedMark();

  useEffect(() => {
    void send('sso.methods', {}).then((result) => (result.ok ? setMethods(result.value) : setError(result.error)));
  }, [configVersion]);

  if (!methods || methods.startUrls.length === 0) return null;

  async function keep(on: boolean) {
    const result = await send('sso.setKeepInVault', { on });
    if (result.ok) {
      setMethods(result.value);
      setError(undefined);
      mark('keepInVault');
    } else setError(result.error);
  }

  async function change(startUrl: string, on: boolean) {
    // The permission for the browser's sign-in window is asked for here, on the person's click (no warning shown).
    if (on && !(await requestWebAuth())) return setError('The browser did not allow its sign-in window, so the device code stays in use.');
    const result = await send('sso.setMethod', { startUrl, browser: on });
    if (result.ok) {
      setMethods(result.value);
      setError(undefined);
      mark(`browser:${startUrl}`);
    } else setError(result.error);
  }

  return (
    <div role="group" aria-labelledby="sso-methods-heading">
      <h3 id="sso-methods-heading">IAM Identity Center sign-in</h3>
      {error !== undefined && <p role="alert" class="error">{typeof error === 'string' ? error : error.message}</p>}
      <Setting saved={saved === 'keepInVault'}>
        <label class="check">
          <input type="checkbox" checked={methods.keepInVault} onChange={(event) => void keep(event.currentTarget.checked)} />
          Keep Identity Center sign-ins in the vault
        </label>
      </Setting>
      <p class="hint">
        Off: a sign-in lasts until the browser closes (memory only). On: it is also kept encrypted in the vault, so after
        a restart you type the vault passphrase instead of approving a new code.
      </p>
      {methods.offered && (
        <p class="hint">
          By default you approve a short code on an AWS page. Signing in through the browser (authorization code with
          PKCE) skips the code; it is not yet verified with real AWS from an extension, and falls back to the code if
          AWS refuses it.
        </p>
      )}
      {methods.offered && methods.startUrls.map((method) => (
        <div key={method.startUrl}>
          <Setting saved={saved === `browser:${method.startUrl}`}>
            <label class="check">
              <input type="checkbox" checked={method.browser} onChange={(event) => void change(method.startUrl, event.currentTarget.checked)} />
              Sign in to {method.startUrl} through the browser
            </label>
          </Setting>
          {method.browser && method.fellBack !== undefined && (
            <p class="hint">It did not work last time ({method.fellBack}); the device code is used. Turn it off and on to try again.</p>
          )}
        </div>
      ))}
    </div>
  );
}
