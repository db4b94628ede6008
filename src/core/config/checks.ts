/**
 * Reading one owned value of a section, checked: a bad value is reported on its line with what to write
 * instead, and comes back undefined.
 */
import { isAccountAlias, isAccountId, parseRoleArn } from '../arn';
import type { Section } from './sections';
import {
  isDestination, isExternalId, isInlineImage, isMfaSerial, isRegion, isSessionName, isStartUrl, MAX_DURATION, MIN_DURATION,
  normaliseColor, parseDuration,
} from './values';

export function text(section: Section, key: string): string | undefined {
  return section.values.get(key)?.value;
}

export function lineOf(section: Section, key: string): number {
  return section.values.get(key)?.line ?? section.present.get(key) ?? section.line;
}

type Code = Parameters<Section['report']['add']>[0];
/** A check's message from the key and its rejected value; module-level, so a check allocates nothing. */
type Message = (key: string, value: string) => string;

/** The value of `key`, or undefined (and a diagnostic) when `valid` rejects it. Callers pass module-level functions. */
function check(
  section: Section, key: string, valid: (value: string) => boolean, code: Code,
  message: Message,
): string | undefined {
  const entry = section.values.get(key);
  if (!entry) return undefined;
  if (valid(entry.value)) return entry.value;
  section.report.add(code, entry.line, message(key, entry.value));
  return undefined;
}

const isColor = (v: string): boolean => normaliseColor(v) !== undefined;
const isDuration = (v: string): boolean => parseDuration(v) !== undefined;

const badColorMessage: Message = (k, v) =>
  `${k} = ${v} is not a colour: write six hex digits, with or without #, like ${k} = ff9900.`;

export function color(section: Section, key = 'color'): string | undefined {
  const value = check(section, key, isColor, 'bad-color', badColorMessage);
  return value === undefined ? undefined : normaliseColor(value);
}

const badDurationMessage: Message = (_k, v) =>
  `duration_seconds = ${v} is not a session length AWS accepts: write a whole number of seconds from ` +
  `${MIN_DURATION} (15 minutes) to ${MAX_DURATION} (12 hours), like duration_seconds = 3600.`;

export function duration(section: Section): number | undefined {
  const value = check(section, 'duration_seconds', isDuration, 'bad-duration', badDurationMessage);
  return value === undefined ? undefined : parseDuration(value);
}

const badSessionNameMessage: Message = (_k, v) =>
  `role_session_name = ${v} is not a session name STS accepts: use 2 to 64 letters, digits and ` +
  `+=,.@_- (no spaces), like role_session_name = alice@example.com.`;

export function sessionName(section: Section): string | undefined {
  return check(section, 'role_session_name', isSessionName, 'bad-session-name', badSessionNameMessage);
}

const badSourceIdentityMessage: Message = (_k, v) =>
  `source_identity = ${v} is not a source identity STS accepts: use 2 to 64 letters, digits and ` +
  `+=,.@_- (no spaces), like source_identity = alice.`;

export function sourceIdentity(section: Section): string | undefined {
  return check(section, 'source_identity', isSessionName, 'bad-source-identity', badSourceIdentityMessage);
}

const badExternalIdMessage: Message = (_k, v) =>
  `external_id = ${v} is not an external id STS accepts: use 2 to 1224 letters, digits and ` +
  `+=,.@:/_- (no spaces), exactly as the role's trust policy has it.`;

export function externalId(section: Section): string | undefined {
  return check(section, 'external_id', isExternalId, 'bad-external-id', badExternalIdMessage);
}

const badMfaSerialMessage: Message = (_k, v) =>
  `mfa_serial = ${v} is not an MFA device: write its ARN, like ` +
  `mfa_serial = arn:aws:iam::123456789012:mfa/alice, or a hardware token's serial number.`;

export function mfaSerial(section: Section): string | undefined {
  return check(section, 'mfa_serial', isMfaSerial, 'bad-mfa-serial', badMfaSerialMessage);
}

/**
 * AESR's `image`: shown only as inline data. A picture from the network would be fetched each time the popup opens,
 * and tell whoever wrote the configuration (a shared one) when and where it was opened. Any other value is kept in
 * the model as written (an export gives it back) with a warning, and never reaches the popup: the role index keeps
 * inline images only (background/config/roles-index.ts), and the pages' content security policy allows no other.
 */
export function image(section: Section): string | undefined {
  const entry = section.values.get('image');
  if (entry && !isInlineImage(entry.value)) {
    const shown = entry.value.length > 60 ? `${entry.value.slice(0, 57)}...` : entry.value;
    section.report.add('remote-image', entry.line,
      `image = ${shown} is not shown: the popup loads no picture from the network (its server would learn each ` +
      `time you open it). Inline it instead: image = data:image/png;base64,... (for example from base64 -w0 ` +
      `icon.png), as PNG, GIF, JPEG or WebP.`);
  }
  return entry?.value;
}

/**
 * How the console marks this role (the content script's marker): `strong`, a thick frame of its colour round the
 * window and a larger label, for roles people must never mistake (production); `thin`, the default. A key of the
 * profile rather than a list in the settings: it sits beside `color`, where people coming from AWS Extend Switch
 * Roles already say how a role looks, and it travels with a shared configuration. Any other value is only a warning
 * (the console then shows the thin marker), and is kept as written so nothing in the text is lost.
 */
