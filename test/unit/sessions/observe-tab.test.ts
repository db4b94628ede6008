/**
 * Which session a tab shows: where a login lands, what each mode replaces, pages the registry does not know, a
 * login the console refuses, and a renewal's other tabs.
 */
import { describe, expect, it } from 'vitest';
import { tabDisplay } from '../../../src/core/sessions/display';
import { observeTab } from '../../../src/core/sessions/observe-tab';
import { addSession, renewSession, tabClosed, tabSwapped } from '../../../src/core/sessions/registry-ops';
import { byId, LAUNCH, registry, session, T0 } from './helpers';

const DEV_MULTI = 'https://222222222222-aaaa1111.eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1';
const RO_MULTI = 'https://333333333333-bbbb2222.us-east-1.console.aws.amazon.com/console/home?region=us-east-1';
const REGIONAL = 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1';

const landing = (id: string, tab: number, fields = {}) => session(id, { tabs: [tab], landingTab: tab, ...fields });

describe('a login landing', () => {
  it('on a session subdomain: multi-session, its own subdomain, and other identities stay signed in', () => {
    let reg = registry(session('a', { tabs: [1], isolation: 'multi-session', subdomain: '333333333333-bbbb2222', differentiator: 'bbbb2222' }));
    reg = addSession(reg, landing('b', 2));
    reg = observeTab(reg, 2, { url: LAUNCH }, LAUNCH).registry;
    reg = observeTab(reg, 2, { url: 'https://eu-west-1.signin.aws.amazon.com/federation' }, LAUNCH).registry;
    expect(byId(reg, 'b').landingTab).toBe(2);
    reg = observeTab(reg, 2, { url: DEV_MULTI }, LAUNCH).registry;
    expect(byId(reg, 'b')).toMatchObject({ isolation: 'multi-session', subdomain: '222222222222-aaaa1111', differentiator: 'aaaa1111', tabs: [2], status: 'live' });
    expect(byId(reg, 'b').landingTab).toBeUndefined();
    expect(byId(reg, 'a').status).toBe('live');
    expect(reg.modes['default aws']).toBe('multi');
  });

  it('as an identity already signed in, multi-session: that identity\u2019s session is replaced', () => {
    const arn = 'arn:aws:sts::222222222222:assumed-role/Developer/role-switcher';
    let reg = registry(session('a', { tabs: [1], assumedRoleArn: arn, isolation: 'multi-session', subdomain: '222222222222-old00000' }));
    reg = addSession(reg, landing('b', 2, { assumedRoleArn: arn }));
    reg = observeTab(reg, 2, { url: DEV_MULTI }, LAUNCH).registry;
    expect(byId(reg, 'a')).toMatchObject({ status: 'replaced', replacedBy: 'b', tabs: [1] });
    expect(tabDisplay(reg, 1)).toMatchObject({ status: 'replaced', replacedBy: 'profile-b' });
  });

  it('on a plain console host: the browser\u2019s one session, which replaces every other of the jar', () => {
    let reg = registry(
      session('a', { tabs: [1], isolation: 'single', differentiator: 'old00000' }),
      session('cn', { partition: 'aws-cn', tabs: [5], isolation: 'single' }),
      session('ff', { store: 'firefox-container-1', tabs: [6], isolation: 'container' }),
    );
    reg = addSession(reg, landing('b', 2));
    reg = observeTab(reg, 2, { url: REGIONAL, loaded: true }, LAUNCH).registry;
    expect(byId(reg, 'b')).toMatchObject({ isolation: 'single', status: 'live' });
    expect(byId(reg, 'a')).toMatchObject({ status: 'replaced', replacedBy: 'b' });
    // Another partition's cookies and another container's jar are not touched.
    expect(byId(reg, 'cn').status).toBe('live');
    expect(byId(reg, 'ff').status).toBe('live');
    expect(reg.modes['default aws']).toBe('single');
  });

  it('learns a single session\u2019s differentiator from its page, and a replaced tab that reloads joins the new session', () => {
    let reg = registry(session('a', { tabs: [1], isolation: 'single', differentiator: 'aaaa0000' }));
    reg = addSession(reg, landing('b', 2));
    reg = observeTab(reg, 2, { url: REGIONAL }, LAUNCH).registry;
    // The old tab reloads before the new tab's page reported: it shows the one session without a name yet.
    reg = observeTab(reg, 1, { url: REGIONAL, page: { prismModeEnabled: false, differentiator: 'bbbb0000' } }, LAUNCH).registry;
    expect(byId(reg, 'b')).toMatchObject({ differentiator: 'bbbb0000', tabs: [2, 1] });
    expect(byId(reg, 'a').tabs).toEqual([]);
    reg = observeTab(reg, 2, { url: REGIONAL, page: { prismModeEnabled: false, differentiator: 'bbbb0000' } }, LAUNCH).registry;
    expect(byId(reg, 'b').tabs).toEqual([2, 1]);
  });

  it('a page of a session the registry does not know: a sign-in outside the extension replaced ours', () => {
    let reg = registry(session('a', { tabs: [1, 2], isolation: 'single', differentiator: 'aaaa0000' }));
    reg = observeTab(reg, 2, { url: REGIONAL, page: { prismModeEnabled: false, differentiator: 'ffff0000' } }, LAUNCH).registry;
    expect(byId(reg, 'a')).toMatchObject({ status: 'replaced', tabs: [1] });
    expect(byId(reg, 'a').replacedBy).toBeUndefined();
    expect(tabDisplay(reg, 1)?.replacedBy).toBeUndefined();
  });
});

