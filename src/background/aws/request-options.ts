/**
 * How every request to an AWS API leaves the worker (the SDK clients' `requestHandler`, the federation fetch, the
 * warming in warming/warm-connections.ts): without cookies. The APIs authenticate with SigV4, bearer tokens or the
 * credentials in the query, never with cookies, so none are sent. It also decides which of the browser's pooled
 * connections a request may use: Chromium keeps separate pools for requests with and without credentials (its
 * "privacy mode", seen as the `pm/` prefix of a socket group in the network log), so the warming's unsigned request
 * opens a connection that the signed request after it can take only when both are sent the same way.
 * Spread it into each SDK client's `requestHandler` (a fresh object: the SDK's handler keeps and may change its own).
 */
export const AWS_REQUEST = { credentials: 'omit' } as const satisfies RequestInit;
