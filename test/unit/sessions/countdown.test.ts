/** Countdowns and badges: the formats people read, checked on examples and on every duration. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badgeColour, badgeText, formatCountdown, minutesLeft, spokenCountdown } from '../../../src/core/sessions/countdown';
import { readableTextOn } from '../../../src/core/sessions/contrast';

const S = 1000;
const M = 60 * S;
const H = 60 * M;

describe('the countdown', () => {
  it('writes its units out: h and m from an hour up, m and s under an hour, s under a minute; rounds down', () => {
    expect(formatCountdown(0)).toBe('0 s');
    expect(formatCountdown(999)).toBe('0 s');
    expect(formatCountdown(59 * S)).toBe('59 s');
    expect(formatCountdown(M)).toBe('1 m 00 s');
    expect(formatCountdown(5 * M + 7 * S + 400)).toBe('5 m 07 s');
    expect(formatCountdown(H - 1)).toBe('59 m 59 s');
    expect(formatCountdown(H)).toBe('1 h 00 m');
    expect(formatCountdown(H + 5 * M + 59 * S)).toBe('1 h 05 m');
    expect(formatCountdown(2 * H - 1)).toBe('1 h 59 m');
    expect(formatCountdown(12 * H - 1)).toBe('11 h 59 m');
    expect(formatCountdown(-5 * S)).toBe('0 s');
    expect(formatCountdown(Number.NaN)).toBe('0 s');
  });

  it('can never be read as hours when it means minutes, nor the other way round (no bare h:mm or mm:ss)', () => {
    expect(formatCountdown(2 * H - 1)).not.toBe(formatCountdown(H + 59 * S));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36 * H }), (ms) => {
        expect(formatCountdown(ms)).not.toContain(':');
      }),
    );
  });

  it('has the right shape and value for any duration up to 36 hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36 * H }), (ms) => {
        const text = formatCountdown(ms);
        if (ms >= H) {
          expect(text).toMatch(/^[1-9]\d* h [0-5]\d m$/);
          expect(value(text)).toBe(Math.floor(ms / M) * M);
        } else if (ms >= M) {
          expect(text).toMatch(/^[1-5]?\d m [0-5]\d s$/);
          expect(value(text)).toBe(Math.floor(ms / S) * S);
        } else {
          expect(text).toMatch(/^[1-5]?\d s$/);
          expect(value(text)).toBe(Math.floor(ms / S) * S);
        }
      }),
    );
  });

  it('never goes up as time passes', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 13 * H }), fc.integer({ min: 0, max: 2 * H }), (later, gap) => {
      expect(value(formatCountdown(later))).toBeLessThanOrEqual(value(formatCountdown(later + gap)));
    }));
  });

  it('is spelled out for screen readers', () => {
    expect(spokenCountdown(42 * S)).toBe('42 s');
    expect(spokenCountdown(4 * M + 59 * S)).toBe('4 min 59 s');
    expect(spokenCountdown(H + 5 * M)).toBe('1 h 05 min');
    expect(spokenCountdown(2 * H - 1)).toBe('1 h 59 min');
  });
});

/** The milliseconds a countdown text stands for, read from its units. */
function value(text: string): number {
  const unit: Record<string, number> = { h: H, m: M, s: S };
  let ms = 0;
  for (const [, amount = '0', name = ''] of text.matchAll(/(\d+) ([hms])/g)) ms += Number(amount) * (unit[name] ?? Number.NaN);
  return ms;
}

describe('the badge', () => {
  it('shows minutes rounded up up to 99, then hours, and says when the session is over or replaced', () => {
    expect(badgeText('live', 30 * S)).toBe('1m');
    expect(badgeText('live', 5 * M)).toBe('5m');
    expect(badgeText('live', 5 * M + 1)).toBe('6m');
    expect(badgeText('live', 99 * M)).toBe('99m');
    expect(badgeText('live', 99 * M + 1)).toBe('1h');
    expect(badgeText('live', 12 * H)).toBe('12h');
    expect(badgeText('live', 0)).toBe('exp');
    expect(badgeText('expired', 5 * M)).toBe('exp');
    expect(badgeText('replaced', 5 * M)).toBe('old');
  });

  it('fits the badge (4 characters) and never reads 0 minutes while live', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 36 * H }), (ms) => {
        const text = badgeText('live', ms);
        expect(text.length).toBeLessThanOrEqual(4);
        expect(text).not.toBe('0m');
        expect(minutesLeft(ms)).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('is the role colour while live, and neutral colours otherwise', () => {
    expect(badgeColour('live', '#2e7d32', M)).toBe('#2e7d32');
    expect(badgeColour('live', undefined, M)).toMatch(/^#[0-9a-f]{6}$/);
    expect(badgeColour('live', '#2e7d32', 0)).not.toBe('#2e7d32');
    expect(badgeColour('replaced', '#2e7d32', M)).not.toBe('#2e7d32');
  });

  it('puts readable text on any role colour', () => {
    expect(readableTextOn('#ffffff')).toBe('#000000');
    expect(readableTextOn('#2e7d32')).toBe('#ffffff');
    expect(readableTextOn('#fde68a')).toBe('#000000');
    expect(readableTextOn('nonsense')).toBe('#ffffff');
  });
});