export function marker(section: Section): string | undefined {
  const entry = section.values.get('marker');
  if (!entry) return undefined;
  const value = entry.value.toLowerCase();
  if (value === 'strong' || value === 'thin') return value;
  section.report.add('bad-marker', entry.line,
    `marker = ${entry.value} is not a marker the console knows: write marker = strong for a thick frame of the ` +
    `role's colour round the console (production), or delete the line for the thin bar.`);
  return entry.value;
}

const badDestinationMessage: Message = (_k, v) =>
  `destination = ${v} is not a console page: write a console path like destination = /ec2/home, a ` +
  `service like destination = s3, or a https://...console.aws.amazon.com URL.`;

export function destination(section: Section): string | undefined {
  return check(section, 'destination', isDestination, 'bad-destination', badDestinationMessage);
}

const badStartUrlMessage: Message = (k, v) =>
  `${k} = ${v} is not an IAM Identity Center start URL: write the https URL of your access ` +
  `portal, like ${k} = https://my-org.awsapps.com/start.`;

export function startUrl(section: Section, key = 'sso_start_url'): string | undefined {
  return check(section, key, isStartUrl, 'bad-start-url', badStartUrlMessage);
}

/** Regions we do not know still work (AWS adds regions); a typo is only a warning. */
export function region(section: Section, key = 'region'): string | undefined {
  const entry = section.values.get(key);
  if (!entry) return undefined;
  if (!isRegion(entry.value)) {
    section.report.add('unknown-region', entry.line,
      `${key} = ${entry.value} does not look like an AWS region: write one like ${key} = eu-west-1.`);
  }
  return entry.value;
}

/** Too few or too many digits, or the console's dashed form (`1111-2222-3333`): what to write instead. */
function badDigits(section: Section, key: string, value: string, line: number): boolean {
  if (/^\d+$/.test(value)) {
    section.report.add('invalid-account-id', line,
      `${key} = ${value} has ${value.length} digits; an account id has exactly 12: write all of them, ` +
      `with any leading zeros.`);
    return true;
  }
  if (/^\d{4}-\d{4}-\d{4}$/.test(value)) {
    section.report.add('invalid-account-id', line,
      `${key} = ${value} is written as the console shows it: write the 12 digits without dashes, ` +
      `${key} = ${value.replace(/-/g, '')}.`);
    return true;
  }
  return false;
}

/** An Identity Center account (`sso_account_id`): GetRoleCredentials takes only the 12-digit id, never an alias. */
export function accountId(section: Section, key: string): string | undefined {
  const entry = section.values.get(key);
  if (!entry) return undefined;
  const value = entry.value;
  if (isAccountId(value)) return value;
  if (!badDigits(section, key, value, entry.line)) {
    section.report.add('sso-account-alias', entry.line,
      `${key} = ${value} is not an account id, and IAM Identity Center needs the 12-digit account id: write ` +
      `${key} = <12-digit account id> and keep the alias as aws_account_alias = ${value}.`);
  }
  return undefined;
}

/**
 * A role's AESR `aws_account_id`: the 12-digit id, or an account alias, which AESR allows because the console's
 * switch-role takes an alias in its `account` field (and an alias names one account: aliases are unique across AWS).
 * An alias role works from a console session; AssumeRole (keys, Identity Center, role chaining) needs the id, so it
 * is a warning on this profile, and a key-based sign-in of it says so before asking AWS anything.
 */
export function roleAccount(section: Section, key = 'aws_account_id'): { value: string; alias: boolean } | undefined {
  const entry = section.values.get(key);
  if (!entry) return undefined;
  const value = entry.value;
  if (isAccountId(value)) return { value, alias: false };
  if (badDigits(section, key, value, entry.line)) return undefined;
  if (isAccountAlias(value)) {
    section.report.add('account-alias', entry.line,
      `${key} = ${value} is an account alias: switching to this role from a console session works, but signing ` +
      `in with keys or Identity Center needs the 12-digit account id: write ${key} = <12-digit account id> and ` +
      `keep the alias as aws_account_alias = ${value}.`);
    return { value, alias: true };
  }
  section.report.add('invalid-account-id', entry.line,
    `${key} = ${value} is neither a 12-digit account id nor an account alias (letters, digits and hyphens): ` +
    `write ${key} = <12-digit account id>, or the account's alias as it is in IAM.`);
  return undefined;
}

/** A role name, optionally with a path (`path/to/Admin`), as IAM allows it. */
export function isRoleName(value: string): boolean {
  return parseRoleArn(`arn:aws:iam::000000000000:role/${value}`) !== undefined;
}

/** A role name without a path, as `sso_role_name` (a permission set) has it. */
const isPlainRoleName = (v: string): boolean => /^[\w+=,.@-]{1,64}$/.test(v);

const roleNameMessage: Message = (k, v) =>
  `${k} = ${v} is not a role name: use up to 64 letters, digits and +=,.@_-, optionally after a path ` +
  `like path/to/, like ${k} = Admin.`;

const plainRoleNameMessage: Message = (k, v) =>
  `${k} = ${v} is not a role name: use up to 64 letters, digits and +=,.@_-, like ${k} = Admin.`;

export function roleName(section: Section, key: string, allowPath = true): string | undefined {
  return allowPath
    ? check(section, key, isRoleName, 'invalid-role-name', roleNameMessage)
    : check(section, key, isPlainRoleName, 'invalid-role-name', plainRoleNameMessage);
}
