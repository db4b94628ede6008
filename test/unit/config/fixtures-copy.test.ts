/** The repository's copies of the shared fixtures must stay byte-for-byte the same as the originals. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, SHARED_FIXTURES_DIR } from './helpers';

describe.runIf(existsSync(SHARED_FIXTURES_DIR))('fixture copies', () => {
  it('match the shared fixtures exactly, and none is missing', () => {
    const shared = readdirSync(SHARED_FIXTURES_DIR).sort();
    expect(readdirSync(FIXTURES_DIR).sort()).toEqual(shared);
    for (const name of shared) {
      expect(readFileSync(path.join(FIXTURES_DIR, name)), name).toEqual(readFileSync(path.join(SHARED_FIXTURES_DIR, name)));
    }
  });
});
