/**
 * The address of a configuration file (a subscription, or the URL a policy names): https only, and no credential in
 * it, since the address is kept in plain storage.local and shown on the options page (a GitHub `?token=`, a
 * pre-signed S3 URL's signature, a `user:password@`). A team's file needs none to be read: a public file, or a bucket
 * whose policy lets the team's network read it.
 */

/** Query parameters that carry a credential (GitHub, GitLab, S3 pre-signed URLs, generic tokens). */
const CREDENTIAL_PARAMS = /^(?:token|access_token|private_token|x-amz-signature|x-amz-security-token|x-amz-credential|signature|sig|key|api_key)$/i;

export type CheckedUrl = { ok: true; url: string; origin: string } | { ok: false; reason: string };

export function checkConfigUrl(typed: string): CheckedUrl {
  const trimmed = typed.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, reason: 'That is not a web address: paste the full https:// address of the configuration file.' };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, reason: 'Only https:// addresses are read, so the file cannot be changed on its way: use the https address of the file.' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'This address carries a user name or password, which would be stored in plain text: use an address that needs none.' };
  }
  const secret = [...url.searchParams.keys()].find((name) => CREDENTIAL_PARAMS.test(name));
  if (secret !== undefined) {
    return { ok: false, reason: `This address carries a credential (${secret}=…), which would be stored in plain text: use an address that needs none, such as a public file or a bucket your network may read.` };
  }
  url.hash = '';
  return { ok: true, url: url.href, origin: url.origin };
}

/** The host permission pattern that lets the extension read `origin` (`https://host/*`), asked for on the person's click. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
