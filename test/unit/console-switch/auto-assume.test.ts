/** Auto-assume's rules (issue 13): when a console page is a sign-in to decide on, once only, and the memory. */
import { describe, expect, it } from 'vitest';
import {
  baseKey,
  consolePageShown,
  EMPTY_AUTO_ASSUME,
  forgetGone,
  isBasePage,
  isSignInPage,
  readAutoAssumeState,
  readLastRoles,
  rememberRole,
  roleToAssume,
  signInPageShown,
  tabGone,
  type AutoAssumeState,
} from '../../../src/core/console-switch/auto-assume';

/** What the worker does with a page: the verdict, and the state it leaves once the work is over. */
function show(state: AutoAssumeState, tabId: number, differentiator: string | undefined): { decide: boolean; state: AutoAssumeState } {
  const verdict = consolePageShown(state, tabId, differentiator);
  return { decide: verdict.decide, state: verdict.settled };
}

describe('a console sign-in to decide on', () => {
  it('is a new session differentiator in a tab that showed a sign-in page', () => {
    const signing = signInPageShown(EMPTY_AUTO_ASSUME, 7);
    expect(show(signing, 7, 'abc123').decide).toBe(true);
  });

  it('is never a tab that showed no sign-in page: restored with the browser, opened on a console already signed in', () => {
    expect(show(EMPTY_AUTO_ASSUME, 7, 'abc123').decide).toBe(false);
    // Another tab's sign-in page does not count for this one.
    expect(show(signInPageShown(EMPTY_AUTO_ASSUME, 8), 7, 'abc123').decide).toBe(false);
    // A signed-out page before is no sign-in either: signing in goes through a sign-in page.
    const signedOut = show(EMPTY_AUTO_ASSUME, 7, undefined).state;
    expect(show(signedOut, 7, 'abc123').decide).toBe(false);
  });

  it('is decided once: a reload, the same page again, another tab of the same sign-in, a later sign-in page landing on it', () => {
    const first = show(signInPageShown(EMPTY_AUTO_ASSUME, 7), 7, 'abc123');
    expect(first.decide).toBe(true);
    expect(show(first.state, 7, 'abc123').decide).toBe(false);
    expect(show(signInPageShown(first.state, 9), 9, 'abc123').decide).toBe(false);
    expect(show(signInPageShown(first.state, 7), 7, 'abc123').decide).toBe(false);
  });

  it('claims the differentiator before anything is done, so a switch that fails or dies half-way is not tried again', () => {
    const verdict = consolePageShown(signInPageShown(EMPTY_AUTO_ASSUME, 7), 7, 'abc123');
    expect(verdict.decide).toBe(true);
    expect(verdict.claimed.done).toEqual(['abc123']);
    expect(verdict.claimed.tabs['7']?.signingIn).toBeUndefined();
    // The failed switch sends the tab back to the base page: same differentiator, nothing to decide.
    expect(show(verdict.claimed, 7, 'abc123').decide).toBe(false);
  });

  it('switching back to the base by hand does not switch again; the next sign-in does', () => {
    let state = show(signInPageShown(EMPTY_AUTO_ASSUME, 7), 7, 'base1').state;
    state = show(state, 7, 'role1').state; // the switched session's page (multi-session: its own differentiator)
    const back = show(state, 7, 'base1');
    expect(back.decide).toBe(false);
    // Signed out, then in again in the same tab: a new differentiator after a sign-in page.
    state = show(back.state, 7, undefined).state;
    expect(show(signInPageShown(state, 7), 7, 'base2').decide).toBe(true);
  });

  it('a differentiator first seen without a sign-in page is claimed all the same (decided where it first shows)', () => {
    const seen = show(EMPTY_AUTO_ASSUME, 7, 'abc123').state;
    expect(show(signInPageShown(seen, 8), 8, 'abc123').decide).toBe(false);
  });

  it('forgets closed tabs, and reads anything malformed as empty', () => {
    const state = show(signInPageShown(EMPTY_AUTO_ASSUME, 7), 7, 'abc123').state;
    expect(tabGone(state, 7).tabs).toEqual({});
    expect(tabGone(state, 8)).toBe(state);
    expect(readAutoAssumeState(undefined)).toEqual(EMPTY_AUTO_ASSUME);
    expect(readAutoAssumeState({ tabs: { x: {}, 3: { signingIn: 'yes', seen: '<b>' } }, done: ['ok1', 5, 'NOT VALID'] })).toEqual({ tabs: { 3: {} }, done: ['ok1'] });
    expect(readAutoAssumeState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it('keeps its record bounded', () => {
    let state = EMPTY_AUTO_ASSUME;
    for (let i = 0; i < 150; i += 1) state = show(signInPageShown(state, i), i, `d${i}`).state;
    expect(state.done).toHaveLength(100);
    expect(state.done[0]).toBe('d50');
    expect(Object.keys(state.tabs)).toHaveLength(100);
  });
});

describe('sign-in pages', () => {
  it('are the sign-in hosts, the account-named ones included, but not the Switch Role page or the session API', () => {
    expect(isSignInPage('https://signin.aws.amazon.com/console')).toBe(true);
    expect(isSignInPage('https://111111111111.signin.aws.amazon.com/console')).toBe(true);
    expect(isSignInPage('https://eu-west-1.signin.aws.amazon.com/oauth?client_id=x')).toBe(true);
    expect(isSignInPage('https://signin.amazonaws.cn/signin')).toBe(true);
    expect(isSignInPage('https://signin.aws.amazon.com/switchrole')).toBe(false);
    expect(isSignInPage('https://signin.aws.amazon.com/sessions/abc/v1/switchrole')).toBe(false);
    expect(isSignInPage('https://console.aws.amazon.com/console/home')).toBe(false);
    expect(isSignInPage('http://signin.aws.amazon.com/console')).toBe(false);
    expect(isSignInPage('https://signin.aws.amazon.com.evil.example/console')).toBe(false);
  });
});

describe('the memory: the role last switched to from a base identity', () => {
  const carol = baseKey('aws', { account: '111111111111', name: 'carol' });
  const offer = { bases: ['demo-identity'], targets: ['demo-dev', 'demo-breakglass'], singles: ['marketingadmin'] };

  it('is switched to while the console still offers it', () => {
    const memory = rememberRole({}, carol, 'demo-dev');
    expect(roleToAssume(memory, carol, offer)).toBe('demo-dev');
    expect(roleToAssume(rememberRole(memory, carol, 'marketingadmin'), carol, offer)).toBe('marketingadmin');
    expect(roleToAssume(memory, carol, { bases: [], targets: [], singles: [] })).toBeUndefined();
    expect(roleToAssume(memory, baseKey('aws', { account: '111111111111', name: 'bob' }), offer)).toBeUndefined();
    expect(roleToAssume(memory, baseKey('aws-cn', { account: '111111111111', name: 'carol' }), offer)).toBeUndefined();
    expect(roleToAssume({}, 'constructor', offer)).toBeUndefined();
  });

  it('is forgotten when its profile is gone from the configuration', () => {
    const memory = rememberRole(rememberRole({}, carol, 'demo-dev'), 'aws|222222222222|Admin', 'marketingadmin');
    expect(forgetGone(memory, ['demo-dev', 'other'])).toEqual({ [carol]: 'demo-dev' });
    expect(forgetGone(memory, ['demo-dev', 'marketingadmin'])).toBe(memory);
  });

  it('keeps the newest bases, and reads anything malformed as empty', () => {
    let memory = {};
    for (let i = 0; i < 250; i += 1) memory = rememberRole(memory, `aws|${i}|x`, 'p');
    expect(Object.keys(memory)).toHaveLength(200);
    expect(readLastRoles({ a: 'p', b: 3 })).toEqual({ a: 'p' });
    expect(readLastRoles(['p'])).toEqual({});
  });

  it('a page of a switched session is no base page', () => {
    expect(isBasePage({})).toBe(true);
    expect(isBasePage({ roleAccount: '2222-2222-2222', roleUser: 'Developer' })).toBe(false);
  });
});
