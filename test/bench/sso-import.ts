/**
 * The Identity Center import figure alone (the full `npm run bench` takes minutes): prints it and writes
 * bench-results/bench-sso-import.json. Run `npm run build` first.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchExtensionBrowser } from '../launch/browser';
import { startSandbox } from '../sandbox/index';
import { ssoImportFigures } from './sso-import-figures';
import { printTable } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const sandbox = await startSandbox();
const extension = await launchExtensionBrowser({ sandbox });
let figures;
try {
  figures = await ssoImportFigures(extension, sandbox, RUNS);
} finally {
  await extension.close();
  await sandbox.close();
}
printTable(figures);
const out = resolve(import.meta.dirname, '..', '..', 'bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(resolve(out, 'bench-sso-import.json'), `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, figures }, null, 2)}\n`);
console.log(`\nWritten to ${resolve(out, 'bench-sso-import.json')}`);
