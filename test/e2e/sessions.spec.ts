/**
 * Console sessions end to end (issue 7), as a person sees them: roles side by side in the console's multi-session
 * mode, each tab marked with its role (the content script's bar) and its badge; the popup's Sessions view with
 * live countdowns; the worker stopped mid-session; multi-session off, where a second sign-in replaces the first;
 * the expiry warning, expiry and renewal in place; and the console's 5-session limit.
 * No waits on time: every step waits for a state (the clock only matters in the expiry test, which waits for it).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch/browser';
import { multiSessionCookie } from '../sandbox/index';
import { ALICE } from '../sandbox/seed';
import { expect, saveConfiguration, saveKeys, test } from './fixtures';
import { alarmNames, badgeOf, bar, notificationIds, stopWorker, storedSessions, tabIdOf } from './support/sessions';

const CONFIG = `
[alice]
; alice's access keys live in the extension, never in this text

[demo-dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
region = eu-west-1
color = #2e7d32

[demo-ro]
role_arn = arn:aws:iam::333333333333:role/ReadOnly
source_profile = alice
region = us-east-1
color = #c62828

[demo-deployer]
; chained (Developer, then ops/Deployer): the console follows the role credentials, capped at one hour
role_arn = arn:aws:iam::222222222222:role/ops/Deployer
source_profile = demo-dev
external_id = deploy-42
region = eu-west-1
color = #6a1b9a
`;

const DEV_ARN = 'arn:aws:sts::222222222222:assumed-role/Developer/alice';
const RO_ARN = 'arn:aws:sts::333333333333:assumed-role/ReadOnly/alice';
const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

async function setUp(extension: ExtensionBrowser, config = CONFIG): Promise<Page> {
  const options = await extension.openPage('src/options/index.html');
  await saveConfiguration(options, config);
  await saveKeys(options, 'alice', ALICE.accessKeyId, ALICE.secretAccessKey);
  return extension.openPage('popup/index.html');
}

/**
 * Clicks the role in the popup and returns the console tab it opens, once the popup says it is signed in: the
 * popup runs one sign-in at a time, and the tab opens (behind, while AWS answers) before the sign-in has answered.
 */
async function signInFromPopup(extension: ExtensionBrowser, popup: Page, profile: string): Promise<Page> {
  const opened = extension.context.waitForEvent('page');
  await popup.getByRole('option', { name: profile, exact: true }).click();
  const tab = await opened;
  await expect(popup.getByRole('status').first()).toHaveText(/^Signed in as /);
  return tab;
}

/** The Sessions view as it looks, light and dark, into test-results/screenshots. */
async function sessionsScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.locator('main').screenshot({ path: resolve(SCREENSHOTS, `popup-${name}-${colorScheme}.png`), animations: 'disabled' });
  }
}

async function openSessionsView(extension: ExtensionBrowser): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/popup/index.html#sessions`);
  return page;
}

/** Where the console page's own elements are, measured with the bar shown and then with it hidden. */
async function layoutWithAndWithoutBar(page: Page): Promise<{ shown: string; hidden: string; underLabel: string }> {
  return page.evaluate(() => {
    const boxes = () =>
      JSON.stringify({
        ids: ['console-header', 'signed-in-arn', 'console-path', 'session-mode'].map((id) => document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect().toJSON() as unknown),
        height: document.documentElement.scrollHeight,
        width: document.documentElement.scrollWidth,
      });
    const host = document.querySelector<HTMLElement>('aws-role-switcher');
    const label = host?.shadowRoot?.querySelector('[data-testid="role-switcher-label"]')?.getBoundingClientRect();
    // What a click on the label would reach: the page, since the bar lets every pointer event through.
    const under = label ? document.elementFromPoint(label.x + label.width / 2, label.y + label.height / 2) : null;
    const shown = boxes();
    host?.style.setProperty('display', 'none');
    const hidden = boxes();
    host?.style.setProperty('display', 'block');
    return { shown, hidden, underLabel: under?.tagName.toLowerCase() ?? 'none' };
  });
}

