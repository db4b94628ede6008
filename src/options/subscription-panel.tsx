/**
 * The subscription: an https address of a team's configuration (a file in a repository or a bucket). Subscribing
 * asks the browser, in the click, to let the extension read that host (an optional host permission, never granted
 * at install); the file is then fetched and checked, and what it adds, removes or changes is said. Its roles are a
 * read-only group in the popup, fetched again every hour and by hand here; a file that cannot be read or used keeps
 * the copy in use, and the page says so with when that copy was fetched.
 */
import { useEffect, useState } from 'preact/hooks';
import { checkConfigUrl } from '../core/config/config-url';
import { describeDiff } from '../core/config/fetched-config';
import { send, type AppError, type FetchedConfigInfo } from '../messages';
import { onConfigChanged } from '../platform/config-changes';
import { requestHostAccess } from '../platform/host-access';
import { FetchedStatus, when } from './fetched-status';

export function SubscriptionPanel() {
  const [subscription, setSubscription] = useState<FetchedConfigInfo | null | undefined>();
  const [url, setUrl] = useState('');
  const [group, setGroup] = useState('');
  const [said, setSaid] = useState<string | undefined>();
  const [error, setError] = useState<AppError | string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const load = () => void send('subscription.get', {}).then((result) => result.ok && setSubscription(result.value.subscription));
    load();
    return onConfigChanged(load);
  }, []);

  /** Asks for the host in the click (before any await), then runs `then` if the browser allowed it. */
  function withHost(origin: string, then: () => Promise<void>) {
    const asking = requestHostAccess(origin);
    setBusy(true);
    void (async () => {
      try {
        if (await asking) await then();
        else setError(`The browser did not allow reading ${new URL(origin).host}, so nothing was fetched.`);
      } finally {
        setBusy(false);
      }
    })();
  }

  function subscribe(event: Event) {
    event.preventDefault();
    setSaid(undefined);
    const checked = checkConfigUrl(url);
    if (!checked.ok) return setError(checked.reason);
    withHost(checked.origin, async () => {
      const result = await send('subscription.subscribe', { url: checked.url, ...(group.trim() !== '' && { group: group.trim() }) });
      if (!result.ok) return setError(result.error);
      setError(undefined);
      setSubscription(result.value.subscription);
      setUrl('');
      setSaid(`Subscribed: ${describeDiff(result.value.change)}.`);
    });
  }

  function refresh() {
    if (!subscription) return;
    setSaid(undefined);
    withHost(new URL(subscription.url).origin, async () => {
      const result = await send('subscription.refresh', {});
      if (!result.ok) return setError(result.error);
      setError(undefined);
      const next = result.value.subscription;
      setSubscription(next);
      const change = result.value.change;
      if (change) setSaid(`Refreshed: ${describeDiff(change)}.`);
      else if (next?.failure) setSaid(`Not refreshed${next.fetchedAt > 0 ? `: the copy fetched ${when(next.fetchedAt)} is still in use` : ''}.`);
    });
  }

  async function unsubscribe() {
    const result = await send('subscription.unsubscribe', {});
    if (!result.ok) return setError(result.error);
    setSubscription(null);
    setError(undefined);
    setSaid('Unsubscribed: its roles are gone from the popup.');
  }

  if (subscription === undefined) return null;
  const name = 'The subscribed file';
  return (
    <section aria-labelledby="subscription-heading">
      <h2 id="subscription-heading">Subscription</h2>
      <p class="hint">
        A team&apos;s configuration file at an https address (a repository or a bucket): its roles are listed in the popup
        as their own group, read-only, and the file is fetched again every hour. Access keys in it are never kept.
      </p>
      {subscription && (
        <>
          <p>Subscribed as &ldquo;{subscription.group}&rdquo;.</p>
          <FetchedStatus info={subscription} name={name} />
          <div class="actions">
            <button type="button" disabled={busy} onClick={refresh}>Refresh now</button>
            <button type="button" disabled={busy} onClick={() => void unsubscribe()}>Unsubscribe</button>
          </div>
        </>
      )}
      <form class="settings" aria-label="Subscribe" onSubmit={subscribe}>
        <label>
          {subscription ? 'Subscribe to another address instead' : 'https address of the team\u2019s file'}
          {/* An address typed here may carry a credential (a pre-signed URL's signature, user:password@) until Subscribe
              refuses it: kept out of autofill and of Chromium's session-restore files, which keep other fields' text. */}
          <input
            type="url"
            required
            autocomplete="off"
            spellcheck={false}
            placeholder="https://team-roles.s3.eu-west-1.amazonaws.com/roles.ini"
            value={url}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </label>
        <label>
          Group name in the popup (optional)
          <input type="text" placeholder="the file's host" value={group} onInput={(event) => setGroup(event.currentTarget.value)} />
        </label>
        <div class="actions">
          <button type="submit" disabled={busy}>Subscribe</button>
        </div>
      </form>
      {/* Not a second role=status on the page: the editor's save line is the page's status. */}
      <p aria-live="polite">{said}</p>
      {error !== undefined && <p role="alert" class="error">{typeof error === 'string' ? error : error.message}</p>}
    </section>
  );
}
