/**
 * One sign-in at a time, as a small state machine: running (with the step the background reports), then done,
 * or an inline prompt (vault passphrase, MFA code) that retries the same sign-in, or an error with a retry.
 * The search text lives elsewhere, so none of these states can lose it.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onEvent, send, type AppError, type EventMap, type OpenIn, type SignInWay } from '../src/messages';
import { openOptionsAt } from './open-options';
import { terminalText, type TerminalFormat } from '../src/core/terminal-credentials';

export interface Attempt {
  profile: string;
  /** Undefined: where the person's sign-in settings say. */
  openIn: OpenIn | undefined;
  /** Keys or the console tab in front, as Alt asked for a role that could go either way; undefined: decided. */
  way?: SignInWay | undefined;
  /** Credentials for a terminal in this shell's syntax, copied to the clipboard, instead of a console (role-menu.tsx). */
  terminal?: TerminalFormat;
  /**
   * The row said this source has no keys: a `no-keys` answer opens the keys form (the row's promise) instead of an
   * error. Still asked of the worker, which decides at the click: a console tab in front may switch to the role.
   */
  keysMissingFor?: string;
  /** The console's region and service chosen in the role's menu ("Open in…", role-menu.tsx), over the profile's. */
  region?: string;
  service?: string;
}

export type Progress = EventMap['signIn.progress'];

export type SignInState =
  | { kind: 'idle' }
  | { kind: 'running'; attempt: Attempt; progress?: Progress }
  | { kind: 'passphrase'; attempt: Attempt; error?: string }
  | { kind: 'unlocking'; attempt: Attempt }
  | { kind: 'mfa'; attempt: Attempt; mfaSerial?: string; error?: string }
  | { kind: 'failed'; attempt: Attempt; error: AppError }
  /** `notes`: what AWS changed from what was asked (duration caps, retries), to show under the success line. */
  | { kind: 'done'; attempt: Attempt; assumedRoleArn: string; notes: string[] }
  /**
   * Terminal credentials: `copied` once on the clipboard; otherwise the text waits in this page's memory (never
   * stored) for the Copy button, when the browser refused a write long after the click that asked.
   */
  | { kind: 'credentials'; attempt: Attempt; text: string; expiresAt: number; copied: boolean };

export interface SignIn {
  state: SignInState;
  start: (attempt: Attempt) => void;
  submitPassphrase: (passphrase: string) => void;
  submitMfaCode: (code: string) => void;
  retry: () => void;
  /** Writes waiting terminal credentials to the clipboard (the Copy button's click). */
  copy: () => void;
  /** Closes a prompt or a message; a running sign-in cannot be cancelled (the background finishes it). */
  dismiss: () => void;
}

function newRequestId(): string {
  return crypto.randomUUID();
}

