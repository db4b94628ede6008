/**
 * Permission and policy audit of what ships: the built manifests (dist/ from `npm run build`, and a Firefox build
 * made here, so it is never stale) and the built code. Exactly the permissions and hosts the code uses, the content
 * security policy every extension page and the worker run under, no remote code, no eval, nothing web-accessible.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { allHosts } from '../../src/core/partitions';
import { DIST } from '../launch/browser';

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  host_permissions?: string[];
  storage?: { managed_schema?: string };
  content_scripts?: { matches: string[]; js: string[] }[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  sandbox?: unknown;
  background?: Record<string, unknown>;
}

const SIGNIN = ['https://signin.aws.amazon.com', 'https://*.signin.aws.amazon.com', 'https://signin.amazonaws.cn', 'https://signin.amazonaws-us-gov.com'];
const CONSOLE = [
  'https://console.aws.amazon.com', 'https://*.console.aws.amazon.com', 'https://console.amazonaws.cn',
  'https://*.console.amazonaws.cn', 'https://console.amazonaws-us-gov.com', 'https://*.console.amazonaws-us-gov.com',
];
/** The policy, directive by directive: what the pages and the worker use, and nothing else. */
const POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // Stylesheets are files of the extension; Preact sets element styles through the CSSOM, which style-src allows.
  'style-src': ["'self'"],
  // A role's image is inline data only (src/core/config/checks.ts).
  'img-src': ["'self'", 'data:'],
  // The worker (the policy covers it too): STS, Identity Center (OIDC, portal), the federation endpoints, and the one
  // https address of a team's configuration the person subscribed to or the organisation's policy names (issue 15),
  // which can be any https host: a repository, a bucket, an intranet. What is fetched is decided by the code (AWS's
  // hosts, that one address); what may be read is decided by host permissions, the subscription's asked for on the
  // person's click; https only, so nothing is read or sent in clear.
  'connect-src': ['https:'],
  // The launch page POSTs the login to the federation endpoint, which redirects to the console; form-action is
  // checked along redirects, so the console hosts are form targets too.
  'form-action': [...SIGNIN, ...CONSOLE],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
};

function parsePolicy(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name = '', ...values] = d.split(/\s+/);
    return [name, values];
  }));
}

function files(dir: string, ending: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ending) : path.endsWith(ending) ? [path] : [];
  });
}

/** The host of a host-permission pattern, `*.` kept. */
function hostOf(pattern: string): string {
  return new URL(pattern.replace('*.', 'wildcard.')).host.replace(/^wildcard\./, '*.');
}

function covers(pattern: string, host: string): boolean {
  const wanted = hostOf(pattern);
  return wanted.startsWith('*.') ? host.endsWith(wanted.slice(1)) : host === wanted;
}