test('two roles side by side in multi-session mode: each tab its own role, bar and badge; the Sessions view counts down; a stopped worker loses nothing', async ({ extension }) => {
  await extension.context.addCookies([multiSessionCookie(true)]);
  const popup = await setUp(extension);
  const dev = await signInFromPopup(extension, popup, 'demo-dev');
  const ro = await signInFromPopup(extension, popup, 'demo-ro');

  // Each tab is its own session subdomain, showing its own role, marked with it.
  await expect(dev.getByTestId('signed-in-arn')).toHaveText(DEV_ARN);
  await expect(ro.getByTestId('signed-in-arn')).toHaveText(RO_ARN);
  expect(new URL(dev.url()).host).toMatch(/^222222222222-[a-z0-9]+\.eu-west-1\.console\.aws\.amazon\.com$/);
  expect(new URL(ro.url()).host).toMatch(/^333333333333-[a-z0-9]+\.us-east-1\.console\.aws\.amazon\.com$/);
  await expect(bar(dev)).toHaveText(/^demo-dev · 222222222222 · \d+ m \d\d s left$/);
  await expect(bar(ro)).toHaveText(/^demo-ro · 333333333333 · \d+ m \d\d s left$/);
  await expect(dev.getByTestId('role-switcher-stripe')).toBeVisible();

  // The badge of each console tab: minutes left, in the role's colour.
  const devTab = await tabIdOf(popup, dev);
  const roTab = await tabIdOf(popup, ro);
  await expect.poll(async () => (await badgeOf(popup, devTab)).text).toMatch(/^\d+m$/);
  expect((await badgeOf(popup, devTab)).color).toEqual([0x2e, 0x7d, 0x32, 255]);
  await expect.poll(async () => (await badgeOf(popup, roTab)).color).toEqual([0xc6, 0x28, 0x28, 255]);

  // The bar leaves the console's layout as it is, and clicks go through it to the page.
  const layout = await layoutWithAndWithoutBar(dev);
  expect(layout.shown).toBe(layout.hidden);
  expect(layout.underLabel).not.toBe('aws-role-switcher');

  // The role list marks both roles as signed in; the Sessions view lists both, counting down.
  await expect(popup.getByRole('option', { name: 'demo-dev', exact: true })).toHaveAccessibleDescription(/signed in, \d+ min \d\d s left/);
  await popup.getByRole('button', { name: /Console sessions: 2/ }).click();
  const devItem = popup.getByRole('listitem', { name: 'demo-dev' });
  const roItem = popup.getByRole('listitem', { name: 'demo-ro' });
  await expect(devItem.locator('.countdown')).toHaveText(/^ends in \d+ m \d\d s$/);
  await expect(roItem.locator('.countdown')).toHaveText(/^ends in \d+ m \d\d s$/);
  const shown = await devItem.locator('.countdown').textContent();
  await expect(devItem.locator('.countdown')).not.toHaveText(shown ?? '');
  await expect(devItem.getByRole('list', { name: 'Tabs of demo-dev' })).toContainText('AWS Console - Developer');
  await expect(devItem).toContainText('own session');

  mkdirSync(SCREENSHOTS, { recursive: true });
  await dev.screenshot({ path: resolve(SCREENSHOTS, 'console-bar.png') });
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    await popup.locator('main').screenshot({ path: resolve(SCREENSHOTS, `popup-sessions-${colorScheme}.png`), animations: 'disabled' });
  }

  // The worker stops mid-session: the registry and the timers are in storage and alarms, not in the worker.
  const before = await storedSessions(popup);
  await stopWorker(extension.context, popup);
  expect(await storedSessions(popup)).toEqual(before);
  expect(await alarmNames(popup)).toEqual(expect.arrayContaining(['sessions.deadline', 'sessions.tick']));
  // A reload asks the (new) worker again; the bar and the badge come back for the same session.
  await dev.reload();
  await expect(bar(dev)).toHaveText(/^demo-dev · 222222222222 · \d+ m \d\d s left$/);
  await expect.poll(async () => (await badgeOf(popup, devTab)).text).toMatch(/^\d+m$/);
  const again = await openSessionsView(extension);
  await expect(again.getByRole('listitem', { name: 'demo-dev' }).locator('.countdown')).toHaveText(/^ends in/);
  await expect(again.getByRole('listitem', { name: 'demo-ro' }).locator('.countdown')).toHaveText(/^ends in/);
  expect((await storedSessions(again)).map((s) => [s.profile, s.status, s.isolation])).toEqual([
    ['demo-dev', 'live', 'multi-session'],
    ['demo-ro', 'live', 'multi-session'],
  ]);
});

