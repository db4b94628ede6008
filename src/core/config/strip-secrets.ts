/**
 * Access keys never reach the stored configuration: it is unencrypted, synced to the browser's servers, and
 * exported as a file. A `~/.aws/credentials` pasted or imported by mistake (or a config with keys in it) has its
 * key lines replaced by a comment before anything is saved, and a stored text from an older version is scrubbed the
 * same way on the next start.
 *
 * Line by line, not through the parser: a key line must go even where the parser gives up (after a bad section
 * header, outside any section, in an indented block, in a shell `export` line). A replaced line keeps its place
 * (the comment is one line), so the parser's line numbers for the saved text match what the person typed.
 */

/** Key names the AWS CLI and SDKs read as secrets (any case; `export AWS_...=` as in an env file). */
const SECRET_LINE = /^(\s*)(?:export\s+)?(aws_access_key_id|aws_secret_access_key|aws_session_token|aws_security_token)\s*[=:](.*)$/i;
const SECTION = /^\s*\[\s*(?:profile\s+)?([^\]]*?)\s*\]/;

export interface RemovedSecret {
  line: number;
  /** The key as written, lowercase (`aws_secret_access_key`), never its value. */
  key: string;
  /** The section the line was in, if any. */
  profile?: string;
}

export interface StrippedConfig {
  text: string;
  removed: RemovedSecret[];
}

/** The comment that takes a key line's place in the saved text. */
export function removedLineComment(key: string): string {
  return `# ${key} removed: access keys are never stored in the configuration (keep them in the vault)`;
}

export function stripSecrets(text: string): StrippedConfig {
  const removed: RemovedSecret[] = [];
  let profile: string | undefined;
  const lines = text.split(/(\r\n|\r|\n)/);
  // split with a capture group keeps the line breaks at odd indexes, so the text is rebuilt byte for byte.
  for (let index = 0; index < lines.length; index += 2) {
    const line = lines[index] ?? '';
    const section = SECTION.exec(line);
    if (section) profile = section[1];
    const secret = SECRET_LINE.exec(line);
    if (!secret) continue;
    const key = (secret[2] ?? '').toLowerCase();
    removed.push({ line: index / 2 + 1, key, ...(profile !== undefined && { profile }) });
    lines[index] = `${secret[1] ?? ''}${removedLineComment(key)}`;
  }
  return removed.length === 0 ? { text, removed } : { text: lines.join(''), removed };
}

export interface FoundKeys {
  profile: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

/**
 * The access key pairs written in a text, per section, for the options page to offer moving them into the vault
 * (in the page's memory only; nothing here is stored or sent anywhere but the vault the person chooses).
 */
export function findKeyPairs(text: string): FoundKeys[] {
  const found = new Map<string, FoundKeys>();
  let profile = 'default';
  for (const line of text.split(/\r\n|\r|\n/)) {
    const section = SECTION.exec(line);
    if (section) profile = section[1] ?? profile;
    const secret = SECRET_LINE.exec(line);
    if (!secret) continue;
    const value = unquoted(secret[3] ?? '');
    const entry = found.get(profile) ?? { profile };
    const key = (secret[2] ?? '').toLowerCase();
    if (key === 'aws_access_key_id') entry.accessKeyId = value;
    if (key === 'aws_secret_access_key') entry.secretAccessKey = value;
    found.set(profile, entry);
  }
  return [...found.values()].filter((entry) => entry.accessKeyId !== undefined || entry.secretAccessKey !== undefined);
}

function unquoted(raw: string): string {
  const value = raw.replace(/\s[;#].*$/, '').trim();
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}
