/**
 * A person's answer to a device code or an /authorize request, and their sign-in to the directory. The HTML
 * verification page (sso-device-page.ts) and tests (`approveDevice(state, userCode, 'jane')`) both come here.
 */
import { findDirectory, findSsoUser } from './sso-lookup.js';
import { authorizationCode, opaqueId } from './sso-ids.js';
import type { AuthorizationRequest, DeviceAuthorization, PortalSession } from './sso-state.js';
import type { SandboxState } from './state.js';

/** Why an approval could not be done; the verification page shows the message. */
export class ApprovalError extends Error {}

/** `abcd efgh`, `ABCDEFGH` and `ABCD-EFGH` are the same code (people type them). */
export function normalizeUserCode(text: string): string {
  const letters = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return letters.length === 8 ? `${letters.slice(0, 4)}-${letters.slice(4)}` : letters;
}

export function findDeviceByUserCode(state: SandboxState, userCode: string): DeviceAuthorization | undefined {
  const wanted = normalizeUserCode(userCode);
  for (const device of state.sso.deviceAuthorizations.values()) if (device.userCode === wanted) return device;
  return undefined;
}

/** A device authorization that still waits for the person: known, pending, not expired. */
export function pendingDevice(state: SandboxState, userCode: string): DeviceAuthorization {
  const device = findDeviceByUserCode(state, userCode);
  if (!device) throw new ApprovalError('This code is not valid.');
  if (device.expiresAt <= state.now()) throw new ApprovalError('This code has expired.');
  if (device.status !== 'pending') throw new ApprovalError('This code has already been used.');
  return device;
}

function checkMember(state: SandboxState, directoryId: string, username: string): string {
  const directory = findDirectory(state.seed, directoryId);
  const user = directory && findSsoUser(directory, username);
  if (!user) throw new ApprovalError(`No user ${username} in this directory.`);
  return user.username;
}

/** Approves a device code as `username` (a user of the code's directory), as the Allow button does. */
export function approveDevice(state: SandboxState, userCode: string, username: string, portalSessionId?: string): DeviceAuthorization {
  const device = pendingDevice(state, userCode);
  device.username = checkMember(state, device.directoryId, username);
  device.status = 'approved';
  if (portalSessionId !== undefined) device.portalSessionId = portalSessionId;
  return device;
}

/** Denies a device code, as the Deny button does: the client's next poll answers AccessDeniedException. */
export function denyDevice(state: SandboxState, userCode: string, username?: string): DeviceAuthorization {
  const device = pendingDevice(state, userCode);
  device.status = 'denied';
  if (username !== undefined) device.username = username;
  return device;
}

export function pendingAuthorization(state: SandboxState, id: string): AuthorizationRequest {
  const request = state.sso.authorizationRequests.get(id);
  if (!request) throw new ApprovalError('This sign-in request is not valid.');
  if (request.expiresAt <= state.now()) throw new ApprovalError('This sign-in request has expired.');
  if (request.status !== 'pending') throw new ApprovalError('This sign-in request has already been answered.');
  return request;
}

/** Approves an /authorize request: it gets its single-use code. */
export function approveAuthorization(state: SandboxState, id: string, username: string, portalSessionId?: string): AuthorizationRequest {
  const request = pendingAuthorization(state, id);
  request.username = checkMember(state, request.directoryId, username);
  request.status = 'approved';
  request.code = authorizationCode();
  if (portalSessionId !== undefined) request.portalSessionId = portalSessionId;
  return request;
}

export function denyAuthorization(state: SandboxState, id: string): AuthorizationRequest {
  const request = pendingAuthorization(state, id);
  request.status = 'denied';
  return request;
}

/** Checks a user name and password against the directory; a new portal sign-in on success. */
export function signIn(state: SandboxState, directoryId: string, username: string, password: string): PortalSession | undefined {
  const directory = findDirectory(state.seed, directoryId);
  const user = directory && findSsoUser(directory, username);
  if (!user || user.password !== password) return undefined;
  const now = state.now();
  const session: PortalSession = {
    id: opaqueId(),
    directoryId,
    username: user.username,
    createdAt: now,
    expiresAt: now + state.sso.portalSessionLifetimeSeconds * 1000,
    ended: false,
  };
  state.sso.portalSessions.set(session.id, session);
  return session;
}

export function livePortalSession(state: SandboxState, directoryId: string, id: string | undefined): PortalSession | undefined {
  const session = id === undefined ? undefined : state.sso.portalSessions.get(id);
  if (!session || session.ended || session.directoryId !== directoryId || session.expiresAt <= state.now()) return undefined;
  return session;
}
