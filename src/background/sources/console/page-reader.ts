/**
 * The one place that knows the console page's internals (undocumented; as AWS Extend Switch Roles v6 reads them,
 * see test/sandbox/README.md): the `awsc-session-data` meta tag (sign-in endpoint, multi-session, differentiator),
 * `ConsoleNavService.AccountInfo` (who is signed in) and `AWSC.Auth.getMbtc()` (the anti-forgery token). The two
 * page variables live in the page's own JavaScript, so they are read in its MAIN world (src/platform/page-script.ts).
 * Whatever the page answers is untrusted text: checked here, and anything missing gives one sentence.
 */
import type { Partition } from '../../../core/arn';
import { isSigninHost, type ConsolePage } from '../../../core/console-switch/switch-request';
import { signinHost } from '../../../core/partitions';
import { runInPage } from '../../../platform/page-script';
import { SignInError } from '../../sign-in/sign-in-error';

export const PAGE_CHANGED =
  'This console page changed and cannot be switched from; sign in with keys or Identity Center, or update the extension.';

interface RawPage {
  meta?: unknown;
  info?: unknown;
  csrf?: unknown;
}

/* eslint-disable no-restricted-globals -- runs in the console page (scripting.executeScript, MAIN world), never in the worker */
/** Runs in the console page (MAIN world): serialized, so it uses nothing from this module. */
function readInPage(): RawPage {
  const raw: RawPage = {};
  const page = window as unknown as {
    ConsoleNavService?: { AccountInfo?: Record<string, unknown> };
    AWSC?: { Auth?: { getMbtc?: () => unknown } };
  };
  try {
    raw.meta = document.querySelector('meta[name="awsc-session-data"]')?.getAttribute('content') ?? undefined;
  } catch {
    // left out: reported as a changed page
  }
  try {
    const info = page.ConsoleNavService?.AccountInfo;
    if (info && typeof info === 'object') {
      const keys = ['loginDisplayNameAccount', 'loginDisplayNameUser', 'roleDisplayNameAccount', 'roleDisplayNameUser'];
      raw.info = Object.fromEntries(keys.map((key) => [key, typeof info[key] === 'string' ? info[key] : undefined]));
    }
  } catch {
    // left out
  }
  try {
    const token = page.AWSC?.Auth?.getMbtc?.();
    if (typeof token === 'string') raw.csrf = token;
  } catch {
    // left out
  }
  return raw;
}
/* eslint-enable no-restricted-globals */

const TEXT = /^[\x20-\x7e]{1,256}$/u;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && TEXT.test(value) ? value : undefined;
}

/** Reads and checks what the console page in `tabId` offers a switch; throws the "page changed" sentence. */
export async function readConsolePage(tabId: number, partition: Partition): Promise<ConsolePage> {
  let raw: RawPage | undefined;
  try {
    raw = await runInPage(tabId, readInPage);
  } catch {
    raw = undefined;
  }
  const page = raw && checkPage(raw, partition);
  if (!page) throw new SignInError('console-changed', PAGE_CHANGED);
  return page;
}

function checkPage(raw: RawPage, partition: Partition): ConsolePage | undefined {
  const meta = typeof raw.meta === 'string' ? parseJson(raw.meta) : undefined;
  const info = typeof raw.info === 'object' && raw.info !== null ? (raw.info as Record<string, unknown>) : undefined;
  const csrf = text(raw.csrf);
  const account = text(info?.loginDisplayNameAccount);
  const user = text(info?.loginDisplayNameUser);
  if (!meta || csrf === undefined || account === undefined || user === undefined) return undefined;
  const multiSession = meta.prismModeEnabled === true;
  const differentiator = typeof meta.sessionDifferentiator === 'string' && /^[a-z0-9-]{1,64}$/.test(meta.sessionDifferentiator)
    ? meta.sessionDifferentiator
    : undefined;
  if (multiSession && differentiator === undefined) return undefined;
  // AESR falls back to the partition's sign-in host when the page names none; a host the page names is used only
  // when it is a sign-in host of this partition (never a switch posted to wherever a page says).
  const named = text(meta.signInEndpoint);
  const host = named === undefined ? signinHost(partition) : hostOf(named);
  if (host === undefined || !isSigninHost(partition, host)) return undefined;
  const roleAccount = text(info?.roleDisplayNameAccount);
  const roleUser = text(info?.roleDisplayNameUser);
  return {
    partition,
    signinHost: host,
    multiSession,
    csrf,
    account,
    user,
    ...(differentiator !== undefined && { differentiator }),
    ...(roleAccount !== undefined && { roleAccount }),
    ...(roleUser !== undefined && { roleUser }),
  };
}

function parseJson(value: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `signin.aws.amazon.com`, or the host of `https://signin.aws.amazon.com[/…]`. */
function hostOf(value: string): string | undefined {
  if (/^[a-z0-9.-]+$/.test(value)) return value;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.port === '' ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}
