/** The launch page's address fragment: its one-time id, then only AWS sign-in and console hosts to connect to ahead. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchFragment, loginHosts, loginSite, readLaunchFragment } from '../../../src/core/launch-fragment';
import { consoleUrlPatterns } from '../../../src/core/partitions';

const ID = '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b';

describe('the launch fragment', () => {
  it('carries the id, then the hosts', () => {
    const fragment = launchFragment(ID, ['eu-west-1.signin.aws.amazon.com', 'eu-west-1.console.aws.amazon.com']);
    expect(fragment).toBe(`${ID}/eu-west-1.signin.aws.amazon.com/eu-west-1.console.aws.amazon.com`);
    expect(readLaunchFragment(`#${fragment}`)).toEqual({ id: ID, preconnect: ['eu-west-1.signin.aws.amazon.com', 'eu-west-1.console.aws.amazon.com'] });
    expect(readLaunchFragment(ID)).toEqual({ id: ID, preconnect: [] });
    expect(readLaunchFragment('')).toEqual({ id: '', preconnect: [] });
  });

  it('names only AWS sign-in and console hosts, whatever it is given or read from', () => {
    expect(launchFragment(ID, ['evil.example', 'signin.aws.amazon.com.evil.example', 'sts.us-east-1.amazonaws.com', 'signin.amazonaws.cn'])).toBe(`${ID}/signin.amazonaws.cn`);
    expect(readLaunchFragment(`${ID}/evil.example/x.console.aws.amazon.com.evil/USER@console.aws.amazon.com/console.amazonaws-us-gov.com`).preconnect).toEqual([
      'console.amazonaws-us-gov.com',
    ]);
  });

  it('a form\u2019s hosts: where it is posted and the console it lands on', () => {
    expect(loginHosts('https://signin.aws.amazon.com/federation', 'https://us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2')).toEqual([
      'signin.aws.amazon.com',
      'us-west-2.console.aws.amazon.com',
    ]);
    expect(loginHosts('not a url', 'https://evil.example/')).toEqual([]);
  });

  it('a login host’s site: where the browser keeps its connections; none for any other host', () => {
    expect(loginSite('eu-west-1.signin.aws.amazon.com')).toBe('amazon.com');
    expect(loginSite('abc.eu-west-1.console.aws.amazon.com')).toBe('amazon.com');
    expect(loginSite('signin.amazonaws.cn')).toBe('amazonaws.cn');
    expect(loginSite('us-gov-west-1.console.amazonaws-us-gov.com')).toBe('amazonaws-us-gov.com');
    expect(loginSite('sts.us-east-1.amazonaws.com')).toBeUndefined();
    expect(loginSite('evil.amazon.com')).toBeUndefined();
  });
});

describe('console pages', () => {
  it('the patterns console tabs are found by are the content script\u2019s, in the manifest', () => {
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', '..', 'manifest.json'), 'utf8')) as { content_scripts: { matches: string[] }[] };
    expect([...consoleUrlPatterns()].sort()).toEqual([...manifest.content_scripts.flatMap((script) => script.matches)].sort());
  });
});
