// @vitest-environment happy-dom
/** The console content script's parts: what the page says about itself, and the bar that stays out of the way. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TabDisplay } from '../../../src/messages';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-session-browser')).fakeBrowser }));
const { readPageFacts } = await import('../../../src/content/page-facts');
const { createBar } = await import('../../../src/content/bar');

const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);

function meta(content: string): void {
  doc.head.innerHTML = '';
  const tag = doc.createElement('meta');
  tag.name = 'awsc-session-data';
  tag.setAttribute('content', content);
  doc.head.append(tag);
}

const display: TabDisplay = {
  profile: 'demo-dev',
  accountId: '222222222222',
  roleName: 'Developer',
  region: 'eu-west-1',
  partition: 'aws',
  color: '#2e7d32',
  consoleExpiresAt: T0 + 65_000,
  status: 'live',
};

// Each test its own document: a bar puts itself back when taken out, so it cannot be cleaned away.
let doc: Document;
beforeEach(() => {
  doc = document.implementation.createHTMLDocument('console');
  doc.body.innerHTML = '<header id="page">console</header>';
});

describe('the page\u2019s own data', () => {
  it('reads multi-session mode and the session differentiator from awsc-session-data', () => {
    meta('{"prismModeEnabled":true,"sessionDifferentiator":"ab12cd34","signInEndpoint":"signin.aws.amazon.com","infrastructureRegion":"eu-west-1"}');
    expect(readPageFacts(doc)).toEqual({ prismModeEnabled: true, differentiator: 'ab12cd34' });
  });

  it('reads nothing it cannot trust: no tag, bad JSON, odd types or values', () => {
    expect(readPageFacts(doc)).toEqual({});
    meta('{not json');
    expect(readPageFacts(doc)).toEqual({});
    meta('{"prismModeEnabled":"yes","sessionDifferentiator":"<script>"}');
    expect(readPageFacts(doc)).toEqual({});
    meta('null');
    expect(readPageFacts(doc)).toEqual({});
  });
});

describe('the bar', () => {
  const shadow = () => doc.querySelector('aws-role-switcher')?.shadowRoot;
  const label = () => shadow()?.querySelector<HTMLElement>('[data-testid="role-switcher-label"]');

  it('shows the profile, account and time left, and stays fixed and click-through', () => {
    const bar = createBar(doc);
    bar.render(display, T0);
    const host = doc.querySelector<HTMLElement>('aws-role-switcher');
    expect(label()?.textContent).toBe('demo-dev · 222222222222 · 1 m 05 s left');
    expect(label()?.dataset.status).toBe('live');
    expect(host?.getAttribute('style')).toMatch(/position: fixed;.*pointer-events: none;/);
    expect(host?.style.getPropertyValue('display')).toBe('block');
    expect(doc.getElementById('page')?.parentElement).toBe(doc.body);
  });

  it('always shows the account id, and a configured alias only beside it', () => {
    const bar = createBar(doc);
    bar.render({ ...display, accountAlias: 'acme-prod' }, T0);
    expect(label()?.textContent).toBe('demo-dev · 222222222222 (acme-prod) · 1 m 05 s left');
    // The id has its own part, which the label's style never cuts; names from the configuration may be cut.
    expect(label()?.querySelector('.account')?.textContent).toBe('222222222222');
    expect(shadow()?.querySelector('style')?.textContent).toMatch(/\.label > span \{ flex: none; \}/);
    expect(shadow()?.querySelector('style')?.textContent).not.toMatch(/\.account[^{]*\{[^}]*flex: 0 1/);
    bar.render({ ...display, accountAlias: '999999999999', status: 'replaced', replacedBy: 'demo-ro' }, T0);
    expect(label()?.textContent).toBe('demo-dev · 222222222222 (999999999999) · replaced: signed in as demo-ro in another tab');
    bar.render({ ...display, accountAlias: '' }, T0);
    expect(label()?.textContent).toBe('demo-dev · 222222222222 · 1 m 05 s left');
  });

  it('writes hours as hours: two hours left never reads like two minutes', () => {
    const bar = createBar(doc);
    bar.render({ ...display, consoleExpiresAt: T0 + 2 * 3_600_000 - 1 }, T0);
    expect(label()?.textContent).toBe('demo-dev · 222222222222 · 1 h 59 m left');
    bar.render({ ...display, consoleExpiresAt: T0 + 3_600_000 - 1 }, T0);
    expect(label()?.textContent).toBe('demo-dev · 222222222222 · 59 m 59 s left');
  });

  it('says when the session is over or replaced, and hides for a tab of no session', () => {
    const bar = createBar(doc);
    bar.render(display, T0 + 66_000);
    expect(label()?.textContent).toBe('demo-dev · 222222222222 · session expired');
    bar.render({ ...display, status: 'replaced', replacedBy: 'demo-ro' }, T0);
    expect(label()?.textContent).toBe('demo-dev · 222222222222 · replaced: signed in as demo-ro in another tab');
    bar.render(null, T0);
    expect(doc.querySelector<HTMLElement>('aws-role-switcher')?.style.getPropertyValue('display')).toBe('none');
  });

  it('comes back when a single-page console takes it out of the document', async () => {
    createBar(doc).render(display, T0);
    doc.querySelector('aws-role-switcher')?.remove();
    await vi.waitFor(() => expect(doc.querySelector('aws-role-switcher')).not.toBeNull());
  });
});
