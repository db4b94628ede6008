import { describe, expect, it } from 'vitest';
import { clampDuration, durationFor, exceedsMaxSessionDuration, formatDuration } from '../../../src/core/durations';

describe('durations', () => {
  it('clamps to what STS accepts', () => {
    expect(clampDuration(60)).toBe(900);
    expect(clampDuration(100_000)).toBe(43_200);
    expect(clampDuration(Number.NaN)).toBe(3_600);
    expect(clampDuration(7_200)).toBe(7_200);
  });

  it('uses the profile, else the default, and caps chained hops at one hour', () => {
    expect(durationFor(28_800, 3_600, false)).toEqual({ seconds: 28_800, cappedByChaining: false });
    expect(durationFor(undefined, 7_200, false)).toEqual({ seconds: 7_200, cappedByChaining: false });
    expect(durationFor(28_800, 3_600, true)).toEqual({ seconds: 3_600, cappedByChaining: true });
    expect(durationFor(1_800, 3_600, true)).toEqual({ seconds: 1_800, cappedByChaining: false });
  });

  it('recognises the MaxSessionDuration refusal', () => {
    expect(exceedsMaxSessionDuration('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.')).toBe(true);
    expect(exceedsMaxSessionDuration('ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.')).toBe(false);
    expect(exceedsMaxSessionDuration('AccessDenied', 'MaxSessionDuration')).toBe(false);
  });

  it('formats for people', () => {
    expect(formatDuration(3_600)).toBe('1 h');
    expect(formatDuration(5_400)).toBe('1 h 30 min');
    expect(formatDuration(900)).toBe('15 min');
  });
});
