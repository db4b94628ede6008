/**
 * The timers, as the worker sees them: woken at any time, by an alarm that may be late, early or repeated, or by
 * anything else. Whatever the wakes, each session is warned at most once, never after it ended, and ends up where
 * one wake at the last instant would have put it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, nextDeadline, needsTick, type TimelineEvent } from '../../../src/core/sessions/timeline';
import type { SessionRegistry } from '../../../src/core/sessions/model';
import { byId, MINUTE, registry, session, T0 } from './helpers';

describe('advance', () => {
  it('warns once when the warning is due, then marks the session expired at its end', () => {
    let reg = registry(session('a', { tabs: [1], consoleExpiresAt: T0 + 30 * MINUTE }));
    expect(advance(reg, T0 + 24 * MINUTE, 5).events).toEqual([]);
    let step = advance(reg, T0 + 25 * MINUTE, 5);
    expect(step.events).toEqual([{ kind: 'warn', id: 'a' }]);
    reg = step.registry;
    expect(advance(reg, T0 + 26 * MINUTE, 5).events).toEqual([]);
    step = advance(reg, T0 + 30 * MINUTE, 5);
    expect(step.events).toEqual([{ kind: 'expired', id: 'a' }]);
    expect(byId(step.registry, 'a').status).toBe('expired');
    expect(advance(step.registry, T0 + 31 * MINUTE, 5).events).toEqual([]);
  });

  it('skips a warning that comes due after the end (the machine slept through both)', () => {
    const step = advance(registry(session('a', { consoleExpiresAt: T0 + 30 * MINUTE })), T0 + 90 * MINUTE, 5);
    expect(step.events).toEqual([{ kind: 'expired', id: 'a' }]);
  });

  it('warns at once a session shorter than the warning time, and never with the warning off', () => {
    expect(advance(registry(session('a', { consoleExpiresAt: T0 + 2 * MINUTE })), T0, 5).events).toEqual([{ kind: 'warn', id: 'a' }]);
    expect(advance(registry(session('a', { consoleExpiresAt: T0 + 2 * MINUTE })), T0, 0).events).toEqual([]);
  });

  it('leaves sessions that are not live alone, and returns the same registry when nothing is due', () => {
    const reg = registry(session('a', { status: 'replaced', consoleExpiresAt: T0 }), session('b', { status: 'expired' }));
    expect(advance(reg, T0 + 99 * MINUTE, 5).registry).toBe(reg);
  });
});

describe('wakes at any times', () => {
  const sessions = fc.array(fc.record({ ends: fc.integer({ min: 1, max: 120 }), warned: fc.boolean() }), { minLength: 1, maxLength: 5 });
  const wakes = fc.array(fc.integer({ min: 0, max: 180 }), { minLength: 1, maxLength: 20 });

  it('warn each session at most once, never after its end, and agree with one wake at the last instant', () => {
    fc.assert(
      fc.property(sessions, wakes, fc.integer({ min: 0, max: 30 }), (specs, minutes, warnMinutes) => {
        const start: SessionRegistry = registry(
          ...specs.map((spec, i) => session(`s${i}`, { consoleExpiresAt: T0 + spec.ends * MINUTE, warned: spec.warned })),
        );
        // Sorted: the clock only moves forward; duplicates are alarms firing twice.
        const times = [...minutes].sort((a, b) => a - b).map((m) => T0 + m * MINUTE);
        let reg = start;
        const events: TimelineEvent[] = [];
        for (const now of times) {
          const step = advance(reg, now, warnMinutes);
          events.push(...step.events);
          reg = step.registry;
        }
        const last = times.at(-1) ?? T0;
        expect(reg).toEqual(advance(start, last, warnMinutes).registry);
        specs.forEach((spec, i) => {
          const id = `s${i}`;
          const warns = events.filter((e) => e.kind === 'warn' && e.id === id);
          const expiries = events.filter((e) => e.kind === 'expired' && e.id === id);
          expect(warns.length).toBeLessThanOrEqual(spec.warned ? 0 : 1);
          expect(expiries.length).toBe(last >= T0 + spec.ends * MINUTE ? 1 : 0);
          if (warns.length > 0 && expiries.length > 0) expect(events.indexOf(warns[0] as TimelineEvent)).toBeLessThan(events.indexOf(expiries[0] as TimelineEvent));
        });
      }),
    );
  });

  it('the next deadline is the soonest warning or end still to come', () => {
    fc.assert(
      fc.property(sessions, fc.integer({ min: 0, max: 30 }), (specs, warnMinutes) => {
        const reg = registry(...specs.map((spec, i) => session(`s${i}`, { consoleExpiresAt: T0 + spec.ends * MINUTE, warned: spec.warned })));
        const next = nextDeadline(reg, warnMinutes);
        const expected = Math.min(
          ...specs.flatMap((spec) => {
            const end = T0 + spec.ends * MINUTE;
            return spec.warned || warnMinutes === 0 ? [end] : [end - warnMinutes * MINUTE, end];
          }),
        );
        expect(next).toBe(expected);
        // Nothing happens before it: an early wake changes nothing.
        expect(advance(reg, expected - 1, warnMinutes).events).toEqual([]);
        expect(advance(reg, expected, warnMinutes).events.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('the badge refresh', () => {
  it('runs while a live session has a tab', () => {
    expect(needsTick(registry(session('a', { tabs: [1] })))).toBe(true);
    expect(needsTick(registry(session('a', { tabs: [] })))).toBe(false);
    expect(needsTick(registry(session('a', { tabs: [1], status: 'expired' })))).toBe(false);
    expect(nextDeadline(registry(session('a', { status: 'expired' })), 5)).toBeUndefined();
  });
});
