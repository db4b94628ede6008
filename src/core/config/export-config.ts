/**
 * The model back to INI text. `parseConfig(exportConfig(model))` gives the same roles, sources and SSO sessions.
 *
 * When a profile carries the layout the parser saw, export writes it as the user did: header form, key order,
 * values as typed (quotes, `ff9900` for `#ff9900`), unknown keys and indented blocks. A value the model changed
 * is written anew; a setting the model dropped is left out; settings the model gained come after the rest.
 * Not kept: comments and blank lines (the tokenizer drops them), sections with errors (they are not in the
 * model), `[services]` sections, and access keys (never in the model).
 *
 * A model can say something the text cannot: a role with no region under a base account with `target_region`
 * gets that region back. Models from `parseConfig` never do this.
 */
import { formatRoleArn, parseRoleArn } from '../arn';
import type { ConfigModel, KeySource, RoleProfile, SectionLayout, Setting, SsoSession, SsoSource } from './model';
import { unquote } from './ini';
import { isOwnedKey, keyOf, KEY_SOURCE_KEYS, ROLE_KEYS, SSO_SESSION_KEYS, SSO_SOURCE_KEYS, type SectionKind } from './keys';
import { bareHeaderWorks } from './sections';
import { joinRoleName, normaliseColor, parseDuration } from './values';

/** Model values by key, as the parser would read them back (the canonical form of each value). */
type Desired = Map<string, string>;

interface Targets {
  roleName?: string | undefined;
  region?: string | undefined;
}

export function exportConfig(model: ConfigModel): string {
  const targets = new Map<string, Targets>();
  for (const source of model.sources) {
    if (source.kind === 'keys') targets.set(source.name, { roleName: source.targetRoleName, region: source.targetRegion });
  }
  for (const role of model.roles) targets.set(role.name, { roleName: role.targetRoleName, region: role.targetRegion });

  const blocks: { line: number; order: number; text: string[] }[] = [];
  const add = (line: number, text: string[]): void => {
    blocks.push({ line, order: blocks.length, text });
  };
  for (const session of model.ssoSessions) add(session.line, sessionSection(session));
  for (const source of model.sources) add(source.line, source.kind === 'keys' ? keySection(source) : ssoSection(source));
  for (const role of model.roles) {
    if (role.identityCenter) continue; // written with its source section below
    add(role.line, roleSection(role, role.sourceProfile === undefined ? {} : targets.get(role.sourceProfile) ?? {}));
  }
  blocks.sort((a, b) => a.line - b.line || a.order - b.order);
  return blocks.map((b) => `${b.text.join('\n')}\n`).join('\n');
}

function roleSection(role: RoleProfile, source: Targets): string[] {
  const has = layoutHas(role.layout);
  const desired: Desired = new Map();
  const fullName = joinRoleName(role.rolePath, role.roleName);
  if (role.accountIsAlias || (role.partition === 'aws' && has('aws_account_id') && !has('role_arn'))) {
    // AESR's form, kept where the user wrote it; role_arn everywhere else (it says path and partition too). An
    // account alias has no ARN: AESR's form always.
    desired.set('aws_account_id', role.accountId);
    if (has('role_name') || source.roleName !== fullName) desired.set('role_name', fullName);
  } else {
    desired.set('role_arn', role.roleArn);
  }
  put(desired, 'source_profile', role.sourceProfile);
  if (has('region') || source.region !== role.region) put(desired, 'region', role.region);
  put(desired, 'mfa_serial', role.mfaSerial);
  put(desired, 'external_id', role.externalId);
  put(desired, 'duration_seconds', role.durationSeconds?.toString());
  put(desired, 'role_session_name', role.roleSessionName);
  put(desired, 'source_identity', role.sourceIdentity);
  // An alias role's alias comes from aws_account_id; it is written again only where the text had it.
  if (!role.accountIsAlias || has('aws_account_alias') || role.accountAlias !== role.accountId) put(desired, 'aws_account_alias', role.accountAlias);
  put(desired, 'color', role.color);
  put(desired, 'image', role.image);
  put(desired, 'group', role.group);
  put(desired, 'destination', role.destination);
  put(desired, 'marker', role.marker);
  put(desired, 'target_role_name', role.targetRoleName);
  put(desired, 'target_region', role.targetRegion);
  return section(profileHeader(role.name, role.layout), 'role', false, role.layout, desired, ROLE_KEYS);
}

