/**
 * "Copy credentials for the terminal": the role assumed the usual way (the same chain, prompts and errors as a
 * sign-in: role-credentials.ts) and its temporary credentials handed to the popup that asked, which writes them to
 * the clipboard in the shell's syntax (src/core/terminal-credentials.ts). No console opens; nothing is stored,
 * logged or notified. Answered to extension pages only (messages.ts AUDIENCE), like every secret-bearing message.
 */
import { durationFor } from '../../core/durations';
import { effectiveRegion } from '../../core/partitions';
import type { TerminalCredentials } from '../../core/terminal-credentials';
import { loadManagedPolicy } from '../config/managed';
import { loadConfig } from '../config/store';
import { rootCredentials } from '../sources/root-credentials';
import { refuseAliasAccounts } from './alias-account';
import { assumeHops, resolveChain } from './role-credentials';
import { loadSignInMemory } from './sign-in-memory';
import { loadSignInSettings } from './settings';
import { SignInError } from './sign-in-error';

export interface TerminalRequest {
  profile: string;
  mfaCode?: string;
}

export async function credentialsForTerminal(request: TerminalRequest): Promise<TerminalCredentials & { profile: string; region: string }> {
  // The organisation's policy is read once, beside the rest: the settings and the vault's use both depend on it.
  const policy = loadManagedPolicy();
  const [config, settings, memory] = await Promise.all([loadConfig(), loadSignInSettings(policy), loadSignInMemory()]);
  const { target, hops, rootSource } = resolveChain(config, request.profile);
  refuseAliasAccounts(config, target);
  const { root, mfaFor, failed } = await rootCredentials({
    config,
    source: rootSource,
    hops,
    policy,
    wantedSeconds: durationFor(target.durationSeconds, settings.defaultDurationSeconds, hops.length > 1).seconds,
    ...(request.mfaCode !== undefined && { mfaCode: request.mfaCode }),
  });
  const region = effectiveRegion(target.partition, target.region);
  let chain;
  try {
    chain = await assumeHops({ root, hops, region, settings, memory, mfaFor, failed });
  } catch (error) {
    throw await failed(error);
  }
  const { credentials, expiresAt } = chain.assumed;
  if (credentials.sessionToken === undefined) {
    throw new SignInError('internal', `AWS gave no session token for ${target.name}: try again.`);
  }
  return {
    profile: target.name,
    region,
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
    expiresAt,
  };
}