export function useSignIn(onSignedIn: (profile: string) => void): SignIn {
  const [state, setState] = useState<SignInState>({ kind: 'idle' });
  // The request whose answer and progress events count; a dismissed or replaced attempt's answer is ignored.
  const current = useRef<string | undefined>(undefined);
  /** `signIn.notes` that came before the sign-in's answer: added to it. */
  const lateNotes = useRef<string[]>([]);

  useEffect(
    () =>
      onEvent('signIn.progress', (progress) => {
        if (progress.requestId !== current.current) return;
        setState((now) => (now.kind === 'running' ? { ...now, progress } : now));
      }),
    [],
  );
  // What the background found once the login was on its way (it fell back to the other method): under the success line.
  useEffect(
    () =>
      onEvent('signIn.notes', ({ requestId, notes }) => {
        if (requestId !== current.current) return;
        setState((now) => {
          if (now.kind === 'done') return { ...now, notes: [...now.notes, ...notes] };
          lateNotes.current.push(...notes); // the sign-in's own answer is still on its way
          return now;
        });
      }),
    [],
  );

  const run = useCallback(
    (attempt: Attempt, mfaCode?: string) => {
      const requestId = newRequestId();
      current.current = requestId;
      lateNotes.current = [];
      setState({ kind: 'running', attempt });
      const request = {
        profile: attempt.profile,
        requestId,
        ...(attempt.openIn !== undefined && { openIn: attempt.openIn }),
        ...(attempt.way !== undefined && { way: attempt.way }),
        ...(attempt.region !== undefined && { region: attempt.region }),
        ...(attempt.service !== undefined && { service: attempt.service }),
        ...(mfaCode !== undefined && { mfaCode }),
      };
      if (attempt.terminal !== undefined) {
        const format = attempt.terminal;
        void send('credentials.forTerminal', { profile: attempt.profile, ...(mfaCode !== undefined && { mfaCode }) }).then(async (result) => {
          if (current.current !== requestId) return;
          if (!result.ok) return setState(afterError(attempt, result.error));
          const text = terminalText(result.value.profile, result.value, format);
          const copied = await writeClipboard(text);
          if (current.current === requestId) setState({ kind: 'credentials', attempt, text, expiresAt: result.value.expiresAt, copied });
        });
        return;
      }
      void send('signIn', request).then(
        (result) => {
          if (current.current !== requestId) return;
          if (result.ok) {
            setState({ kind: 'done', attempt, assumedRoleArn: result.value.assumedRoleArn, notes: [...(result.value.notes ?? []), ...lateNotes.current] });
            onSignedIn(attempt.profile);
          } else if (result.error.code === 'no-keys' && attempt.keysMissingFor !== undefined) {
            current.current = undefined;
            setState({ kind: 'idle' });
            void openOptionsAt('keys', attempt.keysMissingFor);
          } else {
            setState(afterError(attempt, result.error));
          }
        },
      );
    },
    [onSignedIn],
  );

  const start = useCallback(
    (attempt: Attempt) => {
      if (state.kind === 'running' || state.kind === 'unlocking') return;
      run(attempt);
    },
    [run, state.kind],
  );

  const submitPassphrase = useCallback(
    (passphrase: string) => {
      if (state.kind !== 'passphrase') return;
      const { attempt } = state;
      const requestId = newRequestId();
      current.current = requestId;
      setState({ kind: 'unlocking', attempt });
      void send('vault.unlock', { passphrase }).then((result) => {
        if (current.current !== requestId) return;
        if (result.ok) run(attempt);
        else if (result.error.code === 'wrong-passphrase') setState({ kind: 'passphrase', attempt, error: result.error.message });
        else setState({ kind: 'failed', attempt, error: result.error });
      });
    },
    [run, state],
  );

  const submitMfaCode = useCallback(
    (code: string) => {
      if (state.kind === 'mfa') run(state.attempt, code);
    },
    [run, state],
  );

  const retry = useCallback(() => {
    if (state.kind === 'failed') run(state.attempt);
  }, [run, state]);

  const copy = useCallback(() => {
    if (state.kind !== 'credentials') return;
    const waiting = state;
    void writeClipboard(waiting.text).then((copied) => setState((now) => (now === waiting ? { ...waiting, copied } : now)));
  }, [state]);

  const dismiss = useCallback(() => {
    if (state.kind === 'running' || state.kind === 'unlocking') return;
    current.current = undefined;
    setState({ kind: 'idle' });
  }, [state.kind]);

  return { state, start, submitPassphrase, submitMfaCode, retry, copy, dismiss };
}

/** False when the browser refuses (no recent click: an MFA prompt or a slow AWS outlasted the click's activation). */
async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Which state an error leads to: a prompt when the person can supply what is missing, else the message. */
export function afterError(attempt: Attempt, error: AppError): SignInState {
  switch (error.code) {
    case 'vault-locked':
      return { kind: 'passphrase', attempt };
    case 'mfa-required':
      return { kind: 'mfa', attempt, ...(error.mfaSerial !== undefined && { mfaSerial: error.mfaSerial }) };
    case 'mfa-invalid':
      return { kind: 'mfa', attempt, error: error.message, ...(error.mfaSerial !== undefined && { mfaSerial: error.mfaSerial }) };
    default:
      return { kind: 'failed', attempt, error };
  }
}