/** A profile long enough to push the time out of a label that did not cut it (issue 14), marked strongly. */
const LONG_STRONG = 'mfa-admin-production-eu-central-1-break-glass';
const STRONG_CONFIG = `${CONFIG}
[${LONG_STRONG}]
role_arn = arn:aws:iam::333333333333:role/ReadOnly
source_profile = alice
region = us-east-1
color = #c62828
marker = strong
`;

test('a long profile name is cut in the middle and the time stays; marker = strong frames the console and covers none of its controls', async ({ extension }) => {
  const popup = await setUp(extension, STRONG_CONFIG);
  const tab = await signInFromPopup(extension, popup, LONG_STRONG);
  await expect(tab.getByTestId('signed-in-arn')).toHaveText(RO_ARN);
  const label = bar(tab);
  await expect(label).toHaveText(/^mfa-admin-prod…1-break-glass · 333333333333 · \d+ m \d\d s left$/);
  await expect(label).toHaveAttribute('title', new RegExp(`^${LONG_STRONG} · 333333333333 · \\d+ m \\d\\d s left$`));
  // The time left is shown whole, inside the label.
  const time = label.locator('.status');
  expect(await time.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const [labelBox, timeBox] = [await label.boundingBox(), await time.boundingBox()];
  expect(timeBox && labelBox && timeBox.x + timeBox.width <= labelBox.x + labelBox.width).toBe(true);

  // The frame, in the role's colour, instead of the thin bar.
  const frame = tab.getByTestId('role-switcher-frame');
  await expect(frame).toBeVisible();
  await expect(tab.getByTestId('role-switcher-stripe')).toBeHidden();
  expect(await frame.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(198, 40, 40)');

  // The console's header and its controls: not under the frame's edges, still what a click at their centre reaches,
  // and where they were without the marker.
  const covered = await tab.evaluate(() => {
    const host = document.querySelector<HTMLElement>('aws-role-switcher');
    const frameEl = host?.shadowRoot?.querySelector<HTMLElement>('[data-testid="role-switcher-frame"]');
    if (!frameEl) return ['no frame'];
    const style = getComputedStyle(frameEl);
    const [top, side] = [parseFloat(style.borderTopWidth), parseFloat(style.borderLeftWidth)];
    const { innerWidth: w, innerHeight: h } = window;
    const controls = [...document.querySelectorAll<HTMLElement>('[data-testid="console-header"] a, [data-testid="console-header"] button')];
    return controls.flatMap((control) => {
      const r = control.getBoundingClientRect();
      const under = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      const inBand = r.top < top || r.left < side || r.right > w - side || r.bottom > h - side;
      return inBand || under !== control ? [control.textContent ?? '?'] : [];
    });
  });
  expect(covered).toEqual([]);
  const layout = await layoutWithAndWithoutBar(tab);
  expect(layout.shown).toBe(layout.hidden);
  await tab.getByTestId('sign-out').click({ trial: true });

  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await tab.emulateMedia({ colorScheme });
    await tab.screenshot({ path: resolve(SCREENSHOTS, `console-marker-strong-${colorScheme}.png`) });
  }

  // A profile without the key keeps the thin bar.
  const dev = await signInFromPopup(extension, popup, 'demo-dev');
  await expect(bar(dev)).toHaveText(/^demo-dev · 222222222222 · \d+ m \d\d s left$/);
  await expect(dev.getByTestId('role-switcher-stripe')).toBeVisible();
  await expect(dev.getByTestId('role-switcher-frame')).toBeHidden();
});

test('with multi-session off, a second sign-in marks the first session\u2019s tab replaced, and the popup says how to turn it on', async ({ extension }) => {
  const popup = await setUp(extension);
  const dev = await signInFromPopup(extension, popup, 'demo-dev');
  await expect(bar(dev)).toHaveText(/^demo-dev · 222222222222 · \d+ m \d\d s left$/);
  const ro = await signInFromPopup(extension, popup, 'demo-ro');
  await expect(ro.getByTestId('signed-in-arn')).toHaveText(RO_ARN);
  expect(new URL(ro.url()).host).toBe('us-east-1.console.aws.amazon.com');

  await expect(bar(dev)).toHaveText('demo-dev · 222222222222 · replaced: signed in as demo-ro in another tab');
  await expect(bar(ro)).toHaveText(/^demo-ro · 333333333333 · \d+ m \d\d s left$/);
  const devTab = await tabIdOf(popup, dev);
  await expect.poll(async () => (await badgeOf(popup, devTab)).text).toBe('old');

  // The Sessions view counts the live session only; the replaced one is folded into one line (issue 14), which
  // opens to its card, in its role's colour, with only Renew and Dismiss; Clear forgets it.
  const view = await openSessionsView(extension);
  await expect(view.getByText(/Multi-session support is off in this browser/)).toContainText('Turn on multi-session support');
  await expect(view.locator('.status-bar .sessions-strip')).toHaveAttribute('title', /^Console sessions: 1 · next ends in /);
  await expect(view.getByRole('listitem', { name: 'demo-ro' })).toHaveAttribute('data-status', 'live');
  const endedLine = view.getByRole('button', { name: 'Ended (1)' });
  await expect(endedLine).toHaveAttribute('aria-expanded', 'false');
  await expect(view.getByRole('listitem', { name: 'demo-dev' })).toHaveCount(0);
  await sessionsScreenshot(view, 'sessions-ended-folded');
  await endedLine.click();
  const replaced = view.getByRole('listitem', { name: 'demo-dev' });
  await expect(replaced).toContainText('Replaced: signed in as demo-ro in another tab');
  expect(await replaced.locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(46, 125, 50)');
  await expect(replaced.getByRole('button', { name: 'Renew demo-dev' })).toBeVisible();
  await expect(replaced.getByRole('button', { name: 'Dismiss demo-dev' })).toBeVisible();
  await expect(replaced.getByRole('button', { name: 'Sign out demo-dev' })).toHaveCount(0);
  await sessionsScreenshot(view, 'sessions-ended-open');
  // The role list's strip counts the live session only too.
  await popup.reload();
  await expect(popup.getByRole('button', { name: /^Console sessions: 1 · next ends in / })).toBeVisible();

  // The console agrees: reloaded, the first tab shows the second role, and its bar follows.
  await dev.reload();
  await expect(dev.getByTestId('signed-in-arn')).toHaveText(RO_ARN);
  await expect(bar(dev)).toHaveText(/^demo-ro · 333333333333 · \d+ m \d\d s left$/);

  // Clear forgets the ended session; the live one stays.
  await view.getByRole('button', { name: 'Clear ended sessions' }).click();
  await expect(view.getByRole('button', { name: /^Ended/ })).toHaveCount(0);
  await expect(view.getByRole('listitem', { name: 'demo-ro' })).toBeVisible();
  expect((await storedSessions(view)).map((s) => [s.profile, s.status])).toEqual([['demo-ro', 'live']]);
});

test('signing in again as the same identity ends that identity\u2019s other tab', async ({ extension }) => {
  await extension.context.addCookies([multiSessionCookie(true)]);
  const popup = await setUp(extension);
  const first = await signInFromPopup(extension, popup, 'demo-dev');
  await expect(bar(first)).toHaveText(/^demo-dev · .* left$/);
  const second = await signInFromPopup(extension, popup, 'demo-dev');
  await expect(second.getByTestId('signed-in-arn')).toHaveText(DEV_ARN);
  await expect(bar(first)).toHaveText('demo-dev · 222222222222 · replaced: signed in as demo-dev in another tab');
  await expect(bar(second)).toHaveText(/^demo-dev · .* left$/);
  // The console did end the old session: reloaded, its subdomain is signed out, and the bar still says why.
  await first.reload();
  await expect(first.getByTestId('signed-out')).toBeVisible();
  await expect(bar(first)).toHaveText('demo-dev · 222222222222 · replaced: signed in as demo-dev in another tab');
});

test('a session about to end warns, then shows as expired, and Renew brings it back on the same console page', async ({ extension, sandbox }) => {
  test.setTimeout(300_000);
  const popup = await setUp(extension);
  // Warn one minute before the end: set on the options page, with the other settings, and saved as it changes.
  const options = await extension.openPage('src/options/index.html');
  const warnMinutes = options.getByLabel('Warn this many minutes before a console session ends (0: never)');
  await warnMinutes.fill('1');
  await warnMinutes.press('Tab');
  await expect(options.getByRole('group', { name: 'Console sessions' }).getByText('Saved', { exact: true })).toBeVisible();
  const view = await openSessionsView(extension);
  await expect.poll(async () => view.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, { warnMinutes: number }>> } } } }).chrome.storage.sync.get('sessions.settings'))['sessions.settings']?.warnMinutes)).toBe(1);

  // A session that ends in two minutes: AWS's clock is 58 minutes behind this one (the SDK corrects the skew),
  // and a chained role's console session ends with its one-hour credentials.
  sandbox.state.clockOffsetMs = -(3600 - 120) * 1000;
  const tab = await signInFromPopup(extension, popup, 'demo-deployer');
  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Deployer/alice');
  const deepPage = `${new URL(tab.url()).origin}/ec2/home?region=eu-west-1#Instances`;
  await tab.goto(deepPage);
  await expect(bar(tab)).toHaveText(/^demo-deployer · 222222222222 · ([1-2] m \d\d s|\d+ s) left$/);

  const item = view.getByRole('listitem', { name: 'demo-deployer' });
  await expect(item).toHaveAttribute('data-status', 'live');
  // The warning, a minute before the end, with its Renew button (the click is covered by the unit tests).
  await expect.poll(() => notificationIds(view), { timeout: 150_000 }).toContainEqual(expect.stringMatching(/^sessions\.warn:/));
  // The end: the view, the bar and the badge say so. The view folds it into the ended line, which opens to it.
  await view.getByRole('button', { name: 'Ended (1)' }).click({ timeout: 150_000 });
  await expect(item).toHaveAttribute('data-status', 'expired');
  await expect(item).toContainText('Expired');
  await expect(bar(tab)).toHaveText('demo-deployer · 222222222222 · session expired');
  const tabId = await tabIdOf(view, tab);
  await expect.poll(async () => (await badgeOf(view, tabId)).text).toBe('exp');
  await expect.poll(() => notificationIds(view)).toEqual([]);

  // Renew: the same tab signs in again and lands on the same console page.
  sandbox.state.clockOffsetMs = 0;
  await item.getByRole('button', { name: 'Renew demo-deployer' }).click();
  await expect(view.getByRole('status')).toHaveText('Renewed demo-deployer.');
  await expect(tab).toHaveURL(deepPage);
  await expect(tab.getByTestId('console-path')).toHaveText('/ec2/home?region=eu-west-1');
  await expect(tab.getByTestId('signed-in-arn')).toHaveText('arn:aws:sts::222222222222:assumed-role/Deployer/alice');
  await expect(item).toHaveAttribute('data-status', 'live');
  await expect(bar(tab)).toHaveText(/^demo-deployer · 222222222222 · [1-5]\d m \d\d s left$/);
  await expect.poll(async () => (await badgeOf(view, tabId)).text).toMatch(/^\d+m$/);
});

