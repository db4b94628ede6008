/**
 * Warms the browser's connections to the AWS hosts a click is likely to need (issue 16), so the click pays only
 * the round trips AWS's protocol needs, not a TCP and a TLS handshake per host. The popup asks (`connections.warm`)
 * once its list has painted and whenever its active row changes; which hosts is core/warm-hosts.ts.
 *
 * Each host gets one unsigned `HEAD /`: no cookie, no credential, no token, no query, no body, sent the way the
 * SDK's and the federation's requests are (aws/request-options.ts), so the connection it leaves in the browser's
 * pool is the one their requests take. An extension's worker has no `preconnect`: a request is the only way to open
 * a connection from it. Its answer is ignored, and a failure is nobody's business (the click will connect itself).
 * The worker's own first use of the STS client is primed meanwhile too (aws/sts-priming.ts: nothing is sent), and
 * an open console page connects ahead to where the login navigates (warm-logins.ts).
 */
import { hostsToWarm, loginHostsToWarm, WARM_AGAIN_AFTER_MS, type WarmHints } from '../../core/warm-hosts';
import { isFresh } from '../../core/sso/token-rules';
import { readStored } from '../../platform/storage';
import { AWS_REQUEST } from '../aws/request-options';
import { primeSts } from '../aws/sts-priming';
import { loadConfig } from '../config/store';
import { warmLogins } from './warm-logins';

/** A warming that hangs is dropped; the click connects by itself. */
const WARM_TIMEOUT_MS = 10_000;

/**
 * Hosts warmed lately, and when: a hint, kept only while the worker lives (a worker started afresh warms again,
 * which costs one request per host). Like login-launch.ts's waiting pages, nothing here needs to survive a restart.
 */
const warmedAt = new Map<string, number>();

export async function warmConnections(request: { profile?: string }, now: number = Date.now()): Promise<{ hosts: string[] }> {
  const [config, recent, favourites, tokens] = await Promise.all([
    loadConfig(),
    readStored('roles.recent'),
    readStored('roles.favourites'),
    readStored('sso.tokens'),
  ]);
  const hints: WarmHints = {
    ...(request.profile !== undefined && { active: request.profile }),
    recent: recent ?? {},
    favourites: favourites ?? [],
    oidcNeeded: (startUrl) => {
      const token = tokens && Object.hasOwn(tokens, startUrl) ? tokens[startUrl] : undefined;
      return token === undefined || !isFresh(token, now);
    },
  };
  const likely = hostsToWarm(config, hints);
  const hosts = likely.filter((host) => now - (warmedAt.get(host) ?? -Infinity) >= WARM_AGAIN_AFTER_MS);
  for (const host of hosts) {
    warmedAt.set(host, now);
    void warm(host).catch(() => warmedAt.delete(host));
  }
  // The login's own hosts, from a console page of their site where one is open (warm-logins.ts).
  void warmLogins(loginHostsToWarm(config, hints)).catch(() => undefined);
  const sts = likely.map((host) => /^sts\.([a-z0-9-]+)\./.exec(host)?.[1]).find((region) => region !== undefined);
  if (sts !== undefined) void primeSts(sts);
  return { hosts };
}

/** One unsigned request to the host's root; resolves once answered (the connection is then idle in the pool). */
async function warm(host: string): Promise<void> {
  await fetch(`https://${host}/`, {
    ...AWS_REQUEST,
    method: 'HEAD',
    cache: 'no-store',
    redirect: 'manual',
    referrerPolicy: 'no-referrer',
    signal: AbortSignal.timeout(WARM_TIMEOUT_MS),
  });
}

