/**
 * What the configuration text already holds, for an import: every section name (new names must differ from all),
 * and every Identity Center profile with its start URL, account and permission set as written.
 *
 * Read from the INI sections themselves, not from `parseConfig`'s model: a profile the parser leaves out for a
 * mistake (a bad colour, say) is still that account and role, and importing it a second time would duplicate it.
 */
import { tokenizeIni, unquote } from '../config/ini';
import { keyOf } from '../config/keys';
import { readHeader } from '../config/sections';

export interface ExistingSsoProfile {
  name: string;
  line: number;
  /** As written; undefined for the legacy form. */
  sessionName?: string;
  /** The profile's own (legacy) or its session's start URL, as written. */
  startUrl?: string;
  accountId?: string;
  roleName?: string;
}

export interface ExistingSections {
  /** Every profile and sso-session name. */
  names: string[];
  /** `[sso-session]` start URLs by session name. */
  sessionStartUrls: Map<string, string>;
  ssoProfiles: ExistingSsoProfile[];
}

const WANTED = new Set(['sso_session', 'sso_start_url', 'sso_account_id', 'sso_role_name']);

export function existingSections(text: string): ExistingSections {
  const names: string[] = [];
  const sessionStartUrls = new Map<string, string>();
  const drafts: Array<{ name: string; line: number; values: Map<string, string> }> = [];
  for (const section of tokenizeIni(text).sections) {
    const header = readHeader(section.header);
    if (header.type === 'ignored') continue;
    names.push(header.name);
    const values = new Map<string, string>();
    for (const setting of section.settings) {
      const key = keyOf(setting.key);
      const value = unquote(setting.value).trim();
      // The first occurrence, as the parser reads it.
      if (WANTED.has(key) && value !== '' && !values.has(key)) values.set(key, value);
    }
    if (header.type === 'sso-session') {
      const url = values.get('sso_start_url');
      if (url !== undefined && !sessionStartUrls.has(header.name)) sessionStartUrls.set(header.name, url);
    } else if (values.has('sso_account_id') || values.has('sso_role_name') || values.has('sso_session') || values.has('sso_start_url')) {
      drafts.push({ name: header.name, line: section.line, values });
    }
  }
  const ssoProfiles = drafts.map(({ name, line, values }): ExistingSsoProfile => {
    const profile: ExistingSsoProfile = { name, line };
    const sessionName = values.get('sso_session');
    const startUrl = sessionName === undefined ? values.get('sso_start_url') : sessionStartUrls.get(sessionName);
    if (sessionName !== undefined) profile.sessionName = sessionName;
    if (startUrl !== undefined) profile.startUrl = startUrl;
    const accountId = values.get('sso_account_id');
    if (accountId !== undefined) profile.accountId = accountId;
    const roleName = values.get('sso_role_name');
    if (roleName !== undefined) profile.roleName = roleName;
    return profile;
  });
  return { names, sessionStartUrls, ssoProfiles };
}

/**
 * Start URLs compared as AWS matches them: without a trailing `/`, `#` or `/#` (the portal's own links end in
 * `#/`), and the host without case.
 */
export function sameStartUrl(a: string, b: string): boolean {
  return normalise(a) === normalise(b);
}

function normalise(url: string): string {
  const trimmed = url.trim().replace(/[/#]+$/, '');
  const scheme = /^https?:\/\/[^/]*/i.exec(trimmed);
  return scheme ? scheme[0].toLowerCase() + trimmed.slice(scheme[0].length) : trimmed;
}
