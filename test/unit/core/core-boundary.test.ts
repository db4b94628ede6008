/**
 * core/ sits at the bottom: it imports nothing from src/messages.ts (which imports the browser API and is the pages'
 * contract), only the other way round. ESLint's no-restricted-imports for src/core/** says so while editing; this
 * says so in every test run, with ESLint's own check of a file that breaks the rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const core = join(root, 'src/core');
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('the pure layer', () => {
  it('imports nothing from src/messages.ts', () => {
    const files = sources(core);
    expect(files.length).toBeGreaterThan(10);
    const offending = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(IMPORT)]
        .map((match) => match[1] ?? match[2] ?? '')
        .filter((specifier) => /(^|\/)messages(\.[jt]s)?$/.test(specifier))
        .map((specifier) => `${file.slice(root.length + 1)}: ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('has a lint rule that refuses such an import', async () => {
    // The project's own configuration, without the type-aware rules (they cost seconds and are beside the point).
    const eslint = new ESLint({ cwd: root, overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }] });
    const probe = "import type { AppError } from '../messages';\nexport type Probe = AppError;\n";
    const [result] = await eslint.lintText(probe, { filePath: join(core, 'lint-probe.ts') });
    expect(result?.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
  }, 30_000);
});
