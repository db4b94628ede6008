/** The popup's role list is rebuilt one rebuild at a time: the configuration read last is the list stored last. */
import { describe, expect, it, vi } from 'vitest';
import { parseConfig, type ConfigModel } from '../../../src/core/config/index';

const mocks = vi.hoisted(() => ({ loadConfig: vi.fn(), storeRolesIndex: vi.fn() }));
vi.mock('../../../src/background/config/store', () => ({ loadConfig: mocks.loadConfig }));
vi.mock('../../../src/platform/roles-index', () => ({ storeRolesIndex: mocks.storeRolesIndex }));
const { rebuildRolesIndex } = await import('../../../src/background/config/roles-index');

function deferred(): { promise: Promise<ConfigModel>; resolve: (model: ConfigModel) => void } {
  let resolve!: (model: ConfigModel) => void;
  const promise = new Promise<ConfigModel>((done) => (resolve = done));
  return { promise, resolve };
}

describe('rebuilding the role list', () => {
  it('reads the configuration for a second rebuild only once the first has stored its list, so the newer list is stored last', async () => {
    const first = deferred();
    const second = deferred();
    mocks.loadConfig.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    mocks.storeRolesIndex.mockResolvedValue(undefined);
    const a = rebuildRolesIndex();
    const b = rebuildRolesIndex();
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The second waits its turn: it has not read anything yet.
    expect(mocks.loadConfig).toHaveBeenCalledTimes(1);
    first.resolve(parseConfig(''));
    await a;
    second.resolve(parseConfig('[dev]\nrole_arn = arn:aws:iam::222222222222:role/Developer\n'));
    await b;
    expect(mocks.storeRolesIndex.mock.calls.map(([roles]) => (roles as { profile: string }[]).map((role) => role.profile))).toEqual([[], ['dev']]);
  });

  it('goes on after a rebuild that failed', async () => {
    mocks.loadConfig.mockRejectedValueOnce(new Error('storage failed')).mockResolvedValueOnce(parseConfig('[ops]\nrole_arn = arn:aws:iam::333333333333:role/Ops\n'));
    mocks.storeRolesIndex.mockClear();
    await expect(rebuildRolesIndex()).rejects.toThrow('storage failed');
    await rebuildRolesIndex();
    expect(mocks.storeRolesIndex.mock.calls.map(([roles]) => (roles as { profile: string }[]).map((role) => role.profile))).toEqual([['ops']]);
  });
});
