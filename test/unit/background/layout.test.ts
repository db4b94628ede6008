/**
 * ARCHITECTURE.md's map of the worker matches the tree (issue 12: the folders by concern, and the map that says
 * what each holds): every folder and top-level file of src/background/ is named in the map's first column, each
 * source has its folder under sources/ beside the one interface, and the map names nothing that is not there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const background = resolve(root, 'src/background');

/** The first column of the table under "The worker, `src/background/`, by concern": its `code` names. */
function mapped(): string[] {
  const text = readFileSync(resolve(root, 'ARCHITECTURE.md'), 'utf8');
  const start = text.indexOf('The worker, `src/background/`, by concern');
  expect(start).toBeGreaterThan(-1);
  const rows = text.slice(start).split('\n').slice(1);
  const table = rows.slice(rows.findIndex((line) => line.startsWith('|')));
  const body = table.slice(0, table.findIndex((line) => !line.startsWith('|'))).slice(2);
  return body.flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''));
}

function entries(): string[] {
  return readdirSync(background, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort();
}

describe("ARCHITECTURE's map of src/background/", () => {
  it('names every folder and top-level file, and nothing else', () => {
    expect([...mapped()].sort()).toEqual(entries());
  });

  it('puts each source in a folder of its own beside the one interface the sign-in flow calls', () => {
    const sources = readdirSync(resolve(background, 'sources'), { withFileTypes: true });
    expect(sources.filter((e) => e.isFile()).map((e) => e.name)).toEqual(['root-credentials.ts']);
    expect(sources.filter((e) => e.isDirectory()).map((e) => e.name).sort()).toEqual(['console', 'keys', 'sso']);
  });
});
