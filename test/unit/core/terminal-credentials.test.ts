/** Credentials for a terminal: each shell's syntax, quoting that survives any character, and the expiry said. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { terminalText } from '../../../src/core/terminal-credentials';

const CREDS = { accessKeyId: 'ASIAEXAMPLE000000001', secretAccessKey: "wJalr/XUtnFEMI+K7MDENG'bPxRfi$CYEXAMPLEKEY", sessionToken: 'FwoGZX//token==', expiresAt: Date.UTC(2026, 11, 1, 13, 0) };

describe('terminalText', () => {
  it('writes bash/zsh exports that a shell reads back exactly (quotes and $ included)', () => {
    const text = terminalText('dev', CREDS, 'bash');
    expect(text.split('\n')[0]).toBe('# dev, until 2026-12-01T13:00:00.000Z');
    const echoed = execFileSync('bash', ['-c', `${text}\nprintf '%s\\n' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN"`], { encoding: 'utf8', env: {} });
    expect(echoed.split('\n').slice(0, 3)).toEqual([CREDS.accessKeyId, CREDS.secretAccessKey, CREDS.sessionToken]);
  });

  it('writes fish and PowerShell syntax with their own quoting', () => {
    expect(terminalText('dev', CREDS, 'fish')).toContain(`set -gx AWS_SECRET_ACCESS_KEY 'wJalr/XUtnFEMI+K7MDENG'\\''bPxRfi$CYEXAMPLEKEY'`);
    expect(terminalText('dev', CREDS, 'powershell')).toContain(`$Env:AWS_SECRET_ACCESS_KEY = 'wJalr/XUtnFEMI+K7MDENG''bPxRfi$CYEXAMPLEKEY'`);
  });

  it('writes a ~/.aws/credentials block named after the profile', () => {
    expect(terminalText('team [dev]', CREDS, 'credentials-file').split('\n').slice(1, 5)).toEqual([
      '[team _dev_]',
      `aws_access_key_id = ${CREDS.accessKeyId}`,
      `aws_secret_access_key = ${CREDS.secretAccessKey}`,
      `aws_session_token = ${CREDS.sessionToken}`,
    ]);
  });
});
