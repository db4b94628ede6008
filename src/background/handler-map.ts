/** The shape of a group of message handlers, so each concern keeps its handlers in its own file. */
import type { MessageName, RequestOf, ResponseOf } from '../messages';

/** Who sent the message, from the browser's sender record: a content script's tab and page. */
export interface SenderInfo {
  tabId?: number;
  url?: string;
}

export type HandlerMap<K extends MessageName> = { [P in K]: (request: RequestOf<P>, from?: SenderInfo) => Promise<ResponseOf<P>> };
