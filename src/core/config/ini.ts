/**
 * INI tokenizer for AESR configurations and `~/.aws/config`: sections, `key = value`, whole-line and inline
 * comments, quoted values, CRLF, a byte-order mark, and the AWS CLI's indented sub-settings
 * (`s3 =` followed by `  max_concurrent_requests = 10`). It knows nothing of profiles; parse-config.ts does.
 *
 * Comments: a line starting with `#` or `;` is a comment. After a value, `#` or `;` preceded by whitespace starts
 * an inline comment (AESR's README uses `role_name = Manager ; overrides target role name`), unless it is inside
 * quotes. A `#` straight after `=` is a value (`color = #ff0000`), and so is one with no space before it
 * (`https://example.com/#x`): the AWS CLI has no inline comments at all, so we cut as little as we can.
 */

export interface IniSetting {
  /** As written (case kept); compare with `keyOf(key)` (keys.ts). */
  key: string;
  /** Without leading/trailing whitespace or inline comment; quotes kept (see `unquote`). */
  value: string;
  line: number;
  nested?: IniSetting[];
}

export interface IniSection {
  /** The text between the brackets, trimmed. */
  header: string;
  line: number;
  settings: IniSetting[];
}

export type IniProblemCode = 'bad-line' | 'bad-section' | 'outside-section' | 'unclosed-quote';

export interface IniProblem {
  code: IniProblemCode;
  line: number;
  /** The section the line belongs to, if any. */
  section?: IniSection;
  /** The key, for `outside-section` and `unclosed-quote` (never the value: it could be a secret). */
  key?: string;
}

export interface IniDocument {
  sections: IniSection[];
  problems: IniProblem[];
}

const INLINE_COMMENT = /\s[;#]/;
const AFTER_CLOSING_QUOTE = /^\s*(?:[;#][\s\S]*)?$/;

export function tokenizeIni(text: string): IniDocument {
  const sections: IniSection[] = [];
  const problems: IniProblem[] = [];
  readIni(text, problems, (section) => sections.push(section));
  return { sections, problems };
}

/**
 * The same, one section at a time: `onSection` gets each section once all its lines are read, in text order, and
 * `problems` the line problems as they are met (a section's before the section). parse-config.ts builds each
 * profile at once, so the thousands of tokens of a large configuration are never all held together.
 */
export function readIni(text: string, problems: IniProblem[], onSection: (section: IniSection) => void): void {
  let section: IniSection | undefined;
  /** After a bad header, its lines are skipped: the header's error covers them. */
  let skipping = false;
  /** The last setting, while it has no value and so may open a block of lines indented deeper than it. */
  let block: IniSetting | undefined;
  let blockIndent = 0;
  /** Each key as written, once: thousands of sections repeat the same few keys, and the model keeps them. */
  const keys = new Map<string, string>();

  // Line by line as split(/\r\n|\r|\n/) would cut them, and each line read where it stands in the text, as
  // trim() would cut it: only what is kept is copied out (thousands of lines, each copied twice, were most of what a
  // parse allocated).
  let line = 0;
  for (let start = text.charCodeAt(0) === 0xfeff ? 1 : 0; start <= text.length;) {
    const lineStart = start;
    const end = lineEnd(text, start);
    start = nextLine(text, end);
    line++;
    let from = lineStart;
    let to = end;
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    const first = text[from];
    if (from === to || first === '#' || first === ';') continue;

    if (first === '[') {
      block = undefined;
      if (section) onSection(section);
      const header = readHeader(text.slice(from, to));
      if (header === undefined) {
        problems.push({ code: 'bad-section', line });
        section = undefined;
        skipping = true;
      } else {
        section = { header, line, settings: [] };
        skipping = false;
      }
      continue;
    }
    if (skipping) continue;

    const setting = readSetting(text, from, to, line, keys);
    const indent = indentOf(text, lineStart, end);
    if (block && indent > blockIndent) {
      if (setting) {
        (block.nested ??= []).push(setting);
        if (opensUnclosedQuote(text, from, to, setting.value)) problems.push(problem('unclosed-quote', line, section, setting.key));
      } else {
        problems.push(problem('bad-line', line, section));
      }
      continue;
    }
    block = undefined;

    if (!setting) {
      problems.push(problem('bad-line', line, section));
      continue;
    }
    if (!section) {
      problems.push({ code: 'outside-section', line, key: setting.key });
      continue;
    }
    section.settings.push(setting);
    if (opensUnclosedQuote(text, from, to, setting.value)) problems.push(problem('unclosed-quote', line, section, setting.key));
    if (setting.value === '') {
      block = setting;
      blockIndent = indent;
    }
  }
  if (section) onSection(section);
}

/** Where the line starting at `start` ends: at its \r or \n, or at the end of the text. */
function lineEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code === 0x0a || code === 0x0d) break;
    end++;
  }
  return end;
}

