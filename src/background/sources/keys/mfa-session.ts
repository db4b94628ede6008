/**
 * MFA sessions: the credentials of one GetSessionToken with MFA, per source profile, in storage.session until
 * they expire or the vault locks. Sign-ins within one ask for no code.
 */
import { MFA_SESSION_MARGIN_MS } from '../../../core/mfa';
import { readStored, writeStored, type MfaSession } from '../../../platform/storage';

/** A session still good for a sign-in, made from these long-term keys; undefined otherwise. */
export async function findMfaSession(source: string, keyId: string, now: number = Date.now()): Promise<MfaSession | undefined> {
  const all = (await readStored('mfa.sessions')) ?? {};
  const session = Object.hasOwn(all, source) ? all[source] : undefined;
  if (!session || session.keyId !== keyId || session.expiresAt - MFA_SESSION_MARGIN_MS <= now) return undefined;
  return session;
}

export async function saveMfaSession(source: string, session: MfaSession): Promise<void> {
  const all = (await readStored('mfa.sessions')) ?? {};
  await writeStored('mfa.sessions', { ...all, [source]: session });
}

/** Drops one source's session (keys replaced or removed, or AWS refused it); all of them without a source. */
export async function forgetMfaSessions(source?: string): Promise<void> {
  if (source === undefined) {
    await writeStored('mfa.sessions', {});
    return;
  }
  const { [source]: _dropped, ...rest } = (await readStored('mfa.sessions')) ?? {};
  await writeStored('mfa.sessions', rest);
}
