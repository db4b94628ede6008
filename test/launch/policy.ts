/**
 * Chromium with an enterprise policy of its own, without touching the machine. Chromium on Linux reads managed
 * policy only from /etc/chromium/policies/managed/*.json (Debian's build; Chrome: /etc/opt/chrome/policies): the path
 * is compiled in (`kPolicyPath`), and no switch, environment variable or profile file moves it (checked on Chromium
 * 156: the binary names no such switch; a user-data-dir `Policies` file is not read on Linux). So the browser is
 * started through a small script that gives it a private mount namespace (`unshare`) in which a folder of the
 * test's own is bind-mounted over /etc/chromium: that one browser sees the policy, nothing is written outside the
 * temporary folder, and other Chromium processes on the machine (other tests running now) never see it.
 * A user namespace makes this work without root; where user namespaces are off, root can still `unshare --mount`.
 *
 * Extension policies (`3rdparty.extensions.<id>`, what `storage.managed` reads) name the extension by id; an
 * unpacked extension's id is derived from its folder's path (extensionIdOf).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Chromium looks (the folder bind-mounted over), from Debian's build. */
const CHROMIUM_ETC = '/etc/chromium';

/**
 * The id Chromium gives an extension loaded unpacked from `dir`: the first 128 bits of SHA-256 of its absolute path,
 * each hex digit written as a letter a–p (crx_file::id_util::GenerateIdForPath).
 */
export function extensionIdOf(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export interface PolicyChromium {
  /** The script to start instead of Chromium: it starts `chromium` with the policy in place. */
  executablePath: string;
  cleanup(): void;
}

/** Prepares a launcher of `chromium` that runs under `policy` (the JSON of a managed policy file). */
export function policyChromium(chromium: string, policy: Record<string, unknown>): PolicyChromium {
  if (!existsSync(CHROMIUM_ETC)) {
    throw new Error(`${CHROMIUM_ETC} does not exist, so there is nothing to mount a test policy over: create it once (an empty folder), as Debian's chromium package does.`);
  }
  const flags = namespaceFlags();
  const root = mkdtempSync(join(tmpdir(), 'role-switcher-policy-'));
  const managed = join(root, 'etc', 'policies', 'managed');
  mkdirSync(managed, { recursive: true });
  writeFileSync(join(managed, 'role-switcher-test.json'), JSON.stringify(policy, null, 2));
  const script = join(root, 'chromium-with-policy.sh');
  // $1: the folder to mount over /etc/chromium; then Chromium and Playwright's arguments. exec keeps the pipe fds.
  writeFileSync(script, [
    '#!/bin/sh',
    `exec unshare ${flags.join(' ')} -- sh -c 'mount --bind "$1" ${CHROMIUM_ETC} || exit 1; shift; exec "$@"' sh ${quote(join(root, 'etc'))} ${quote(chromium)} "$@"`,
    '',
  ].join('\n'));
  chmodSync(script, 0o755);
  return { executablePath: script, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A user and mount namespace (no root needed), else a mount namespace for root; else why it cannot be done here. */
function namespaceFlags(): string[] {
  const tries = [['--user', '--map-root-user', '--mount'], ...(process.getuid?.() === 0 ? [['--mount']] : [])];
  for (const flags of tries) {
    const probe = spawnSync('unshare', [...flags, '--', 'sh', '-c', `mount --bind /tmp ${CHROMIUM_ETC}`], { stdio: 'ignore' });
    if (probe.status === 0) return flags;
  }
  throw new Error('This machine gives no private mount namespace (unshare --user --mount failed, and the tests do not run as root), so Chromium cannot be given a policy of its own; the managed-policy tests need one.');
}

function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
