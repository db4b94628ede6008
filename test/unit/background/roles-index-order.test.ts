/** The popup's role list is read and stored one turn at a time (rebuilds, roles.list, saves): the configuration read last is the list stored last. */
import { describe, expect, it, vi } from 'vitest';
import { parseConfig, type ConfigModel } from '../../../src/core/config/index';

const mocks = vi.hoisted(() => ({ loadConfig: vi.fn(), saveConfigText: vi.fn(), storeRolesIndex: vi.fn() }));
vi.mock('../../../src/background/config/store', () => ({ loadConfig: mocks.loadConfig, saveConfigText: mocks.saveConfigText }));
vi.mock('../../../src/platform/roles-index', () => ({ storeRolesIndex: mocks.storeRolesIndex }));
const { rebuildRolesIndex, refreshRolesIndex, saveConfigWithIndex } = await import('../../../src/background/config/roles-index');

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

  it('stores a save\'s list after a rebuild that read the older text, never before it', async () => {
    const older = deferred();
    mocks.loadConfig.mockReset().mockReturnValueOnce(older.promise);
    mocks.storeRolesIndex.mockReset().mockResolvedValue(undefined);
    const saved = parseConfig('[new]\nrole_arn = arn:aws:iam::444444444444:role/New\n');
    // The real save writes the text, then its index through what it is given (store.ts saveConfigText).
    mocks.saveConfigText.mockReset().mockImplementation(async (_text: string, alongside: (model: ConfigModel) => Promise<unknown>) => {
      await alongside(saved);
      return { saved: true, model: saved };
    });
    const rebuild = rebuildRolesIndex();
    const save = saveConfigWithIndex('[new]\n');
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The save waits for the rebuild that is reading.
    expect(mocks.saveConfigText).not.toHaveBeenCalled();
    older.resolve(parseConfig('[old]\nrole_arn = arn:aws:iam::111111111111:role/Old\n'));
    await Promise.all([rebuild, save]);
    expect(mocks.storeRolesIndex.mock.calls.map(([roles]) => (roles as { profile: string }[]).map((role) => role.profile))).toEqual([['old'], ['new']]);
  });

  it('answers roles.list in its turn too, with the list it stored', async () => {
    const older = deferred();
    mocks.loadConfig.mockReset().mockReturnValueOnce(older.promise).mockResolvedValueOnce(parseConfig('[b]\nrole_arn = arn:aws:iam::555555555555:role/B\n'));
    mocks.storeRolesIndex.mockReset().mockResolvedValue(undefined);
    const rebuild = rebuildRolesIndex();
    const listed = refreshRolesIndex();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(mocks.loadConfig).toHaveBeenCalledTimes(1);
    older.resolve(parseConfig('[a]\nrole_arn = arn:aws:iam::666666666666:role/A\n'));
    await rebuild;
    expect((await listed).roles.map((role) => role.profile)).toEqual(['b']);
    expect(mocks.storeRolesIndex.mock.calls.map(([roles]) => (roles as { profile: string }[]).map((role) => role.profile))).toEqual([['a'], ['b']]);
  });
});
