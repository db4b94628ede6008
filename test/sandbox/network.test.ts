/**
 * The sandbox's network model (network.ts): each connection recorded and named by the requests it carried, its
 * setup delay, the keep-alive that closes it when idle, closing every connection at once, and what the request
 * log keeps of headers (values only of headers that never carry a secret).
 */
import { Agent, request as httpsRequest } from 'node:https';
import { describe, expect, it } from 'vitest';
import { NETWORK_PROFILES, applyNetworkProfile, networkProfile } from './index.js';
import { useSandbox } from './test-support.js';

const sandbox = useSandbox();

/** One keep-alive client, as a browser is: requests to the same host reuse its connection while it lives. */
function keepAliveClient() {
  const agent = new Agent({
    ca: sandbox.current.certPem,
    keepAlive: true,
    maxSockets: 1,
    lookup: ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
      if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
      else callback(null, '127.0.0.1', 4);
    }) as never,
  });
  const get = (url: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; keepAlive: string | undefined }>((resolve, reject) => {
      const target = new URL(url);
      const req = httpsRequest(
        { hostname: target.hostname, servername: target.hostname, port: sandbox.current.port, path: `${target.pathname}${target.search}`, headers: { host: target.host, ...headers }, agent },
        (res) => {
          res.resume();
          const keepAlive = res.headers['keep-alive'];
          res.on('end', () => resolve({ status: res.statusCode ?? 0, keepAlive: typeof keepAlive === 'string' ? keepAlive : undefined }));
        },
      );
      req.on('error', reject);
      req.end();
    });
  // Sockets the client still holds open for reuse: a connection the server closed leaves once the client has seen it.
  const held = () => Object.values(agent.freeSockets).flat().length;
  return { get, held, close: () => agent.destroy() };
}

const lastRequest = () => sandbox.current.state.requests.at(-1);
const waitFor = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('the network model', () => {
  it('records each connection with its host, and each request with the connection it came on', async () => {
    const client = keepAliveClient();
    try {
      await client.get('https://sts.eu-west-1.amazonaws.com/');
      const first = lastRequest();
      await client.get('https://sts.eu-west-1.amazonaws.com/');
      const second = lastRequest();
      expect(first?.connection).toBeDefined();
      expect(second?.connection).toBe(first?.connection);
      expect([first?.onConnection, second?.onConnection]).toEqual([1, 2]);
      const record = sandbox.current.state.connections.find((c) => c.id === first?.connection);
      expect(record).toMatchObject({ host: 'sts.eu-west-1.amazonaws.com', requests: 2 });
      expect(record?.readyAt).toBeGreaterThanOrEqual(record?.openedAt ?? Infinity);
    } finally {
      client.close();
    }
  });

  it('holds a new connection for its setup delay before the handshake, and only a new one', async () => {
    sandbox.current.state.connectionSetupMs = 150;
    const client = keepAliveClient();
    try {
      await client.get('https://eu-west-1.signin.aws.amazon.com/');
      await client.get('https://eu-west-1.signin.aws.amazon.com/');
      const [record, ...more] = sandbox.current.state.connections.filter((c) => c.id === lastRequest()?.connection);
      expect(more).toEqual([]);
      // A timer may fire a millisecond early: the delay is there, give or take that.
      expect((record?.readyAt ?? 0) - (record?.openedAt ?? 0)).toBeGreaterThanOrEqual(148);
      expect(record?.requests).toBe(2);
    } finally {
      client.close();
    }
  });

  it('closes an idle connection after keepAliveMs, and says so: the next request opens a new one', async () => {
    const client = keepAliveClient();
    try {
      sandbox.current.state.keepAliveMs = 20_000;
      expect((await client.get('https://sts.us-east-1.amazonaws.com/')).keepAlive).toBe('timeout=20');
      sandbox.current.state.keepAliveMs = 50;
      await client.get('https://sts.us-east-1.amazonaws.com/');
      const first = lastRequest()?.connection;
      const record = sandbox.current.state.connections.find((c) => c.id === first);
      await waitFor(() => record?.closedAt !== undefined && client.held() === 0);
      await client.get('https://sts.us-east-1.amazonaws.com/');
      expect(lastRequest()?.connection).not.toBe(first);
      expect(lastRequest()?.onConnection).toBe(1);
    } finally {
      client.close();
    }
  });

  it('closeConnections closes every connection at once (cold connections)', async () => {
    const client = keepAliveClient();
    try {
      await client.get('https://sts.us-west-2.amazonaws.com/');
      const first = lastRequest()?.connection;
      sandbox.current.closeConnections();
      const record = sandbox.current.state.connections.find((c) => c.id === first);
      await waitFor(() => record?.closedAt !== undefined && client.held() === 0);
      await client.get('https://sts.us-west-2.amazonaws.com/');
      expect(lastRequest()?.connection).not.toBe(first);
    } finally {
      client.close();
    }
  });

  it('keeps header values only where no secret can be, and query names without values', async () => {
    const client = keepAliveClient();
    try {
      await client.get('https://sts.eu-west-1.amazonaws.com/?Action=GetCallerIdentity&X-Amz-Signature=abc', {
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIAX',
        cookie: 'aws-sandbox-console-session=secret',
        'x-amz-security-token': 'token',
        'user-agent': 'test-agent',
      });
      const seen = lastRequest();
      expect(seen?.headers['user-agent']).toBe('test-agent');
      expect(seen?.headers.authorization).toBe('<33 chars>');
      expect(seen?.headers.cookie).toBe('<34 chars>');
      expect(seen?.headers['x-amz-security-token']).toBe('<5 chars>');
      expect(seen?.queryKeys).toEqual(['Action', 'X-Amz-Signature']);
      expect(JSON.stringify(seen)).not.toMatch(/secret|abc|AKIA/);
    } finally {
      client.close();
    }
  });

  it('profiles set the three knobs; an unknown name is refused with the known ones', () => {
    applyNetworkProfile(sandbox.current.state, networkProfile('aws-100ms'));
    expect(sandbox.current.state).toMatchObject(NETWORK_PROFILES['aws-100ms']);
    expect(NETWORK_PROFILES['aws-100ms']).toEqual({ latencyMs: 100, connectionSetupMs: 200, keepAliveMs: 20_000 });
    expect(() => networkProfile('aws-1ms')).toThrow('Unknown network profile "aws-1ms": use one of local, aws-100ms, aws-250ms.');
  });
});
