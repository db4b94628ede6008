/**
 * Runs the STS client's request path once in a worker that has not used it yet, while the popup is open, so the
 * click does not pay for it (issue 16). A worker's first AssumeRole spent 70–200 ms (measured on a busy two-core
 * machine; 25–45 ms once the worker had used the SDK) before its request left: V8 compiling the SDK's functions on
 * their first call, the endpoint rules, the middleware stack, SigV4. Nothing is sent: the request is built and
 * signed with placeholder credentials (no secret of anyone's) and handed to a handler that drops it.
 */
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const PLACEHOLDER = { accessKeyId: 'priming', secretAccessKey: 'priming' };

/** Drops the request: the priming ends where a real request would leave the worker. */
const nowhere = {
  handle: () => Promise.reject(Object.assign(new Error('Priming only: nothing is sent.'), { name: 'PrimingOnly' })),
  updateHttpClientConfig: () => undefined,
  httpHandlerConfigs: () => ({}),
};

/** Once per worker: the compiled code stays for as long as the worker lives. */
let primed = false;

export async function primeSts(region: string): Promise<void> {
  if (primed) return;
  primed = true;
  const client = new STSClient({ region, credentials: PLACEHOLDER, maxAttempts: 1, requestHandler: nowhere });
  try {
    await client.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/priming', RoleSessionName: 'priming', DurationSeconds: 900 }));
  } catch {
    // Always: the handler sends nothing.
  } finally {
    client.destroy();
  }
}
