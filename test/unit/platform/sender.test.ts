import { describe, expect, it } from 'vitest';
import { isAllowedSender } from '../../../src/platform/sender';

const id = 'abcdefghijklmnopabcdefghijklmnop';
const base = `chrome-extension://${id}/`;

describe('who may send a message', () => {
  it('accepts the extension\u2019s own pages', () => {
    expect(isAllowedSender({ id, url: `${base}popup/index.html` }, 'extension-pages', id, base)).toBe(true);
    expect(isAllowedSender({ id, url: `${base}src/options/index.html`, tab: { index: 0, highlighted: false, active: true, pinned: false, incognito: false } }, 'extension-pages', id, base)).toBe(true);
  });

  it('refuses content scripts (our id, a web page URL) for extension-page messages', () => {
    expect(isAllowedSender({ id, url: 'https://eu-west-1.console.aws.amazon.com/console/home' }, 'extension-pages', id, base)).toBe(false);
    expect(isAllowedSender({ id, url: 'about:blank' }, 'extension-pages', id, base)).toBe(false);
    expect(isAllowedSender({ id }, 'extension-pages', id, base)).toBe(false);
  });

  it('refuses other extensions and look-alike URLs', () => {
    expect(isAllowedSender({ id: 'other', url: `${base}popup/index.html` }, 'extension-pages', id, base)).toBe(false);
    expect(isAllowedSender({ id, url: `chrome-extension://${id}evil/popup.html` }, 'extension-pages', id, base)).toBe(false);
    expect(isAllowedSender({ id, url: `${base}x` }, 'extension-pages', id, 'chrome-extension://x')).toBe(false);
  });

  it('lets content scripts ask for display data', () => {
    expect(isAllowedSender({ id, url: 'https://console.aws.amazon.com/' }, 'content-scripts', id, base)).toBe(true);
    expect(isAllowedSender({ id: 'other', url: 'https://console.aws.amazon.com/' }, 'content-scripts', id, base)).toBe(false);
  });
});