describe('tabs moving', () => {
  const two = () =>
    registry(
      session('a', { tabs: [1], isolation: 'multi-session', subdomain: '222222222222-aaaa1111' }),
      session('b', { tabs: [2], isolation: 'multi-session', subdomain: '333333333333-bbbb2222' }),
    );

  it('to another session\u2019s subdomain: the tab follows it', () => {
    const reg = observeTab(two(), 1, { url: RO_MULTI }, LAUNCH).registry;
    expect(byId(reg, 'a').tabs).toEqual([]);
    expect(byId(reg, 'b').tabs).toEqual([2, 1]);
  });

  it('off the console, to an unknown subdomain, or to the session chooser: the tab leaves its session', () => {
    expect(byId(observeTab(two(), 1, { url: 'https://example.com/' }, LAUNCH).registry, 'a').tabs).toEqual([]);
    expect(byId(observeTab(two(), 1, { url: 'https://222222222222-zzzz9999.eu-west-1.console.aws.amazon.com/' }, LAUNCH).registry, 'a').tabs).toEqual([]);
    expect(byId(observeTab(two(), 1, { url: REGIONAL, page: { prismModeEnabled: true } }, LAUNCH).registry, 'a').tabs).toEqual([]);
  });

  it('within the same session, or with nothing known yet: nothing changes', () => {
    const reg = two();
    expect(observeTab(reg, 1, { url: `${DEV_MULTI}&x=1`, loaded: true }, LAUNCH).registry).toEqual(reg);
    expect(observeTab(reg, 9, { url: 'https://example.com/' }, LAUNCH).registry.sessions).toEqual(reg.sessions);
  });

  it('closed or swapped for a prerendered tab', () => {
    expect(byId(tabClosed(two(), 1), 'a').tabs).toEqual([]);
    const swapped = tabSwapped(registry(landing('a', 1)), 7, 1);
    expect(byId(swapped, 'a')).toMatchObject({ tabs: [7], landingTab: 7 });
  });

  it('a new sign-in in a tab of another session takes the tab from it', () => {
    const reg = addSession(two(), landing('c', 1));
    expect(byId(reg, 'a').tabs).toEqual([]);
    expect(byId(reg, 'c').tabs).toEqual([1]);
  });
});

describe('a login the console refused', () => {
  it('in multi-session mode: the session limit, said once, and the tab leaves the session', () => {
    let reg = registry(session('a', { tabs: [1], isolation: 'multi-session' }));
    reg = { ...reg, modes: { 'default aws': 'multi' } };
    reg = addSession(reg, landing('b', 2));
    const seen = observeTab(reg, 2, { url: 'https://eu-west-1.signin.aws.amazon.com/federation', loaded: true }, LAUNCH);
    expect(seen.effects).toEqual([{ kind: 'refused', id: 'b' }]);
    expect(byId(seen.registry, 'b')).toMatchObject({ status: 'refused', refusal: 'session-limit', tabs: [] });
    expect(observeTab(seen.registry, 2, { url: 'https://eu-west-1.signin.aws.amazon.com/federation', loaded: true }, LAUNCH).effects).toEqual([]);
  });

  it('otherwise: a login the console did not accept', () => {
    const reg = addSession(registry(), landing('b', 2));
    expect(byId(observeTab(reg, 2, { url: 'https://signin.aws.amazon.com/federation', loaded: true }, LAUNCH).registry, 'b').refusal).toBe('login-failed');
  });

  it('not while the launch page or the federation request is still loading', () => {
    const reg = addSession(registry(), landing('b', 2));
    expect(observeTab(reg, 2, { url: LAUNCH, loaded: true }, LAUNCH).registry).toBe(reg);
    expect(observeTab(reg, 2, { url: 'https://signin.aws.amazon.com/federation' }, LAUNCH).registry).toBe(reg);
  });
});

