/**
 * Temporary credentials written for a terminal, as the AWS access portal offers them and where `aws sts
 * assume-role` walk-throughs end: environment variables for bash/zsh, fish or PowerShell, or a block for
 * `~/.aws/credentials`. Values are quoted for each shell (a secret key holds `/` and `+`). Pure: the popup writes
 * the text to the clipboard on the person's click, and it is kept nowhere.
 */
export type TerminalFormat = 'bash' | 'fish' | 'powershell' | 'credentials-file';

export const TERMINAL_FORMATS: readonly TerminalFormat[] = ['bash', 'fish', 'powershell', 'credentials-file'];

export interface TerminalCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

const NAMES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;

/** Single quotes for POSIX shells and fish: nothing inside is expanded; a quote itself is closed, escaped, reopened. */
const single = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;
/** PowerShell's single-quoted string: a quote is doubled. */
const powershell = (value: string): string => `'${value.replace(/'/g, "''")}'`;

export function terminalText(profile: string, credentials: TerminalCredentials, format: TerminalFormat): string {
  const values = [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken];
  const expires = new Date(credentials.expiresAt).toISOString();
  const note = `${profile}, until ${expires}`;
  switch (format) {
    case 'bash':
      return [`# ${note}`, ...NAMES.map((name, i) => `export ${name}=${single(values[i] ?? '')}`)].join('\n') + '\n';
    case 'fish':
      return [`# ${note}`, ...NAMES.map((name, i) => `set -gx ${name} ${single(values[i] ?? '')}`)].join('\n') + '\n';
    case 'powershell':
      return [`# ${note}`, ...NAMES.map((name, i) => `$Env:${name} = ${powershell(values[i] ?? '')}`)].join('\n') + '\n';
    case 'credentials-file':
      // A section name is one line of INI: no brackets or line breaks from a profile name.
      return [`# ${note}`, `[${profile.replace(/[[\]\r\n]/g, '_')}]`, ...NAMES.map((name, i) => `${name.toLowerCase()} = ${values[i] ?? ''}`)].join('\n') + '\n';
  }
}
