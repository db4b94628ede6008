/**
 * The rules for single values: colours, durations, names AWS validates, regions, destinations.
 * Patterns are STS's own, so a value that passes here is one STS accepts:
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
import type { Partition } from '../arn';

// Compiled once: a regex literal in a function is a new object on each call, and parsing calls these per profile.
const COLOR = /^#?([0-9a-fA-F]{6})$/;
const INLINE_IMAGE = /^data:image\/(png|gif|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/i;
const DURATION = /^\d{1,6}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const MFA_SERIAL = /^[\w+=/:,.@-]{9,256}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** AESR colours: six hex digits, with or without `#`. Returns `#rrggbb` lowercase. */
export function normaliseColor(value: string): string | undefined {
  const match = COLOR.exec(value);
  return match?.[1] ? `#${match[1].toLowerCase()}` : undefined;
}

/** AssumeRole's DurationSeconds: 900 s (15 minutes) to 43,200 s (12 hours). */
/** An image as inline data (PNG, GIF, JPEG or WebP, base64): nothing fetched from anywhere. */
export function isInlineImage(value: string): boolean {
  return INLINE_IMAGE.test(value);
}

export const MIN_DURATION = 900;
export const MAX_DURATION = 43_200;
/** Role chaining caps the session at one hour, whatever the role allows. */
export const CHAINED_MAX_DURATION = 3_600;

export function parseDuration(value: string): number | undefined {
  if (!DURATION.test(value)) return undefined;
  const seconds = Number(value);
  return seconds >= MIN_DURATION && seconds <= MAX_DURATION ? seconds : undefined;
}

/** RoleSessionName and SourceIdentity: `[\w+=,.@-]{2,64}`. */
export function isSessionName(value: string): boolean {
  return SESSION_NAME.test(value);
}

/** ExternalId: `[\w+=,.@:/-]{2,1224}`. */
export function isExternalId(value: string): boolean {
  return EXTERNAL_ID.test(value);
}

/** SerialNumber: an MFA device ARN or a hardware token serial, `[\w+=/:,.@-]{9,256}`. */
export function isMfaSerial(value: string): boolean {
  return MFA_SERIAL.test(value);
}

/** A role name with an optional path, as AESR's `role_name` allows: `Admin`, `path/to/Admin`. */
export function splitRoleName(value: string): { path: string; name: string } {
  const cut = value.lastIndexOf('/');
  if (cut < 0) return { path: '/', name: value };
  const dirs = value.slice(0, cut).replace(/^\/+/, '');
  return { path: dirs === '' ? '/' : `/${dirs}/`, name: value.slice(cut + 1) };
}

/** The inverse of `splitRoleName`: `path/to/Admin`. */
export function joinRoleName(path: string, name: string): string {
  return `${path.slice(1)}${name}`;
}

export function isRegion(value: string): boolean {
  return REGION.test(value);
}

/** The partition a region belongs to: `cn-*` is China, `us-gov-*` is GovCloud, the rest is the commercial one. */
export function regionPartition(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

const CONSOLE_HOSTS = ['console.aws.amazon.com', 'console.amazonaws.cn', 'console.amazonaws-us-gov.com'];

/**
 * Where to land after sign-in: a console path (`/ec2/home?region=eu-west-1#Instances`), a service name (`s3`),
 * or a console URL. Never another site: DESIGN.md says the federation Destination is always a console URL.
 */
export function isDestination(value: string): boolean {
  if (value.startsWith('/')) return !value.startsWith('//') && !/\s/.test(value);
  if (/^[a-z0-9][a-z0-9-]*$/.test(value)) return true;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const host = url.hostname;
  return url.protocol === 'https:' && CONSOLE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/** IAM Identity Center start URLs are https (`https://my-org.awsapps.com/start`). */
export function isStartUrl(value: string): boolean {
  return /^https:\/\/\S+$/.test(value);
}
