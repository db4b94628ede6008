/** Which way a sign-in goes when the console tab in front could stand in (issue 13): keys, or the console's switch. */
import { describe, expect, it } from 'vitest';
import { askedWay, otherWay, signInWay } from '../../../src/core/console-switch/way';

describe('the way a sign-in goes', () => {
  it('without keys: the console, whatever the default (the switch says plainly when the role is not one switch away)', () => {
    for (const preferred of ['keys', 'console'] as const) {
      expect(signInWay({ keys: false, offered: true, preferred })).toBe('console');
      expect(signInWay({ keys: false, offered: false, preferred })).toBe('console');
    }
  });

  it('with keys and on the console\u2019s offer: the default way', () => {
    expect(signInWay({ keys: true, offered: true, preferred: 'keys' })).toBe('keys');
    expect(signInWay({ keys: true, offered: true, preferred: 'console' })).toBe('console');
  });

  it('with keys and not on the offer: keys, even when the default is the console', () => {
    expect(signInWay({ keys: true, offered: false, preferred: 'console' })).toBe('keys');
  });

  it('asked: keys never goes to the console; the console goes there even with keys', () => {
    for (const keys of [true, false]) {
      for (const offered of [true, false]) {
        for (const preferred of ['keys', 'console'] as const) {
          expect(signInWay({ keys, offered, preferred, asked: 'keys' })).toBe('keys');
          expect(signInWay({ keys, offered, preferred, asked: 'console' })).toBe('console');
        }
      }
    }
  });
});

describe('what a popup click asks for', () => {
  it('Alt on a role that could go either way: the other way of its plain click', () => {
    expect(askedWay('keys', true)).toBe('console');
    expect(askedWay('console', true)).toBe('keys');
    expect(otherWay('keys')).toBe('console');
  });

  it('a plain click, or Alt on a role with one way: nothing asked (the worker decides as the row says)', () => {
    expect(askedWay('keys', false)).toBeUndefined();
    expect(askedWay('console', false)).toBeUndefined();
    expect(askedWay(undefined, true)).toBeUndefined();
  });
});
