/**
 * The background's single message entry point: checks the envelope and the sender, runs the handler, and turns
 * every failure into an error value with a sentence that carries no secret.
 */
import type { Runtime } from 'webextension-polyfill';
import { AUDIENCE, isEnvelope, type AppError, type MessageName, type Result } from '../messages';
import { isAllowedSender } from '../platform/sender';
import { FederationError } from './sign-in/federation';
import type { SenderInfo } from './handler-map';
import { handlers } from './handlers';
import { SignInError } from './sign-in/sign-in-error';

export interface RouterContext {
  ownId: string;
  ownBaseUrl: string;
}

export async function route(message: unknown, sender: Runtime.MessageSender, context: RouterContext): Promise<Result<unknown>> {
  if (!isEnvelope(message)) {
    return { ok: false, error: { code: 'bad-request', message: 'Unknown message.' } };
  }
  if (!isAllowedSender(sender, AUDIENCE[message.type], context.ownId, context.ownBaseUrl)) {
    return { ok: false, error: { code: 'forbidden-sender', message: 'This request is only accepted from the extension\u2019s own pages.' } };
  }
  try {
    const handler = handlers[message.type] as (request: unknown, from: SenderInfo) => Promise<unknown>;
    // The content script's tab and page are known only from the sender, never from what it says.
    const from: SenderInfo = { ...(sender.tab?.id !== undefined && { tabId: sender.tab.id }), ...(sender.url !== undefined && { url: sender.url }) };
    return { ok: true, value: await handler(message.request, from) };
  } catch (error) {
    return { ok: false, error: toAppError(error, message.type) };
  }
}

function toAppError(error: unknown, type: MessageName): AppError {
  if (error instanceof SignInError) return error.toAppError();
  if (error instanceof FederationError) {
    return { code: 'federation-error', message: `${error.message} Try again; if it persists, the role's session may not be allowed to sign in to the console.` };
  }
  if (error instanceof TypeError) {
    return { code: 'network', message: 'AWS could not be reached. Check your network connection and try again.' };
  }
  // Unknown failures: say which request failed, never echo the error text (it could carry request data).
  return { code: 'internal', message: `Something went wrong while handling "${type}". Try again; reload the extension if it persists.` };
}
