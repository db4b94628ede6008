/** The shape of a group of message handlers, so each concern keeps its handlers in its own file. */
import type { MessageName, RequestOf, ResponseOf } from '../messages';

export type HandlerMap<K extends MessageName> = { [P in K]: (request: RequestOf<P>) => Promise<ResponseOf<P>> };
