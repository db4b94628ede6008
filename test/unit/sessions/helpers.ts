/** Registry records for the session tests: a live session of the sandbox's Developer role, overridable. */
import { EMPTY_REGISTRY, type SessionRecord, type SessionRegistry } from '../../../src/core/sessions/model';

export const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);
export const MINUTE = 60_000;
export const LAUNCH = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/src/launch/index.html';

export function session(id: string, fields: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id,
    profile: `profile-${id}`,
    accountId: '222222222222',
    roleName: 'Developer',
    assumedRoleArn: `arn:aws:sts::222222222222:assumed-role/Developer/${id}`,
    partition: 'aws',
    region: 'eu-west-1',
    destination: 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1',
    startedAt: T0,
    credentialExpiresAt: T0 + 60 * MINUTE,
    consoleExpiresAt: T0 + 60 * MINUTE,
    store: 'default',
    tabs: [],
    status: 'live',
    warned: false,
    ...fields,
  };
}

export function registry(...sessions: SessionRecord[]): SessionRegistry {
  return { ...EMPTY_REGISTRY, sessions };
}

export function byId(reg: SessionRegistry, id: string): SessionRecord {
  const found = reg.sessions.find((s) => s.id === id);
  if (!found) throw new Error(`no session ${id}`);
  return found;
}