describe('a renewal', () => {
  it('lands in its tab, and its other tabs follow to the same pages of the new session', () => {
    let reg = registry(session('a', { tabs: [1, 2], isolation: 'multi-session', subdomain: '222222222222-old00000', status: 'expired', warned: true }));
    reg = renewSession(reg, 'a', { assumedRoleArn: 'arn:aws:sts::222222222222:assumed-role/Developer/a', credentialExpiresAt: T0 + 7200_000, consoleExpiresAt: T0 + 7200_000, destination: REGIONAL, landingTab: 2, now: T0 });
    expect(byId(reg, 'a')).toMatchObject({ status: 'live', warned: false, tabs: [2, 1], landingTab: 2, followers: [1], consoleExpiresAt: T0 + 7200_000 });
    expect(byId(reg, 'a').subdomain).toBeUndefined();
    const seen = observeTab(reg, 2, { url: DEV_MULTI }, LAUNCH);
    expect(seen.effects).toEqual([{ kind: 'follow', tabs: [1], origin: 'https://222222222222-aaaa1111.eu-west-1.console.aws.amazon.com' }]);
    expect(byId(seen.registry, 'a')).toMatchObject({ subdomain: '222222222222-aaaa1111', status: 'live', tabs: [2, 1] });
    expect(byId(seen.registry, 'a').followers).toBeUndefined();
  });

  it('is not taken for landed by the old page reporting while the tab leaves it', () => {
    let reg = registry(session('a', { tabs: [1], isolation: 'single', differentiator: 'old00000', status: 'expired' }));
    reg = renewSession(reg, 'a', { assumedRoleArn: 'x', credentialExpiresAt: T0 + 7200_000, consoleExpiresAt: T0 + 7200_000, destination: REGIONAL, landingTab: 1, now: T0 });
    const stale = observeTab(reg, 1, { url: REGIONAL, page: { prismModeEnabled: false, differentiator: 'old00000', since: T0 - 60_000 } }, LAUNCH);
    expect(stale.registry).toBe(reg);
    const fresh = observeTab(reg, 1, { url: REGIONAL, page: { prismModeEnabled: false, differentiator: 'new00000', since: T0 + 500 } }, LAUNCH).registry;
    expect(byId(fresh, 'a')).toMatchObject({ status: 'live', differentiator: 'new00000', isolation: 'single' });
    expect(byId(fresh, 'a').landingTab).toBeUndefined();
  });

  it('in single-session mode, the other tabs reload', () => {
    let reg = registry(session('a', { tabs: [1, 2], isolation: 'single' }));
    reg = renewSession(reg, 'a', { assumedRoleArn: 'x', credentialExpiresAt: T0, consoleExpiresAt: T0, destination: REGIONAL, landingTab: 1, now: T0 });
    expect(observeTab(reg, 1, { url: REGIONAL }, LAUNCH).effects).toEqual([{ kind: 'follow', tabs: [2] }]);
  });
});

describe('display data for the content script', () => {
  it('has the label, colour and expiry, and nothing else', () => {
    const reg = registry(session('a', { tabs: [1], color: '#2e7d32', accountAlias: 'dev', isolation: 'multi-session' }));
    const display = tabDisplay(reg, 1);
    expect(display).toEqual({
      profile: 'profile-a',
      accountId: '222222222222',
      accountAlias: 'dev',
      roleName: 'Developer',
      region: 'eu-west-1',
      partition: 'aws',
      color: '#2e7d32',
      consoleExpiresAt: reg.sessions[0]?.consoleExpiresAt,
      status: 'live',
    });
    expect(JSON.stringify(display)).not.toMatch(/assumed-role|tabs|destination/);
    expect(tabDisplay(reg, 2)).toBeUndefined();
    expect(tabDisplay(registry(landing('b', 3)), 3)).toBeUndefined();
  });
});
