import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consoleHomeUrl, parseSigninTokenResponse, safeConsoleDestination, signinTokenUrl } from '../../../src/core/federation';
import { loginForm } from '../../../src/core/login-form';

const credentials = { accessKeyId: 'ASIAEXAMPLE000000001', secretAccessKey: 'secret/with+chars=', sessionToken: 'token+/=' };

describe('federation URLs', () => {
  it('puts the session JSON and the duration in getSigninToken', () => {
    const url = new URL(signinTokenUrl('aws', 'eu-west-1', credentials, 43_200));
    expect(url.host).toBe('eu-west-1.signin.aws.amazon.com');
    expect(url.pathname).toBe('/federation');
    expect(url.searchParams.get('Action')).toBe('getSigninToken');
    expect(url.searchParams.get('SessionDuration')).toBe('43200');
    expect(JSON.parse(url.searchParams.get('Session') ?? '')).toEqual({
      sessionId: credentials.accessKeyId,
      sessionKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    });
  });

  it('leaves SessionDuration out when not given', () => {
    expect(new URL(signinTokenUrl('aws', undefined, credentials)).searchParams.has('SessionDuration')).toBe(false);
  });

  it('uses each partition\u2019s own sign-in host', () => {
    expect(new URL(signinTokenUrl('aws-cn', 'cn-north-1', credentials)).host).toBe('signin.amazonaws.cn');
    expect(new URL(signinTokenUrl('aws-us-gov', 'us-gov-west-1', credentials)).host).toBe('signin.amazonaws-us-gov.com');
    expect(new URL(signinTokenUrl('aws', undefined, credentials)).host).toBe('signin.aws.amazon.com');
  });

  it('builds the login form to a console destination', () => {
    const form = loginForm('aws', 'us-west-2', 'TOKEN', consoleHomeUrl('aws', 'us-west-2'));
    expect(form.action).toBe('https://us-west-2.signin.aws.amazon.com/federation');
    expect(form.fields).toEqual({
      Action: 'login',
      Issuer: 'role-switcher',
      SigninToken: 'TOKEN',
      Destination: 'https://us-west-2.console.aws.amazon.com/console/home?region=us-west-2',
    });
  });

  it('never sends the login anywhere but a console host of the same partition', () => {
    for (const bad of [
      'https://evil.example.com/',
      'http://console.aws.amazon.com/',
      'https://console.aws.amazon.com.evil.example/',
      'https://console.amazonaws.cn/',
      'https://user:pw@console.aws.amazon.com/',
      'https://console.aws.amazon.com:8443/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(safeConsoleDestination('aws', bad)).toBeUndefined();
      expect(() => loginForm('aws', undefined, 'T', bad)).toThrow();
    }
    expect(safeConsoleDestination('aws', 'https://123456789012-abc.us-east-1.console.aws.amazon.com/s3/home')).toBeDefined();
  });

  it('accepts only arbitrary URLs whose host is a console host (property)', () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        const safe = safeConsoleDestination('aws', url);
        if (safe !== undefined) {
          const host = new URL(safe).hostname;
          expect(host === 'console.aws.amazon.com' || host.endsWith('.console.aws.amazon.com')).toBe(true);
        }
      }),
    );
  });

  it('reads the sign-in token, and nothing from an HTML refusal', () => {
    expect(parseSigninTokenResponse('{"SigninToken":"abc"}')).toBe('abc');
    expect(parseSigninTokenResponse('<html>400 Bad Request</html>')).toBeUndefined();
    expect(parseSigninTokenResponse('{"SigninToken":""}')).toBeUndefined();
    expect(parseSigninTokenResponse('null')).toBeUndefined();
  });
});