function audit(dir: string, browser: 'chrome' | 'firefox'): void {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

  // Permissions: storage (configuration, vault), alarms (session timers, auto-lock), notifications (expiry
  // warnings), scripting (the console-session source, issue 13: reading the console page's own variables and
  // submitting its switch-role request in the page's main world, on the console hosts already granted; a content
  // script's isolated world cannot see page variables, and a web-accessible script would let pages detect us);
  // Firefox adds containers (contextualIdentities, and cookies to open a tab in one). `identity` is
  // optional, Chrome only, asked for on a click (Identity Center sign-in through the browser).
  expect(manifest.permissions).toEqual(['storage', 'alarms', 'notifications', 'scripting', ...(browser === 'firefox' ? ['contextualIdentities', 'cookies'] : [])]);
  expect(manifest.optional_permissions).toEqual(browser === 'chrome' ? ['identity'] : undefined);
  // Optional, never granted at install: a subscription (or a policy's URL) asks for its one https origin on the
  // person's click (`permissions.request({ origins: ['https://host/*'] })`, src/platform/host-access.ts). The pattern
  // must be this wide because the address is the person's choice; what is granted is one host at a time.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  // The organisation's policy (storage.managed) is declared by its schema, which ships with the extension.
  expect(manifest.storage?.managed_schema).toBe('managed-schema.json');
  const schema = JSON.parse(readFileSync(join(dir, 'managed-schema.json'), 'utf8')) as { type: string; properties: Record<string, unknown> };
  expect(schema.type).toBe('object');
  expect(Object.keys(schema.properties).sort()).toEqual(['allowVaultKeys', 'configuration', 'configurationUrl', 'groupName', 'lockedSettings', 'settings']);

  // Hosts: every host the code can build is covered, and every pattern covers a host the code builds.
  const hosts = allHosts();
  const patterns = manifest.host_permissions ?? [];
  expect(hosts.filter((host) => !patterns.some((p) => covers(p, host)))).toEqual([]);
  expect(patterns.filter((p) => !hosts.some((host) => covers(p, host)))).toEqual([]);
  expect(patterns.every((p) => p.startsWith('https://') && !p.includes('<all_urls>'))).toBe(true);
  // The content script runs on console pages only.
  const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches);
  expect(matches.map(hostOf)).toEqual(CONSOLE.map(hostOf));

  // The policy, exactly; none for sandboxed pages (there are none).
  const policy = manifest.content_security_policy?.extension_pages ?? '';
  expect(parsePolicy(policy)).toEqual(POLICY);
  expect(manifest.content_security_policy?.sandbox).toBeUndefined();
  expect(manifest.sandbox).toBeUndefined();

  // Nothing exposed to web pages or other extensions.
  expect(manifest.web_accessible_resources).toBeUndefined();
  expect(manifest.externally_connectable).toBeUndefined();

  // No remote code: every page's scripts are the extension's own files.
  for (const html of files(dir, '.html')) {
    const text = readFileSync(html, 'utf8');
    const sources = [...text.matchAll(/<script\b[^>]*\bsrc="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(sources.length, html).toBeGreaterThan(0);
    for (const src of sources) expect(src, html).not.toMatch(/^(https?:)?\/\//);
    expect(text, html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/); // no inline script
  }
  // The background is one file (vite.config.ts `workerAlone`): no module of its own to wait for, and no import()
  // (a service worker may not import anything after it starts: it would throw on the first call that needs it).
  const background = manifest.background ?? {};
  const workerFiles = browser === 'chrome' ? [background.service_worker] : (background.scripts as unknown[] | undefined);
  expect(workerFiles?.length).toBe(1);
  const worker = readFileSync(join(dir, String(workerFiles?.[0])), 'utf8');
  expect(worker).not.toMatch(/(?:^|[;}\s])import\s*[{*"'`]|(?<![.\w$])import\s*\(/);

  // No eval, no code from strings, no script fetched at run time, in any built script (the AWS SDK included).
  const scripts = files(dir, '.js');
  expect(scripts.length).toBeGreaterThan(3);
  for (const script of scripts) {
    const text = readFileSync(script, 'utf8');
    expect(text, script).not.toMatch(/\beval\s*\(|\bnew\s+Function\s*\(|(?<![.\w])Function\s*\(\s*["'`]|\bimportScripts\s*\(|\bimport\s*\(\s*["'`]https?:/);
    expect(text, script).not.toMatch(/set(Timeout|Interval)\s*\(\s*["'`]/);
  }
}

test('the built Chrome extension: exact permissions and hosts, the page policy, no remote code, no eval', () => {
  audit(DIST, 'chrome');
});

test('the built Firefox add-on: the same, plus containers', () => {
  test.setTimeout(180_000);
  // Built here, into a directory of its own, so the audit never reads a stale dist-firefox/.
  const out = mkdtempSync(join(tmpdir(), 'audit-firefox-'));
  try {
    execFileSync('npx', ['vite', 'build', '--mode', 'firefox', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'pipe' });
    audit(out, 'firefox');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
