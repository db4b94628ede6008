import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { firefoxManifest } from './manifest-firefox.ts';
import manifest from './manifest.json' with { type: 'json' };

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

// `vite build --mode firefox` (npm run build:firefox): the same sources with the Firefox manifest, into dist-firefox/.
const contentScripts = { standaloneFiles: ['src/content/index.ts'] };

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: [
      sdkXmlParserWithoutDom(),
      preact(),
      // The content script as one self-contained file: no loader, so nothing of the extension has to be exposed
      // to console pages as web-accessible resources (which would let any page detect the extension).
      firefox
        ? crx({ manifest: firefoxManifest(manifest), browser: 'firefox', contentScripts })
        : crx({ manifest, contentScripts }),
    ],
    optimizeDeps: { exclude: ['@aws-sdk/xml-builder'] },
    build: {
      // Pages the manifest does not name: the launch page that POSTs the console login (src/core/login-form.ts).
      rollupOptions: { input: { launch: 'src/launch/index.html' } },
      target: firefox ? 'firefox128' : 'chrome120',
      ...(firefox && { outDir: 'dist-firefox' }),
      // Chrome 120 and Firefox 128 preload modules natively: no polyfill chunk in front of every page's script.
      modulePreload: { polyfill: false },
      sourcemap: false,
      emptyOutDir: true,
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
