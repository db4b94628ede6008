/**
 * Configuration figures for `npm run bench`, measured in Node (the parser is pure TypeScript, the same code the
 * worker runs): parsing 5,000 profiles (DESIGN.md target < 50 ms), and what they take in `storage.sync` once
 * compressed and chunked (they must fit 100 KB to follow the user; a profile cap is not the answer).
 */
import { performance } from 'node:perf_hooks';
import { parseConfig } from '../../src/core/config';
import { encodeConfig } from '../../src/core/config-storage';
import { bigConfig } from '../unit/config/big-config';
import { summarize, type Figure } from './stats';

export async function configFigures(samples = Number(process.env.BENCH_RUNS ?? 15)): Promise<Figure[]> {
  const text = bigConfig(5000);
  // Warm-up: the first runs measure the JIT, not the parser.
  for (let i = 0; i < 3; i++) parseConfig(text);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    const model = parseConfig(text);
    times.push(performance.now() - start);
    // 4,997 roles and the Identity Center profile, which is a role too.
    if (model.roles.length !== 4998) throw new Error(`bigConfig(5000) gave ${model.roles.length} roles, not 4,998.`);
  }
  // A file pasted by mistake, under the size cap: 100,000 lines that are no settings, each one diagnosed. Every line
  // must cost the same wherever it stands (a search past its line's end once made this 2.7 s instead of 0.3).
  const pasted = `[profile pasted]\n${Array.from({ length: 100_000 }, (_, i) => `line ${i} of a file that is no configuration`).join('\n')}`;
  const pastedTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    parseConfig(pasted);
    pastedTimes.push(performance.now() - start);
  }
  const encoded = await encodeConfig(text, 'bench', Date.now());
  return [
    summarize('configuration parse, 5,000 profiles', 'ms', times, 50),
    summarize('configuration parse, 100,000 lines that are no settings (4.6 MB)', 'ms', pastedTimes),
    summarize('configuration in storage.sync, 5,000 profiles', 'KB', [encoded.usage.bytes / 1024], 100),
  ];
}
