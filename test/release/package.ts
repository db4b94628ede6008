/**
 * `npm run package`: builds once per browser and writes the store archives into release/, named with the version
 * in package.json (the one place it lives: vite.config.ts puts it in both manifests):
 * - role-switcher-<version>-chrome.zip: the Chrome Web Store's upload (Edge Add-ons takes the same archive);
 * - role-switcher-<version>-firefox.zip: addons.mozilla.org's upload;
 * - role-switcher-<version>-source.zip: the source AMO asks for when code is bundled, with SOURCE.md saying how to
 *   build it into exactly the Firefox archive's files.
 * Archives are deterministic (sorted entries, one fixed date), so a rebuild from the source archive can be compared
 * byte for byte. Zipped with fflate (small, maintained, no native code).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const RELEASE_DIR = join(ROOT, 'release');
/** Zip's epoch is 1980; a fixed date keeps the archives identical from build to build. */
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');
/** What the source archive leaves out: tests, CI and the archives themselves (git-tracked files only). */
const NOT_SOURCE = [/^test\//, /^\.ci\//, /^release\//];

export function version(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function archiveNames(v = version()): { chrome: string; firefox: string; source: string } {
  return {
    chrome: join(RELEASE_DIR, `role-switcher-${v}-chrome.zip`),
    firefox: join(RELEASE_DIR, `role-switcher-${v}-firefox.zip`),
    source: join(RELEASE_DIR, `role-switcher-${v}-source.zip`),
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

function zip(entries: [string, Uint8Array][]): Uint8Array {
  const tree: Zippable = {};
  for (const [path, data] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) tree[path] = [data, { mtime: FIXED_DATE }];
  return zipSync(tree, { level: 9 });
}

function zipDir(dir: string): Uint8Array {
  return zip(filesUnder(dir).map((path) => [path, readFileSync(join(dir, path))]));
}

function build(mode?: 'firefox'): void {
  execFileSync('npx', ['vite', 'build', ...(mode ? ['--mode', mode] : [])], { cwd: ROOT, stdio: 'inherit' });
}

function builtVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(ROOT, dir, 'manifest.json'), 'utf8')) as { version: string }).version;
}

function sourceReadme(v: string): string {
  const node = process.versions.node;
  return `# Role Switcher for AWS ${v}: source for addons.mozilla.org

The add-on's code is bundled (vite + @crxjs/vite-plugin); this archive is the source it is built from.

Build it (Linux, macOS or Windows; Node.js ${node.split('.')[0]} or later with npm 10 or later; built here with
Node.js ${node}):

    npm ci
    npm run build:firefox

The add-on is then in \`dist-firefox/\`: the same files as role-switcher-${v}-firefox.zip. Nothing is downloaded
at build time but the npm packages that package-lock.json pins.
`;
}

function sourceFiles(): [string, Uint8Array][] {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  return tracked
    .filter((path) => !NOT_SOURCE.some((pattern) => pattern.test(path)))
    .map((path) => [path, readFileSync(join(ROOT, path))]);
}

export function packageAll(): ReturnType<typeof archiveNames> {
  const v = version();
  build();
  build('firefox');
  for (const dir of ['dist', 'dist-firefox']) {
    if (builtVersion(dir) !== v) throw new Error(`${dir}/manifest.json has version ${builtVersion(dir)}, package.json ${v}.`);
  }
  const names = archiveNames(v);
  rmSync(RELEASE_DIR, { recursive: true, force: true });
  mkdirSync(RELEASE_DIR, { recursive: true });
  writeFileSync(names.chrome, zipDir(join(ROOT, 'dist')));
  writeFileSync(names.firefox, zipDir(join(ROOT, 'dist-firefox')));
  writeFileSync(names.source, zip([...sourceFiles(), ['SOURCE.md', new TextEncoder().encode(sourceReadme(v))]]));
  for (const path of Object.values(names)) console.log(`${relative(ROOT, path)}  ${(statSync(path).size / 1024).toFixed(0)} KB`);
  return names;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) packageAll();
