/**
 * One renewal at a time, as a small state machine like the sign-in's (../use-sign-in.ts): running (with the step
 * the background reports), then done; or an inline prompt for the vault passphrase or an MFA code that retries
 * the same renewal; or an error with a retry.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onEvent, send, type AppError, type EventMap } from '../../src/messages';

export interface Target {
  id: string;
  profile: string;
}

export type RenewState =
  | { kind: 'idle' }
  | { kind: 'running'; target: Target; progress?: EventMap['signIn.progress'] }
  | { kind: 'passphrase'; target: Target; error?: string }
  | { kind: 'unlocking'; target: Target }
  | { kind: 'mfa'; target: Target; mfaSerial?: string; error?: string }
  | { kind: 'failed'; target: Target; error: AppError }
  | { kind: 'done'; target: Target };

export interface Renew {
  state: RenewState;
  start: (target: Target) => void;
  submitPassphrase: (passphrase: string) => void;
  submitMfaCode: (code: string) => void;
  retry: () => void;
  dismiss: () => void;
}

export function useRenew(): Renew {
  const [state, setState] = useState<RenewState>({ kind: 'idle' });
  const current = useRef<string | undefined>(undefined);
  const busy = state.kind === 'running' || state.kind === 'unlocking';

  useEffect(
    () =>
      onEvent('signIn.progress', (progress) => {
        if (progress.requestId === current.current) setState((now) => (now.kind === 'running' ? { ...now, progress } : now));
      }),
    [],
  );

  const run = useCallback((target: Target, mfaCode?: string) => {
    const requestId = crypto.randomUUID();
    current.current = requestId;
    setState({ kind: 'running', target });
    void send('sessions.renew', { id: target.id, requestId, ...(mfaCode !== undefined && { mfaCode }) }).then((result) => {
      if (current.current !== requestId) return;
      setState(result.ok ? { kind: 'done', target } : afterRenewError(target, result.error));
    });
  }, []);

  const start = useCallback((target: Target) => (busy ? undefined : run(target)), [busy, run]);

  const submitPassphrase = useCallback(
    (passphrase: string) => {
      if (state.kind !== 'passphrase') return;
      const { target } = state;
      const requestId = crypto.randomUUID();
      current.current = requestId;
      setState({ kind: 'unlocking', target });
      void send('vault.unlock', { passphrase }).then((result) => {
        if (current.current !== requestId) return;
        if (result.ok) run(target);
        else if (result.error.code === 'wrong-passphrase') setState({ kind: 'passphrase', target, error: result.error.message });
        else setState({ kind: 'failed', target, error: result.error });
      });
    },
    [run, state],
  );

  const submitMfaCode = useCallback((code: string) => (state.kind === 'mfa' ? run(state.target, code) : undefined), [run, state]);
  const retry = useCallback(() => (state.kind === 'failed' ? run(state.target) : undefined), [run, state]);
  const dismiss = useCallback(() => {
    if (busy) return;
    current.current = undefined;
    setState({ kind: 'idle' });
  }, [busy]);

  return { state, start, submitPassphrase, submitMfaCode, retry, dismiss };
}

/** A prompt when the person can supply what is missing, else the message. */
export function afterRenewError(target: Target, error: AppError): RenewState {
  if (error.code === 'vault-locked') return { kind: 'passphrase', target };
  if (error.code === 'mfa-required' || error.code === 'mfa-invalid') {
    return {
      kind: 'mfa',
      target,
      ...(error.mfaSerial !== undefined && { mfaSerial: error.mfaSerial }),
      ...(error.code === 'mfa-invalid' && { error: error.message }),
    };
  }
  return { kind: 'failed', target, error };
}
