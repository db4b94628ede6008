/**
 * Searches every file of a browser profile for secrets, byte for byte, in the forms they could be written in:
 * raw UTF-8, UTF-16 (V8 and Chromium store some strings so), URL- and form-encoded, JSON-escaped, and base64 or
 * base64url at each of the three byte alignments (a secret inside a larger base64 blob). LevelDB tables are also
 * searched decompressed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tableBlocks } from './leveldb-tables';

export interface Secret {
  /** What it is, for the failure message (never the secret itself). */
  label: string;
  value: string | Buffer;
}

export interface Hit {
  label: string;
  form: string;
  file: string;
}

export function profileFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function base64Forms(bytes: Buffer): [string, Buffer][] {
  const forms: [string, Buffer][] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    // Drop the characters that depend on unknown neighbouring bytes: the first group when shifted, the last one.
    const core = encoded.slice(shift === 0 ? 0 : 4, encoded.replace(/=+$/, '').length - 4);
    forms.push([`base64+${shift}`, Buffer.from(core)]);
    forms.push([`base64url+${shift}`, Buffer.from(core.replace(/\+/g, '-').replace(/\//g, '_'))]);
  }
  return forms;
}

export function encodings(secret: string | Buffer): [string, Buffer][] {
  const bytes = typeof secret === 'string' ? Buffer.from(secret) : secret;
  const forms: [string, Buffer][] = [['raw', bytes], ...base64Forms(bytes)];
  if (typeof secret === 'string') {
    forms.push(
      ['utf16le', Buffer.from(secret, 'utf16le')],
      ['url-encoded', Buffer.from(encodeURIComponent(secret))],
      ['form-encoded', Buffer.from(new URLSearchParams({ s: secret }).toString().slice(2))],
      ['json-escaped', Buffer.from(JSON.stringify(secret).slice(1, -1))],
    );
  }
  // Forms identical to the raw text (a secret with nothing to escape) are searched once.
  return forms.filter(([, form], i) => forms.findIndex(([, other]) => other.equals(form)) === i);
}

export function scanProfile(dir: string, secrets: Secret[]): { hits: Hit[]; files: number; tables: number } {
  const needles = secrets.flatMap((secret) => encodings(secret.value).map(([form, bytes]) => ({ label: secret.label, form, bytes })));
  const hits: Hit[] = [];
  const files = profileFiles(dir);
  let tables = 0;
  for (const file of files) {
    const content = readFileSync(file);
    const blocks = /\.(ldb|sst)$/.test(file) ? tableBlocks(content) : undefined;
    if (blocks) tables += 1;
    for (const haystack of [content, ...(blocks ?? [])]) {
      for (const needle of needles) {
        if (haystack.includes(needle.bytes)) hits.push({ label: needle.label, form: needle.form, file: relative(dir, file) });
      }
    }
  }
  return { hits, files: files.length, tables };
}
