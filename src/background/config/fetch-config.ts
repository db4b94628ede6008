/**
 * Fetches a configuration file (a subscription, or the address an organisation's policy names) and checks it
 * (core/config/fetched-config.ts). Every way it can fail is one sentence, and the caller keeps its last good copy:
 * nothing here writes anything.
 * The fetch sends no cookies and keeps nothing in the HTTP cache; a host the extension has no permission for is
 * read only if it allows it (CORS), which is why the options page asks for that host's permission on the click.
 */
import { checkFetchedConfig, type FetchedCheck } from '../../core/config/fetched-config';
import { MAX_CONFIG_BYTES } from '../../core/config/index';
import { hostAccessGranted } from '../../platform/host-access';

/** Long enough for a slow network, short enough for a person waiting on the options page. */
const FETCH_TIMEOUT_MS = 20_000;

export async function fetchConfig(url: string): Promise<FetchedCheck> {
  const where = new URL(url).host;
  let response: Response;
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  try {
    response = await fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'follow', signal });
  } catch {
    if (signal.aborted) return refused(`${where} did not answer in ${FETCH_TIMEOUT_MS / 1000} seconds; try again later.`);
    if (!(await hostAccessGranted(new URL(url).origin))) {
      return refused(`${where} could not be read: the extension may read it only with your permission, so subscribe (or refresh) from the options page and allow it.`);
    }
    return refused(`${where} could not be reached (network, name or certificate): check the address and your connection.`);
  }
  if (!response.ok) {
    return refused(`${where} answered HTTP ${response.status}${response.status === 403 || response.status === 404 ? ' (no such file, or not public)' : ''}: check the address.`);
  }
  const type = response.headers.get('content-type') ?? '';
  if (/\btext\/html\b/i.test(type)) return refused(`${where} answered a web page, not a configuration: use the address of the raw file.`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_CONFIG_BYTES) return refused(`The file at ${where} is over 5 MB, so none of it is used.`);
  const text = await readCapped(response, MAX_CONFIG_BYTES);
  if (text === undefined) return refused(`The file at ${where} is over 5 MB, so none of it is used.`);
  return checkFetchedConfig(text, where);
}

function refused(reason: string): FetchedCheck {
  return { ok: false, reason };
}

/** The body as text, or undefined past `limit` bytes (read no further: a wrong address may be a large download). */
async function readCapped(response: Response, limit: number): Promise<string | undefined> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