test('the console holds five identities at once: a sixth is refused, and the extension says why', async ({ extension }) => {
  // Six sign-ins, each waited for: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  await extension.context.addCookies([multiSessionCookie(true)]);
  const names = ['s1', 's2', 's3', 's4', 's5', 's6'];
  const config = `${CONFIG}\n${names.map((name) => `[dev-${name}]\nrole_arn = arn:aws:iam::222222222222:role/Developer\nsource_profile = alice\nrole_session_name = ${name}\n`).join('\n')}`;
  const popup = await setUp(extension, config);
  for (const name of names.slice(0, 5)) {
    const tab = await signInFromPopup(extension, popup, `dev-${name}`);
    await expect(bar(tab)).toHaveText(new RegExp(`^dev-${name} · 222222222222 · `));
  }
  const refused = await signInFromPopup(extension, popup, 'dev-s6');
  await expect(refused.getByTestId('session-limit')).toBeVisible();

  const view = await openSessionsView(extension);
  await view.getByRole('button', { name: 'Ended (1)' }).click();
  await expect(view.getByRole('listitem', { name: 'dev-s6' })).toContainText('Not signed in: the console allows 5 sessions at once.');
  await expect(view.getByText('5 identities are signed in to the console')).toBeVisible();
  await expect.poll(() => notificationIds(view)).toContainEqual(expect.stringMatching(/^sessions\.refused:/));
  expect((await storedSessions(view)).filter((s) => s.status === 'live')).toHaveLength(5);
});
