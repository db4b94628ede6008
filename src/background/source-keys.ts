/**
 * Long-term access keys per source profile, held in `storage.session` for this browser session only.
 * (The encrypted vault replaces this in its own issue.)
 */
import type { SourceStatus } from '../messages';
import { readStored, writeStored, type LongTermKeys } from '../platform/storage';

export async function keysFor(source: string): Promise<LongTermKeys | undefined> {
  const all = (await readStored('keys.sources')) ?? {};
  return Object.hasOwn(all, source) ? all[source] : undefined;
}

export async function setKeys(source: string, keys: LongTermKeys): Promise<SourceStatus> {
  const all = (await readStored('keys.sources')) ?? {};
  await writeStored('keys.sources', { ...all, [source]: keys });
  return { source, accessKeyId: keys.accessKeyId };
}

export async function removeKeys(source: string): Promise<SourceStatus> {
  const { [source]: _removed, ...rest } = (await readStored('keys.sources')) ?? {};
  await writeStored('keys.sources', rest);
  return { source };
}

export async function keyStatus(sources: string[]): Promise<SourceStatus[]> {
  const all = (await readStored('keys.sources')) ?? {};
  return sources.map((source) => {
    const keys = Object.hasOwn(all, source) ? all[source] : undefined;
    return keys ? { source, accessKeyId: keys.accessKeyId } : { source };
  });
}
