/**
 * Runs the STS client's request and answer paths once in a worker that has not used them yet, while the popup is
 * open, so the click does not pay for them (issue 16). A worker's first AssumeRole spent 70–200 ms (measured on a
 * busy two-core machine; 25–45 ms once the worker had used the SDK) before its request left: V8 compiling the SDK's
 * functions on their first call, the endpoint rules, the middleware stack, SigV4; and its answer took ~12 ms more
 * to come out of the SDK (the XML parser, the deserializer) than once they had run. Nothing is sent: the request is
 * built and signed with placeholder credentials (no secret of anyone's) and handed to a handler that answers it
 * itself with a placeholder AssumeRole answer of AWS's documented shape, which is parsed and thrown away.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const PLACEHOLDER = { accessKeyId: 'priming', secretAccessKey: 'priming' };

/** AssumeRole's answer as AWS writes it, every value a placeholder. */
const ANSWER = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser>
      <AssumedRoleId>AROAPRIMINGPRIMING0000:priming</AssumedRoleId>
      <Arn>arn:aws:sts::000000000000:assumed-role/priming/priming</Arn>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIAPRIMINGPRIMING00</AccessKeyId>
      <SecretAccessKey>priming</SecretAccessKey>
      <SessionToken>priming</SessionToken>
      <Expiration>2000-01-01T00:00:00Z</Expiration>
    </Credentials>
  </AssumeRoleResult>
  <ResponseMetadata>
    <RequestId>00000000-0000-0000-0000-000000000000</RequestId>
  </ResponseMetadata>
</AssumeRoleResponse>`;

/** Answers the request itself: the priming ends where a real request would leave the worker, and comes back. */
const nowhere = {
  handle: () => Promise.resolve({
    response: { statusCode: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': '00000000-0000-0000-0000-000000000000' }, body: new Response(ANSWER).body },
  }),
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
    // Nothing to do: a priming that fails only leaves the click its first-call cost.
  } finally {
    client.destroy();
  }
}
