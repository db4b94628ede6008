/**
 * One Identity Center import on the options page: `sso.discover` in the background (it signs in first when needed,
 * opening the AWS page for the device code), its progress events, and then the profiles written into the editor.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Grouping } from '../core/sso/import-grouping';
import type { DiscoveredAccount, ImportResult } from '../core/sso/import-profiles';
import type { ImportSource } from '../core/sso/import-targets';
import { onEvent, send, type AppError, type EventMap } from '../messages';

export type Progress = EventMap['sso.discover.progress'];

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'running'; progress?: Progress }
  | { kind: 'done'; result: ImportResult; requests: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: AppError };

/** Writes the discovered accounts into the editor's text as it is then (not as it was at the click), and says what changed. */
export type ApplyImport = (accounts: DiscoveredAccount[], grouping: Grouping) => ImportResult;

export function useSsoImport(source: ImportSource, apply: ApplyImport) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  // The request whose progress and answer count: a later click replaces it.
  const current = useRef<string | undefined>(undefined);

  useEffect(
    () =>
      onEvent('sso.discover.progress', (progress) => {
        if (progress.requestId !== current.current) return;
        setState((now) => (now.kind === 'running' ? { kind: 'running', progress } : now));
      }),
    [],
  );

  const start = useCallback(
    (grouping: Grouping) => {
      const requestId = crypto.randomUUID();
      current.current = requestId;
      setState({ kind: 'running' });
      const request = {
        startUrl: source.startUrl,
        region: source.region,
        requestId,
        ...(source.scopes !== undefined && { scopes: source.scopes }),
      };
      void send('sso.discover', request).then((answer) => {
        if (current.current !== requestId) return;
        if (!answer.ok) {
          setState(answer.error.code === 'sso-cancelled' ? { kind: 'cancelled' } : { kind: 'failed', error: answer.error });
          return;
        }
        setState({ kind: 'done', result: apply(answer.value.accounts, grouping), requests: answer.value.requests });
      });
    },
    [source.startUrl, source.region, source.scopes, apply],
  );

  const cancel = useCallback(() => void send('sso.cancel', {}), []);
  return { state, start, cancel };
}
