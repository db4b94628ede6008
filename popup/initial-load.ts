/**
 * The reads a popup opening needs, started the moment the script runs rather than after the first render: the
 * roles from the background (the long pole: the worker parses the configuration) and the favourites, recent use
 * and view choices from storage. Marks around the roles request let the benchmark tell the worker's share apart.
 */
import { send, type MessageMap, type Result } from '../src/messages';
import { ROLES_RECEIVED, ROLES_REQUESTED } from './paint-marks';
import { loadUsage, type Usage } from './usage-store';

export interface InitialLoad {
  roles: Promise<Result<MessageMap['roles.list']['response']>>;
  /** Undefined when storage could not be read: the popup still works, in configuration order. */
  usage: Promise<Usage | undefined>;
}

export function startLoad(): InitialLoad {
  performance.mark(ROLES_REQUESTED);
  const roles = send('roles.list', {}).then((result) => {
    performance.mark(ROLES_RECEIVED);
    return result;
  });
  return { roles, usage: loadUsage().catch(() => undefined) };
}
