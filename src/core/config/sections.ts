/**
 * From a tokenized INI section to what the profile readers need: the profile name and kind, its owned values
 * (unquoted, first occurrence), and the layout export uses to write it back.
 */
import type { Diagnostic, SectionLayout, Setting } from './model';
import type { IniSection, IniSetting } from './ini';
import { unquote } from './ini';
import { isOwnedKey, keyOf, ROLE_MARKERS, SECRET_KEYS, SSO_MARKERS, type SectionKind } from './keys';
import { newReport, type Report } from './diagnostics';
import { isSecretKey, meantKey } from './key-typos';

export type Header =
  | { type: 'profile'; name: string; prefixed: boolean }
  | { type: 'sso-session'; name: string }
  | { type: 'ignored'; what: string };

const WHITESPACE = /\s/;

/**
 * `[profile x]` and `[x]` both name profile x (AESR and the CLI's credentials file use the bare form);
 * `[sso-session x]` is an IAM Identity Center session; `[services x]` holds AWS CLI endpoint settings.
 */
export function readHeader(header: string): Header {
  const space = header.search(WHITESPACE);
  if (space > 0) {
    const type = header.slice(0, space).toLowerCase();
    const name = header.slice(space).trimStart();
    if (type === 'profile') return { type: 'profile', name, prefixed: true };
    if (type === 'sso-session') return { type: 'sso-session', name };
    if (type === 'services') return { type: 'ignored', what: header };
  }
  return { type: 'profile', name: header, prefixed: false };
}

/** Whether `[name]` reads back as profile `name` (else export must write `[profile name]`). */
export function bareHeaderWorks(name: string): boolean {
  const header = readHeader(name);
  return header.type === 'profile' && !header.prefixed;
}

export interface Value {
  /** Unquoted. */
  value: string;
  line: number;
}

export interface Section {
  name: string;
  line: number;
  kind: SectionKind;
  /** Owned keys (see keys.ts) with a non-empty value, by lowercase key. */
  values: Map<string, Value>;
  /** Every key present, lowercase, with the line of its first occurrence (for classification and hints). */
  present: Map<string, number>;
  layout: SectionLayout;
  report: Report;
}

export function readProfileSection(ini: IniSection, name: string, prefixed: boolean, sink: Diagnostic[]): Section {
  const report = newReport(sink, name);
  const present = collectKeys(ini, report);
  const kind = classify(present, report, ini.line);
  const usesSession = hasValue(ini, present, 'sso_session');
  return build(ini, name, kind, prefixed, usesSession, present, report);
}

export function readSessionSection(ini: IniSection, name: string, sink: Diagnostic[]): Section {
  const report = newReport(sink, `sso-session ${name}`);
  const present = collectKeys(ini, report);
  return build(ini, name, 'sso-session', false, false, present, report);
}

/** Lowercase keys with their first line; reports duplicates and keys that must not be in the text. */
function collectKeys(ini: IniSection, report: Report): Map<string, number> {
  const present = new Map<string, number>();
  for (const setting of ini.settings) {
    const key = keyOf(setting.key);
    const first = present.get(key);
    if (first !== undefined) {
      report.add('duplicate-key', setting.line,
        `${setting.key} is set twice in this profile (first on line ${first}): keep one of the two lines.`);
      continue;
    }
    present.set(key, setting.line);
    if (SECRET_KEYS.has(key)) {
      report.add('keys-in-config', setting.line,
        `${setting.key} does not belong in the configuration, which is stored unencrypted and may sync: ` +
        `delete this line and add the keys to the vault under the name "${report.profile ?? ''}". It was not kept.`);
    }
  }
  return present;
}

function classify(present: Map<string, number>, report: Report, line: number): SectionKind {
  const role = firstPresent(ROLE_MARKERS, present);
  const sso = firstPresent(SSO_MARKERS, present);
  if (role && sso) {
    report.add('sso-and-role', present.get(role) ?? line,
      `This profile has both ${sso} and ${role}: a profile is either an SSO sign-in or a role. Move the role ` +
      `into its own profile with source_profile = ${report.profile ?? ''}.`);
  }
  if (role) return 'role';
  if (sso) return 'sso';
  return 'keys';
}

function firstPresent<K extends string>(keys: readonly K[], present: Map<string, number>): K | undefined {
  for (const key of keys) if (present.has(key)) return key;
  return undefined;
}

function hasValue(ini: IniSection, present: Map<string, number>, key: string): boolean {
  const line = present.get(key);
  if (line === undefined) return false;
  const setting = ini.settings.find((s) => s.line === line);
  return setting !== undefined && unquote(setting.value).trim() !== '';
}

function build(
  ini: IniSection, name: string, kind: SectionKind, prefixed: boolean, usesSession: boolean,
  present: Map<string, number>, report: Report,
): Section {
  const values = new Map<string, Value>();
  const settings: Setting[] = [];
  for (const setting of ini.settings) {
    const key = keyOf(setting.key);
    // Only the first of duplicated keys (a duplicate is an error anyway), and never a secret.
    if (present.get(key) !== setting.line || SECRET_KEYS.has(key)) continue;
    if (!isOwnedKey(kind, key, usesSession)) {
      reportTypo(setting, key, report);
      settings.push(toLayout(setting));
      continue;
    }
    const value = unquote(setting.value).trim();
    if (value === '') {
      report.add('empty-value', setting.line,
        `${setting.key} has no value, so it is ignored: write ${setting.key} = <value>, or delete the line.`);
      continue;
    }
    values.set(key, { value, line: setting.line });
    settings.push({ key: setting.key, value: setting.value });
  }
  // The model keeps the layout: a copy of the exact length, where an array grown by push has room for 16.
  return { name, line: ini.line, kind, values, present, layout: { prefixed, settings: settings.slice() }, report };
}

/** A key nobody reads that is close to one we read (key-typos.ts): kept and ignored as any, with a warning. */
function reportTypo(setting: IniSetting, key: string, report: Report): void {
  const meant = meantKey(key);
  if (meant === undefined) return;
  // The line's value is never quoted back: a misspelt secret key holds a secret.
  report.add('misspelt-key', setting.line, isSecretKey(meant)
    ? `${setting.key} looks like ${meant} misspelt: access keys do not belong in the configuration, which is stored ` +
      `unencrypted and may sync. Delete this line and add the keys to the vault.`
    : `${setting.key} is not a key this extension or the AWS CLI reads, so it is ignored: did you mean ${meant}? ` +
      `Write ${meant} = and the same value.`);
}

function toLayout(setting: IniSetting): Setting {
  const result: Setting = { key: setting.key, value: setting.value };
  if (setting.nested) result.nested = setting.nested.map(toLayout);
  return result;
}