/** Where the line after the one ending at `end` starts (\r\n is one break); past the text after the last line. */
function nextLine(text: string, end: number): number {
  if (end >= text.length) return text.length + 1;
  return text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
}

function indentOf(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
  return at - start;
}

const SPACE = /\s/;

/** White space as trim() sees it (WhiteSpace and LineTerminator, which is also what \s matches). */
function isSpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  return code >= 0xa0 && SPACE.test(String.fromCharCode(code));
}

function problem(code: IniProblemCode, line: number, section: IniSection | undefined, key?: string): IniProblem {
  const result: IniProblem = { code, line };
  if (section) result.section = section;
  if (key !== undefined) result.key = key;
  return result;
}

/** `[name]`, optionally followed by a comment; undefined when malformed or empty. */
function readHeader(trimmed: string): string | undefined {
  const close = trimmed.indexOf(']');
  if (close < 0) return undefined;
  const after = trimmed.slice(close + 1).trim();
  if (after !== '' && !after.startsWith('#') && !after.startsWith(';')) return undefined;
  const header = trimmed.slice(1, close).trim();
  return header === '' ? undefined : header;
}

/** `key = value` from the trimmed line `text[from, to)` (`from` is not white space); undefined when it is none. */
function readSetting(text: string, from: number, to: number, line: number, keys: Map<string, string>): IniSetting | undefined {
  const equals = indexWithin(text, '=', from, to);
  if (equals <= from) return undefined;
  let keyEnd = equals;
  while (keyEnd > from && isSpace(text.charCodeAt(keyEnd - 1))) keyEnd--;
  const written = text.slice(from, keyEnd);
  let key = keys.get(written);
  if (key === undefined) keys.set(written, key = written);
  let valueStart = equals + 1;
  while (valueStart < to && isSpace(text.charCodeAt(valueStart))) valueStart++;
  return { key, value: readValue(text.slice(valueStart, to)), line };
}

/** The value from the text after `=`, trimmed. */
function readValue(value: string): string {
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const close = value.indexOf(quote, 1);
    if (close > 0 && AFTER_CLOSING_QUOTE.test(value.slice(close + 1))) return value.slice(0, close + 1);
  }
  const comment = INLINE_COMMENT.exec(value);
  return comment ? value.slice(0, comment.index).trimEnd() : value;
}

/**
 * Whether a setting's value opens a quote that its line (trimmed, `text[from, to)`) never closes: the quote is then
 * part of the value. `value` is what readSetting read: it starts with a quote exactly when the text after `=` does.
 */
function opensUnclosedQuote(text: string, from: number, to: number, value: string): boolean {
  const quote = value[0];
  if (quote !== '"' && quote !== "'") return false;
  const open = indexWithin(text, quote, indexWithin(text, '=', from, to) + 1, to);
  return indexWithin(text, quote, open + 1, to) < 0;
}

/**
 * Where `char` first is in `text[from, to)`, or -1. Never past the line: indexOf would search the rest of the text,
 * and a long text of lines without `=` (a file pasted by mistake) would be searched to its end once per line.
 */
function indexWithin(text: string, char: string, from: number, to: number): number {
  for (let at = from; at < to; at++) if (text[at] === char) return at;
  return -1;
}

/** The value without one pair of surrounding quotes (`"x"` or `'x'`), as AESR reads `image = "https://..."`. */
export function unquote(value: string): string {
  if (value.length >= 2) {
    const first = value[0];
    if ((first === '"' || first === "'") && value.endsWith(first)) return value.slice(1, -1);
  }
  return value;
}