function keySection(source: KeySource): string[] {
  const desired: Desired = new Map();
  put(desired, 'aws_account_id', source.accountId);
  put(desired, 'aws_account_alias', source.accountAlias);
  put(desired, 'region', source.region);
  put(desired, 'mfa_serial', source.mfaSerial);
  put(desired, 'color', source.color);
  put(desired, 'target_role_name', source.targetRoleName);
  put(desired, 'target_region', source.targetRegion);
  return section(profileHeader(source.name, source.layout), 'keys', false, source.layout, desired, KEY_SOURCE_KEYS);
}

function ssoSection(source: SsoSource): string[] {
  const desired: Desired = new Map();
  const usesSession = source.sessionName !== undefined;
  if (usesSession) {
    put(desired, 'sso_session', source.sessionName);
  } else {
    desired.set('sso_start_url', source.startUrl);
    desired.set('sso_region', source.ssoRegion);
  }
  desired.set('sso_account_id', source.accountId);
  desired.set('sso_role_name', source.roleName);
  put(desired, 'region', source.region);
  put(desired, 'aws_account_alias', source.accountAlias);
  put(desired, 'color', source.color);
  put(desired, 'image', source.image);
  put(desired, 'group', source.group);
  put(desired, 'destination', source.destination);
  put(desired, 'marker', source.marker);
  return section(profileHeader(source.name, source.layout), 'sso', usesSession, source.layout, desired, SSO_SOURCE_KEYS);
}

function sessionSection(session: SsoSession): string[] {
  const desired: Desired = new Map([['sso_start_url', session.startUrl], ['sso_region', session.region]]);
  put(desired, 'sso_registration_scopes', session.registrationScopes);
  return section(`[sso-session ${session.name}]`, 'sso-session', false, session.layout, desired, SSO_SESSION_KEYS);
}

function put(desired: Desired, key: string, value: string | undefined): void {
  if (value !== undefined) desired.set(key, value);
}

function layoutHas(layout: SectionLayout | undefined): (key: string) => boolean {
  const keys = new Set(layout?.settings.map((s) => keyOf(s.key)));
  return (key) => keys.has(key);
}

/** `[profile x]` unless the user wrote `[x]` (or, with no layout, for `default`, as the AWS CLI writes it). */
function profileHeader(name: string, layout: SectionLayout | undefined): string {
  const prefixed = layout?.prefixed ?? name !== 'default';
  return prefixed || !bareHeaderWorks(name) ? `[profile ${name}]` : `[${name}]`;
}

/** The layout's settings in order (kept as written where the model agrees), then what the model adds. */
function section(
  header: string, kind: SectionKind, usesSession: boolean, layout: SectionLayout | undefined, desired: Desired,
  order: readonly string[],
): string[] {
  const lines = [header];
  for (const setting of layout?.settings ?? []) {
    const key = keyOf(setting.key);
    if (!isOwnedKey(kind, key, usesSession)) {
      writeRaw(lines, setting, '');
      continue;
    }
    const value = desired.get(key);
    if (value === undefined) continue;
    desired.delete(key);
    lines.push(canonical(key, setting.value) === value ? line(setting.key, setting.value) : line(setting.key, format(key, value)));
  }
  for (const key of order) {
    const value = desired.get(key);
    if (value !== undefined) lines.push(line(key, format(key, value)));
  }
  return lines;
}

function writeRaw(lines: string[], setting: Setting, indent: string): void {
  lines.push(indent + line(setting.key, setting.value));
  for (const nested of setting.nested ?? []) writeRaw(lines, nested, `${indent}  `);
}

function line(key: string, value: string): string {
  return value === '' ? `${key} =` : `${key} = ${value}`;
}

/** What the parser makes of a value as written: the form the model holds. */
function canonical(key: string, written: string): string {
  const value = unquote(written).trim();
  switch (key) {
    case 'color':
      return normaliseColor(value) ?? value;
    case 'role_arn': {
      const arn = parseRoleArn(value);
      return arn ? formatRoleArn(arn) : value;
    }
    case 'duration_seconds':
      return parseDuration(value)?.toString() ?? value;
    default:
      return value;
  }
}

/** A model value as text: colours without `#` (AESR reads `#` as a comment), quotes only where needed. */
function format(key: string, value: string): string {
  const text = key === 'color' ? value.replace(/^#/, '') : value;
  const needsQuotes = /\s[;#]/.test(text) || text.startsWith('"') || text.startsWith("'");
  if (!needsQuotes) return text;
  return text.includes('"') ? `'${text}'` : `"${text}"`;
}
