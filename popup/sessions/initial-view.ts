/**
 * Which view the popup opens on. `#sessions` opens the Sessions view; `#renew=<id>` also starts renewing that
 * session, which is how the warning notification's Renew button gets a passphrase or MFA code asked for.
 */
export type PopupPage = { kind: 'roles' } | { kind: 'sessions'; renew?: string };

export function initialView(hash: string = location.hash): PopupPage {
  if (hash === '#sessions') return { kind: 'sessions' };
  const renew = /^#renew=([\w-]{1,64})$/.exec(hash)?.[1];
  return renew !== undefined ? { kind: 'sessions', renew } : { kind: 'roles' };
}
