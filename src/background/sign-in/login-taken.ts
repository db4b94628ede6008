/**
 * When a launch page takes its login form (`login.take`): from then on the tab is on its way to AWS, so what it
 * shows next is the login's answer (login-check.ts). Kept in memory for the sign-in in flight only, like the launch
 * pages waiting in login-launch.ts; a worker stopped meanwhile ends that sign-in too.
 */
import type { LoginForm } from '../../messages';

/** Forms not stored yet, by object: login-launch.ts binds them to their one-time id when it stores them. */
const unbound = new WeakMap<LoginForm, () => void>();
const byId = new Map<string, () => void>();

/** Resolves when the launch page takes `form`; `cancel` forgets the wait (the sign-in stopped watching). */
export function whenTaken(form: LoginForm): { taken: Promise<void>; cancel: () => void } {
  let resolve!: () => void;
  const taken = new Promise<void>((done) => {
    resolve = done;
  });
  unbound.set(form, resolve);
  return {
    taken,
    cancel: () => {
      unbound.delete(form);
      for (const [id, waiting] of byId) if (waiting === resolve) byId.delete(id);
    },
  };
}

export function bindTaken(id: string, form: LoginForm): void {
  const waiting = unbound.get(form);
  if (waiting === undefined) return;
  unbound.delete(form);
  byId.set(id, waiting);
}

export function markTaken(id: string): void {
  byId.get(id)?.();
  byId.delete(id);
}
