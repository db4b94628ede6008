import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin, type PluginOption, type Rolldown } from 'vite';
import { firefoxManifest } from './manifest-firefox.ts';
import manifestSource from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };

/** The version lives in package.json alone (the store archives are named after it): both manifests take it from there. */
const manifest = { ...manifestSource, version: packageJson.version };

const require = createRequire(import.meta.url);

/**
 * The browser build of @aws-sdk/xml-builder parses XML with DOMParser, which service workers lack
 * ("ReferenceError: DOMParser is not defined" on every STS answer). Serve the SDK's own pure-JS parser instead.
 * Covered by the end-to-end sign-in test, which runs STS from the real worker.
 */
function sdkXmlParserWithoutDom(): Plugin {
  const pureParser = require.resolve('@aws-sdk/xml-builder').replace(/dist-cjs[/\\]index\.js$/, 'dist-es/xml-parser.js');
  return {
    name: 'sdk-xml-parser-without-dom',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0] ?? id;
      if (/@aws-sdk[/\\]xml-builder[/\\]dist-es[/\\]xml-parser\.browser\.js$/.test(file)) {
        return readFileSync(pureParser, 'utf8');
      }
      return null;
    },
  };
}

/**
 * Preact's one `innerHTML` assignment serves `dangerouslySetInnerHTML`, which no page here uses (lint forbids it):
 * it is turned into `textContent`, so no HTML is ever parsed from a string and addons.mozilla.org's linter
 * (`web-ext lint`, part of `npm test`) has no unsafe assignment to flag. A Preact whose code no longer matches
 * fails the build rather than ship unchecked.
 */
function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'preact-without-inner-html',
    transform(code, id) {
      if (!/[/\\]preact[/\\]dist[/\\]preact\.module\.js$/.test(id.split('?')[0] ?? id)) return null;
      const pattern = /(\w+)\.innerHTML=(\w+)\.__html/g;
      const found = code.match(pattern)?.length ?? 0;
      if (found !== 1) throw new Error(`preact-without-inner-html: expected one innerHTML assignment in ${id}, found ${found}.`);
      return { code: code.replace(pattern, '$1.textContent=$2.__html'), map: null };
    },
  };
}

/**
 * Pages whose first script must run soonest, each as one self-contained script: the popup, and the launch page
 * that stands between a click and the console. Rolldown shares modules between pages and the worker as chunks,
 * so the popup loaded five files; each costs the extension protocol a fetch before the first line runs, and one
 * file runs ~10 ms sooner (measured, paired against a blank page: `npm run bench`). After the main build, each
 * entry is bundled again on its own, its HTML pointed at that file, and the chunks nothing loads any more removed.
 */
const ONE_FILE_PAGES = [
  { name: 'popup', html: 'popup/index.html', entry: 'popup/main.tsx' },
  { name: 'launch', html: 'src/launch/index.html', entry: 'src/launch/main.ts' },
];

/**
 * The background the same way: crxjs's `service-worker-loader.js` imported the worker's chunk, which imported ten
 * more. Written over the loader as one file, a stopped worker answers its first message ~6 ms sooner (~5%: two
 * browsers side by side, 60 cold starts each, alternated, four runs with the order swapped; ARCHITECTURE).
 */
const WORKER_LOADER = 'service-worker-loader.js';
/** The worker's source, as the manifest names it (crxjs builds from there and writes the loader in its place). */
const WORKER_ENTRY = manifestSource.background.service_worker;

function entriesInOneFile(target: string): Plugin {
  let outDir = '';
  return {
    name: 'entries-in-one-file',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      for (const page of ONE_FILE_PAGES) await bundleAlone(page, outDir, target);
      await workerAlone(outDir, target);
    },
  };
}

/** Builds one entry on its own into `outDir` and returns its one chunk (a second chunk fails the build). */
async function buildAlone(entry: string, outDir: string, target: string, output: Rolldown.OutputOptions, plugins: PluginOption[]): Promise<Rolldown.OutputChunk> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    plugins,
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target,
      sourcemap: false,
      modulePreload: false,
      rollupOptions: { input: resolve(import.meta.dirname, entry), output },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((built) => built.output).filter((file) => file.type === 'chunk');
  const [only, ...others] = chunks;
  if (!only || others.length > 0) throw new Error(`${entry} should build to one file, not ${chunks.length}.`);
  return only;
}

