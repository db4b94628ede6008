/**
 * The organisation's policy as the options page needs it (its layer, the settings it locks, whether keys may be kept
 * in the vault), asked of the background and asked again when storage says the configuration in force may have
 * changed (a policy pushed, its URL's copy refreshed). `undefined` while loading, `null` without a policy.
 */
import { useEffect, useState } from 'preact/hooks';
import { send, type ManagedInfo } from '../messages';
import { onConfigChanged } from '../platform/config-changes';

export function useManaged(): { managed: ManagedInfo | null | undefined; update: (next: ManagedInfo | null) => void } {
  const [managed, setManaged] = useState<ManagedInfo | null | undefined>();
  useEffect(() => {
    const load = () => void send('managed.get', {}).then((result) => result.ok && setManaged(result.value.managed));
    load();
    return onConfigChanged(load);
  }, []);
  return { managed, update: setManaged };
}
