// Lint: type-aware rules (async mistakes above all) and the folder boundaries of DESIGN.md as rules, not wiki lines.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const backgroundImports = { group: ['**/background/**', '**/background'], message: 'Pages and content scripts talk to the background through src/messages.ts only.' };

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Shipped code never logs: a log line is one mistake away from a secret.
    files: ['src/**', 'popup/**'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['webextension-polyfill', '**/platform/**', '**/background/**', '**/options/**', '**/content/**', '**/popup/**'], message: 'core/ is pure TypeScript: no browser APIs, no other layer.' },
        // The message contract sits above core (it imports the browser API): what core needs from it lives in core.
        { group: ['**/messages', '**/messages.ts', '**/messages.js'], message: 'core/ imports nothing from src/messages.ts; types core needs live in core (e.g. core/app-error.ts) and messages.ts re-exports them.' },
      ] }],
      'no-restricted-globals': ['error', 'browser', 'chrome', 'window', 'document', 'localStorage'],
    },
  },
  {
    files: ['popup/**', 'src/options/**', 'src/content/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [backgroundImports] }],
      // No HTML from strings: the build also turns Preact's innerHTML path into textContent (vite.config.ts).
      'no-restricted-syntax': ['error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML from strings: render elements.' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'No HTML from strings: build DOM nodes.' },
      ],
    },
  },
  {
    files: ['src/background/**'],
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'localStorage'] },
  },
);
