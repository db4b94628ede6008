// @vitest-environment happy-dom
/**
 * A console page connecting ahead for the next login (src/content/preconnect.ts): a `preconnect` link per host of the
 * page's own site that is an AWS sign-in or console host, and nothing for any other host; each once; removed again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRECONNECT_LINK_MS, preconnect } from '../../../src/content/preconnect';

const links = () => [...document.head.querySelectorAll('link[rel="preconnect"]')].map((link) => link.getAttribute('href'));

beforeEach(() => {
  vi.useFakeTimers();
  document.head.innerHTML = '';
});
afterEach(() => vi.useRealTimers());

describe('a console page connecting ahead', () => {
  it('links each sign-in and console host of its own site once, with no crossorigin (the login\u2019s navigation is credentialed)', () => {
    const linked = preconnect(document, ['eu-west-1.signin.aws.amazon.com', 'eu-west-1.console.aws.amazon.com', 'eu-west-1.signin.aws.amazon.com'], 'us-east-1.console.aws.amazon.com');
    expect(linked).toEqual(['eu-west-1.signin.aws.amazon.com', 'eu-west-1.console.aws.amazon.com']);
    expect(links()).toEqual(['https://eu-west-1.signin.aws.amazon.com', 'https://eu-west-1.console.aws.amazon.com']);
    for (const link of document.head.querySelectorAll('link')) expect(link.hasAttribute('crossorigin')).toBe(false);
    // Asked again while the links are there: nothing added twice.
    expect(preconnect(document, ['eu-west-1.signin.aws.amazon.com'], 'us-east-1.console.aws.amazon.com')).toEqual([]);
    expect(links()).toHaveLength(2);
  });

  it('takes no host of another site, nor any host that is not an AWS sign-in or console host, nor anything not a list', () => {
    const page = 'eu-west-1.console.aws.amazon.com';
    expect(preconnect(document, ['signin.amazonaws.cn', 'evil.example', 'sts.eu-west-1.amazonaws.com', 'signin.aws.amazon.com.evil.example', 'x/y', 42], page)).toEqual([]);
    expect(preconnect(document, 'eu-west-1.signin.aws.amazon.com', page)).toEqual([]);
    expect(preconnect(document, ['eu-west-1.signin.aws.amazon.com'], 'evil.example')).toEqual([]);
    expect(links()).toEqual([]);
  });

  it('removes its links after a while', () => {
    preconnect(document, ['signin.aws.amazon.com'], 'console.aws.amazon.com');
    vi.advanceTimersByTime(PRECONNECT_LINK_MS - 1);
    expect(links()).toEqual(['https://signin.aws.amazon.com']);
    vi.advanceTimersByTime(1);
    expect(links()).toEqual([]);
  });
});
