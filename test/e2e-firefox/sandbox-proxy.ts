/**
 * Firefox has no --host-resolver-rules: instead a proxy auto-config (PAC) sends the AWS host names to a tiny HTTP
 * CONNECT proxy that tunnels every connection to the sandbox's port. TLS still runs end to end between Firefox and
 * the sandbox, with the real host name (SNI, Host header), as with Chromium's mapping.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

/** The parent domains the sandbox answers for: the same set as test/sandbox/hosts.ts maps for Chromium. */
const AWS_SUFFIXES = ['.amazonaws.com', '.amazon.com', '.amazonaws.cn', '.amazonaws.com.cn', '.amazonaws-us-gov.com'];

export interface SandboxProxy {
  /** A `data:` URL of the PAC script, for the `network.proxy.autoconfig_url` pref. */
  pacUrl: string;
  close(): Promise<void>;
}

export async function startSandboxProxy(sandboxPort: number): Promise<SandboxProxy> {
  const server: Server = createServer((_request, response) => {
    // Only tunnels: plain-HTTP requests through the proxy mean the PAC sent something it should not.
    response.writeHead(405).end();
  });
  // Tunnels leave the HTTP server's bookkeeping: tracked here so close() ends them.
  const tunnels = new Set<{ destroy(): void }>();
  server.on('connect', (_request, client, head) => {
    const upstream = connect(sandboxPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    tunnels.add(client).add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('close', () => tunnels.delete(upstream));
    client.on('close', () => tunnels.delete(client));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const pac = `function FindProxyForURL(url, host) {
  var suffixes = ${JSON.stringify(AWS_SUFFIXES)};
  for (var i = 0; i < suffixes.length; i++) if (dnsDomainIs(host.toLowerCase(), suffixes[i])) return 'PROXY 127.0.0.1:${port}';
  return 'DIRECT';
}`;
  return {
    pacUrl: `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(pac)}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of tunnels) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
