// @vitest-environment happy-dom
/**
 * The console marker (issue 14): a long profile name is cut in the middle and never pushes the time left out, the
 * whole text is in the label's title; `marker = strong` frames the window in the role's colour; and the marker holds
 * display data only, since the page can read it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { middleEllipsis } from '../../../src/core/middle-ellipsis';
import type { TabDisplay } from '../../../src/messages';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-session-browser')).fakeBrowser }));
const { createBar, PROFILE_CHARS } = await import('../../../src/content/bar');

const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);
const LONG = 'mfa-admin-production-eu-central-1-break-glass-readonly';

const display: TabDisplay = {
  profile: LONG,
  accountId: '222222222222',
  roleName: 'Developer',
  region: 'eu-west-1',
  partition: 'aws',
  color: '#c62828',
  consoleExpiresAt: T0 + 65_000,
  status: 'live',
};

let doc: Document;
beforeEach(() => {
  doc = document.implementation.createHTMLDocument('console');
});
const shadow = () => doc.querySelector('aws-role-switcher')?.shadowRoot;
const part = (name: string) => shadow()?.querySelector<HTMLElement>(`[data-testid="role-switcher-${name}"]`);

describe('a name cut in the middle', () => {
  it('keeps the start and the end, and whole characters', () => {
    expect(middleEllipsis('prod-admin', 28)).toBe('prod-admin');
    expect(middleEllipsis(LONG, 28)).toBe('mfa-admin-prod…lass-readonly');
    expect(Array.from(middleEllipsis(LONG, 28))).toHaveLength(28);
    expect(middleEllipsis('🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀', 5)).toBe('🚀🚀…🚀🚀');
  });
});

describe('the label', () => {
  it('shortens a long profile in the middle, keeps the time whole, and has the whole text in its title', () => {
    createBar(doc).render(display, T0);
    const label = part('label');
    expect(label?.querySelector('.profile')?.textContent).toBe(middleEllipsis(LONG, PROFILE_CHARS));
    expect(label?.querySelector('.status')?.textContent).toBe('1 m 05 s left');
    expect(label?.title).toBe(`${LONG} · 222222222222 · 1 m 05 s left`);
    // The live time never shrinks; the names do.
    const css = shadow()?.querySelector('style')?.textContent ?? '';
    expect(css).toMatch(/\.label\[data-status='live'\] > \.status \{ flex: none; \}/);
    expect(css).toMatch(/\.label > \.profile, [^{]*\{ flex: 0 1 auto;/);
  });

  it('keeps a short name whole', () => {
    createBar(doc).render({ ...display, profile: 'prod-admin' }, T0);
    expect(part('label')?.textContent).toBe('prod-admin · 222222222222 · 1 m 05 s left');
  });
});

describe('the strong marker', () => {
  it('frames the window in the role\u2019s colour instead of the thin bar, for a profile with marker = strong', () => {
    const bar = createBar(doc);
    bar.render(display, T0);
    expect(part('frame')?.style.display).toBe('none');
    expect(part('stripe')?.style.display).toBe('block');
    expect(part('label')?.dataset.marker).toBeUndefined();

    bar.render({ ...display, marker: 'strong' }, T0);
    expect(part('frame')?.style.display).toBe('block');
    expect(part('frame')?.style.borderColor).toBe('#c62828');
    expect(part('stripe')?.style.display).toBe('none');
    expect(part('label')?.dataset.marker).toBe('strong');
    // Within the window's outer 6 px, and the host lets every click through.
    const css = shadow()?.querySelector('style')?.textContent ?? '';
    expect(css).toMatch(/\.frame \{ position: fixed; inset: 0; box-sizing: border-box; border: 3px solid; border-top-width: 6px; \}/);
    expect(doc.querySelector('aws-role-switcher')?.getAttribute('style')).toMatch(/pointer-events: none;/);

    // An ended session is neutral grey, strong or not.
    bar.render({ ...display, marker: 'strong', status: 'expired' }, T0);
    expect(part('frame')?.style.borderColor).toBe('#545b64');
  });
});

describe('what the page can read', () => {
  it('is the name, the account, the colour and the time: no ARN, no session name, nothing else', () => {
    createBar(doc).render({ ...display, marker: 'strong' }, T0);
    const root = shadow();
    const text = root?.textContent?.replace(root.querySelector('style')?.textContent ?? '', '') ?? '';
    expect(text).toBe(`${middleEllipsis(LONG, PROFILE_CHARS)} · 222222222222 · 1 m 05 s left`);
    const attributes = [...(root?.querySelectorAll('*') ?? [])].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`));
    for (const attribute of attributes) expect(attribute).toMatch(/^(class|data-testid|role|style|data-status|data-marker|title)=/);
    expect(JSON.stringify(attributes)).not.toMatch(/arn:|assumed-role|Developer|eu-west-1/);
  });
});
