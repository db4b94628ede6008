/**
 * The network between a browser and AWS, as the sandbox models it. A real first request to an AWS host pays for a
 * new connection (a TCP and a TLS round trip before the first byte) and then its own round trip; a connection left
 * idle is closed by the server after a while. Here:
 * - `state.connectionSetupMs`: every new connection waits this long before its TLS handshake starts (the client sees
 *   its handshake take that much longer), applied by the listener below before the HTTPS server gets the socket;
 * - `state.latencyMs`: every request waits this long before it is read (server.ts);
 * - `state.keepAliveMs`: an idle connection is closed this long after its last answer (the HTTPS server's
 *   keep-alive timeout is set from it on every connection and every request).
 * Every connection is recorded (`state.connections`) and every request names the connection it came on
 * (`RequestLogEntry.connection`), so a test or the benchmark can see which requests paid for a handshake.
 */
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { Server as HttpsServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { SandboxState } from './state.js';

/** One TCP connection to the sandbox. Wall-clock ms (Date.now), like the request log's `receivedAt`. */
export interface ConnectionRecord {
  /** 1, 2, 3… in the order they were accepted. */
  id: number;
  /** The host name the client asked for in its TLS handshake (SNI); '' until the handshake is done, or without SNI. */
  host: string;
  /** Accepted (the client's connect went through). */
  openedAt: number;
  /** TLS handshake done: the connection can carry requests. */
  readyAt?: number;
  closedAt?: number;
  /** Requests it carried so far. */
  requests: number;
}

/** The knobs a profile sets (all three are on `SandboxState`). */
export interface NetworkProfile {
  latencyMs: number;
  connectionSetupMs: number;
  keepAliveMs: number;
}

/**
 * Named profiles for `npm start`, the benchmark and the CLI (`AWS_SANDBOX_NETWORK=aws-100ms`, `--network`).
 * `local` is the sandbox's default: answers at once, connections free, Node's own keep-alive (5 s).
 * The AWS profiles: one round trip of latency per request, two (TCP, then TLS 1.3) per new connection, and idle
 * connections closed after 20 s. AWS does not document its API endpoints' idle timeout; 20 s is what S3 was seen to
 * do (https://github.com/vectordotdev/vector/pull/9703), the shortest such figure we found, so warming is tested
 * against the least forgiving server.
 */
export const NETWORK_PROFILES = {
  local: { latencyMs: 0, connectionSetupMs: 0, keepAliveMs: 5_000 },
  'aws-100ms': { latencyMs: 100, connectionSetupMs: 200, keepAliveMs: 20_000 },
  'aws-250ms': { latencyMs: 250, connectionSetupMs: 500, keepAliveMs: 20_000 },
} as const satisfies Record<string, NetworkProfile>;

export type NetworkProfileName = keyof typeof NETWORK_PROFILES;

/** A profile by name (as typed in an environment variable or a flag); an unknown name is an error that lists the known ones. */
export function networkProfile(name: string): NetworkProfile {
  if (!Object.hasOwn(NETWORK_PROFILES, name)) {
    throw new Error(`Unknown network profile "${name}": use one of ${Object.keys(NETWORK_PROFILES).join(', ')}.`);
  }
  return NETWORK_PROFILES[name as NetworkProfileName];
}

export function applyNetworkProfile(state: SandboxState, profile: NetworkProfile): void {
  state.latencyMs = profile.latencyMs;
  state.connectionSetupMs = profile.connectionSetupMs;
  state.keepAliveMs = profile.keepAliveMs;
}

export interface NetworkFront {
  /** Listens for TCP; each connection is handed to `https` once its setup delay has passed. */
  server: TcpServer;
  /** The record of the connection a request came on. */
  recordOf(socket: Socket): ConnectionRecord | undefined;
  /** Closes every open connection now (the next request of any client opens a new one): cold connections. */
  closeAll(): void;
}

/**
 * The TCP listener in front of the HTTPS server. Sockets start paused (`pauseOnConnect`): what the client sends
 * first (its TLS ClientHello) waits in the socket until the setup delay has passed, then the HTTPS server is given
 * the socket (`'connection'`, the documented way to hand a server a socket) and the handshake proceeds.
 */
export function networkFront(state: SandboxState, https: HttpsServer): NetworkFront {
  // Open connections by the client's address and port: the TCP socket accepted here and the TLS socket the HTTPS
  // server wraps around it share them.
  const open = new Map<string, { record: ConnectionRecord; sockets: Socket[] }>();
  const keyOf = (socket: Socket) => `${socket.remoteAddress ?? ''}:${socket.remotePort ?? ''}`;
  const byTls = new WeakMap<Socket, ConnectionRecord>();

  const server = createTcpServer({ pauseOnConnect: true }, (socket) => {
    const record: ConnectionRecord = { id: state.connections.length + 1, host: '', openedAt: Date.now(), requests: 0 };
    state.connections.push(record);
    const key = keyOf(socket);
    open.set(key, { record, sockets: [socket] });
    const closed = () => {
      record.closedAt ??= Date.now();
      open.delete(key);
    };
    socket.once('close', closed);
    // A client that gives up during the delay (a dropped-connection test, Chromium racing two attempts) is not our error.
    socket.on('error', () => undefined);
    const handOver = () => {
      if (socket.destroyed) return;
      // The keep-alive knob as it is now (index.ts sets it again on every request): Node's answers announce it.
      https.keepAliveTimeout = state.keepAliveMs;
      https.emit('connection', socket);
    };
    if (state.connectionSetupMs > 0) setTimeout(handOver, state.connectionSetupMs);
    else handOver();
  });

  https.on('secureConnection', (tls: TLSSocket) => {
    const key = keyOf(tls);
    const entry = open.get(key);
    if (!entry) return;
    entry.record.host = typeof tls.servername === 'string' ? tls.servername : '';
    entry.record.readyAt = Date.now();
    entry.sockets.push(tls);
    byTls.set(tls, entry.record);
    tls.once('close', () => {
      entry.record.closedAt ??= Date.now();
      open.delete(key);
    });
  });

  return {
    server,
    recordOf: (socket) => byTls.get(socket),
    closeAll: () => {
      for (const { sockets } of [...open.values()]) for (const socket of sockets) socket.destroy();
    },
  };
}