async function bundleAlone(page: (typeof ONE_FILE_PAGES)[number], outDir: string, target: string): Promise<void> {
  const entry = await buildAlone(page.entry, outDir, target, { entryFileNames: `assets/${page.name}-one-[hash].js` }, [preactWithoutInnerHtml(), preact()]);
  const htmlPath = join(outDir, page.html);
  const html = readFileSync(htmlPath, 'utf8');
  const scripts = [...html.matchAll(/<script type="module"[^>]* src="\/([^"]+)"><\/script>/g)];
  const [script] = scripts;
  if (scripts.length !== 1 || !script?.[1]) throw new Error(`The built ${page.html} should load one module script.`);
  writeFileSync(
    htmlPath,
    html.replace(script[0], `<script type="module" src="/${entry.fileName}"></script>`).replace(/\s*<link rel="modulepreload"[^>]*>/g, ''),
  );
  removeUnused(outDir, [script[1]]);
}

async function workerAlone(outDir: string, target: string): Promise<void> {
  const loaderPath = join(outDir, WORKER_LOADER);
  const loader = readFileSync(loaderPath, 'utf8');
  const imported = [...loader.matchAll(/import\s*['"]\.\/([^'"]+\.js)['"]/g)].map((match) => match[1] ?? '');
  if (imported.length !== 1) throw new Error(`crxjs's ${WORKER_LOADER} should import one chunk, not ${imported.length}.`);
  // The SDK's one dynamic import (event streams, which STS and Identity Center never use) goes inline: a service
  // worker may not import() anything.
  await buildAlone(WORKER_ENTRY, outDir, target, { entryFileNames: WORKER_LOADER, codeSplitting: false }, [sdkXmlParserWithoutDom()]);
  removeUnused(outDir, imported);
}

/**
 * Removes chunks nothing loads any more (an entry built again alone), then what only they imported. A chunk another
 * file still names stays: rolldown may merge shared modules into an entry chunk that other pages import.
 */
function removeUnused(outDir: string, candidates: string[]): void {
  const named = (chunk: string) => {
    const name = basename(chunk);
    return listFiles(outDir).some((file) => basename(file) !== name && /\.(js|css|html|json)$/.test(file) && readFileSync(file, 'utf8').includes(name));
  };
  const queue = [...candidates];
  while (queue.length > 0) {
    const chunk = queue.shift() ?? '';
    const path = join(outDir, chunk);
    if (!existsSync(path) || named(chunk)) continue;
    const code = readFileSync(path, 'utf8');
    rmSync(path);
    // What it imported, statically or not (`./x.js`, `` `./x.js` ``, vite's `"assets/x.js"` preload lists).
    for (const file of readdirSync(join(outDir, 'assets'))) if (code.includes(file)) queue.push(join('assets', file));
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]);
}

// `vite build --mode firefox` (npm run build:firefox): the same sources with the Firefox manifest, into dist-firefox/.
const contentScripts = { standaloneFiles: ['src/content/index.ts'] };

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  const outDir = firefox ? 'dist-firefox' : 'dist';
  const target = firefox ? 'firefox140' : 'chrome120';
  return {
    plugins: [
      sdkXmlParserWithoutDom(),
      preactWithoutInnerHtml(),
      preact(),
      // The content script as one self-contained file: no loader, so nothing of the extension has to be exposed
      // to console pages as web-accessible resources (which would let any page detect the extension).
      firefox
        ? crx({ manifest: firefoxManifest(manifest), browser: 'firefox', contentScripts })
        : crx({ manifest, contentScripts }),
      entriesInOneFile(target),
    ],
    optimizeDeps: { exclude: ['@aws-sdk/xml-builder'] },
    build: {
      // Pages the manifest does not name: the launch page that POSTs the console login (src/core/login-form.ts), and
      // the welcome page opened on install (src/background/welcome/progress.ts).
      rollupOptions: { input: { launch: 'src/launch/index.html', welcome: 'src/welcome/index.html' } },
      target,
      outDir,
      // Chrome 120 and Firefox 140 preload modules natively: no polyfill chunk in front of every page's script.
      modulePreload: { polyfill: false },
      sourcemap: false,
      emptyOutDir: true,
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
