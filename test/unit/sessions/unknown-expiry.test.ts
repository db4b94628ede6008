/** A session whose end the console never told (a console switch): no countdown, no badge number, no timer. */
import { describe, expect, it } from 'vitest';
import { badgeText, timeUnknown, UNKNOWN_EXPIRY } from '../../../src/core/sessions/countdown';
import type { SessionRecord } from '../../../src/core/sessions/model';
import { advance, nextDeadline } from '../../../src/core/sessions/timeline';

const now = Date.UTC(2026, 0, 1);
const session = {
  id: 's', profile: 'demo-dev', accountId: '222222222222', roleName: 'Developer', assumedRoleArn: 'arn:aws:sts::222222222222:assumed-role/Developer/carol',
  partition: 'aws', region: 'eu-west-1', destination: 'https://eu-west-1.console.aws.amazon.com/', startedAt: now,
  credentialExpiresAt: UNKNOWN_EXPIRY, consoleExpiresAt: UNKNOWN_EXPIRY, store: 'default', tabs: [1], status: 'live', warned: false,
} satisfies SessionRecord;

describe('an unknown expiry', () => {
  it('shows no time and schedules nothing, ever', () => {
    expect(timeUnknown(UNKNOWN_EXPIRY - now)).toBe(true);
    expect(timeUnknown(12 * 3_600_000)).toBe(false);
    expect(badgeText('live', UNKNOWN_EXPIRY - now)).toBe('');
    const registry = { sessions: [session], modes: {} };
    expect(nextDeadline(registry, 5)).toBeUndefined();
    expect(advance(registry, now + 400 * 24 * 3_600_000, 5).events).toEqual([]);
  });
});
