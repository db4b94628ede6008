/**
 * The reads a popup opening needs, started the moment the script runs rather than after the first render: the
 * roles and the favourites, recent use and view choices. The roles come from the ready-made index in storage
 * (one read, no worker, no parse: src/background/roles-index.ts); only when it is missing or from another version
 * is the background asked (`roles.list`, which also rebuilds the index). Marks around the roles let the
 * benchmark tell their share apart.
 */
import { send, type MessageMap, type Result } from '../src/messages';
import { readRolesIndex } from '../src/platform/roles-index';
import { ROLES_RECEIVED, ROLES_REQUESTED } from './paint-marks';
import { loadUsage, type Usage } from './usage-store';

export interface InitialLoad {
  roles: Promise<Result<Pick<MessageMap['roles.list']['response'], 'roles'>>>;
  /** Undefined when storage could not be read: the popup still works, in configuration order. */
  usage: Promise<Usage | undefined>;
}

export function startLoad(): InitialLoad {
  performance.mark(ROLES_REQUESTED);
  const roles = readRolesIndex()
    .catch(() => undefined)
    .then(async (indexed) => (indexed !== undefined ? { ok: true as const, value: { roles: indexed } } : send('roles.list', {})))
    .then((result) => {
      performance.mark(ROLES_RECEIVED);
      return result;
    });
  return { roles, usage: loadUsage().catch(() => undefined) };
}
