/**
 * The STS endpoint: Query protocol (`Action=…&Version=2011-06-15&…`, form body on POST or query string on GET),
 * SigV4, XML answers. https://docs.aws.amazon.com/STS/latest/APIReference/welcome.html
 */
import { assumeRole } from './assume-role.js';
import { formParams, type SandboxReply, type SandboxRequest } from './http.js';
import { requestId } from './ids.js';
import type { Partition } from './partitions.js';
import type { SandboxState } from './state.js';
import { authenticate, callerAccessKeyId, callerAccount, type Caller } from './sts-auth.js';
import { invalidAction, regionDisabled, serviceUnavailable, StsError, throttling } from './sts-errors.js';
import { getCallerIdentity, getSessionToken } from './sts-identity.js';
import { stsErrorXml, stsResponseXml, type XmlNode } from './sts-xml.js';

export const STS_VERSION = '2011-06-15';

export interface StsRoute {
  partition: Partition;
  region: string;
}

type ActionHandler = (state: SandboxState, caller: Caller, params: URLSearchParams, route: StsRoute) => XmlNode;

const ACTIONS: Readonly<Record<string, ActionHandler>> = {
  GetCallerIdentity: (_state, caller) => getCallerIdentity(caller),
  GetSessionToken: (state, caller, params) => getSessionToken(state, caller, params),
  AssumeRole: (state, caller, params, route) => assumeRole(state, caller, params, route.partition),
};

export async function handleSts(req: SandboxRequest, state: SandboxState, route: StsRoute): Promise<SandboxReply> {
  const id = requestId();
  const params = formParams(req);
  const action = params.get('Action') ?? '';
  let accessKeyId: string | undefined;
  try {
    // Fault knobs first: a throttled or failing front end answers before looking at the request.
    if (state.throttle > 0) {
      state.throttle--;
      throw throttling();
    }
    if (state.fail5xx > 0) {
      state.fail5xx--;
      throw serviceUnavailable();
    }

    const caller = await authenticate(req, state, route);
    accessKeyId = callerAccessKeyId(caller);
    if (state.regionDisabled.has(route.region)) throw regionDisabled(callerAccount(caller));

    const version = params.get('Version') ?? 'NO_VERSION_SPECIFIED';
    const handler = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
    if (!handler || version !== STS_VERSION) throw invalidAction(action, version);

    const result = handler(state, caller, params, route);
    return xmlReply(200, stsResponseXml(action, result, id), id, { action, accessKeyId });
  } catch (error) {
    if (!(error instanceof StsError)) throw error;
    const logged = error.detail ? `${error.code} (${error.detail})` : error.code;
    return xmlReply(error.status, stsErrorXml(error, id), id, {
      action,
      error: logged,
      ...(accessKeyId !== undefined ? { accessKeyId } : {}),
    });
  }
}

function xmlReply(status: number, body: string, id: string, log: SandboxReply['log']): SandboxReply {
  return {
    status,
    // The SDK reads x-amzn-RequestId into $metadata.requestId; the server adds Date (sandbox clock).
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': id },
    body,
    ...(log ? { log } : {}),
  };
}
