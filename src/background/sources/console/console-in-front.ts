/**
 * The console tab in front and what it can switch to, shared by the sign-in (console-sign-in.ts: which way a click
 * goes) and the popup's question when it opens (console-offer.ts: what the rows say), so both decide alike:
 * - a console tab stands in for a role's source when the role is no Identity Center profile and its chain starts at
 *   `default` or at an AESR base (a section with an account): the identities a console session can be;
 * - the console offers a role by AESR's rules (src/core/console-switch/offer.ts), in its own partition, and never
 *   one with an ExternalId (the console's switch-role cannot send one);
 * - keys serve a role when its root source has keys in the vault (or the vault is locked: unknown, so the key path
 *   runs and asks to unlock).
 */
import type { Partition } from '../../../core/arn';
import { PARTITIONS } from '../../../core/arn';
import type { ConfigModel, RoleProfile } from '../../../core/config/index';
import { DEFAULT_SOURCE } from '../../../core/config/index';
import { consoleBase, switchOffer, type ConsoleBase, type SwitchOffer } from '../../../core/console-switch/offer';
import { httpsHost, type ConsolePage } from '../../../core/console-switch/switch-request';
import { isConsoleHost } from '../../../core/partitions';
import { activeTab, type ActiveTab } from '../../../platform/tabs';
import { SignInError } from '../../sign-in/sign-in-error';
import { readEntries, vaultStatus } from '../../vault/vault';
import { PAGE_CHANGED, readConsolePage } from './page-reader';

export type ConsoleTab = ActiveTab & { url: string };

/** The console page read: what a switch needs, the identity switches start from, and what it offers. */
export interface ConsoleInFront {
  tab: ConsoleTab;
  page: ConsolePage;
  base: ConsoleBase;
  offer: SwitchOffer;
}

/** The active tab when it is a console page (of `partition`, or of any partition), with its partition. */
export async function consoleTab(partition?: Partition): Promise<{ tab: ConsoleTab; partition: Partition } | undefined> {
  const tab = await activeTab();
  const host = tab?.url !== undefined ? httpsHost(tab.url) : undefined;
  if (!tab || tab.url === undefined || host === undefined) return undefined;
  const found = (partition !== undefined ? [partition] : PARTITIONS).find((candidate) => isConsoleHost(candidate, host));
  return found !== undefined ? { tab: { ...tab, url: tab.url }, partition: found } : undefined;
}

/** Reads the console page in `tab` (its MAIN world); throws the "page changed" sentence when it gives too little. */
export async function readConsoleInFront(config: ConfigModel, tab: ConsoleTab, partition: Partition): Promise<ConsoleInFront> {
  const page = await readConsolePage(tab.id, partition);
  const info = {
    loginDisplayNameAccount: page.account,
    loginDisplayNameUser: page.user,
    ...(page.roleAccount !== undefined && { roleDisplayNameAccount: page.roleAccount }),
    ...(page.roleUser !== undefined && { roleDisplayNameUser: page.roleUser }),
  };
  const base = consoleBase(info, page.multiSession);
  if (!base) throw new SignInError('console-changed', PAGE_CHANGED);
  return { tab, page, base, offer: switchOffer(config, base) };
}

/** The role is one switch away from this console's identity, by AESR's rules. */
export function onOffer(front: ConsoleInFront, role: RoleProfile): boolean {
  return front.offer.targets.includes(role.name) || front.offer.singles.includes(role.name);
}

/** The console's own switch-role can take this role: on its offer, in its partition, no ExternalId to send. */
export function switchable(front: ConsoleInFront, role: RoleProfile): boolean {
  return onOffer(front, role) && role.partition === front.page.partition && role.externalId === undefined;
}

/** A console session can stand in for the role's source: no Identity Center, and `default` or an AESR base at its root. */
export function consoleCanStandIn(config: ConfigModel, target: RoleProfile, rootSource: string | undefined): boolean {
  if (target.identityCenter || rootSource === undefined) return false;
  if (rootSource === DEFAULT_SOURCE) return true;
  const root = config.sources.find((source) => source.name === rootSource);
  return root?.kind === 'keys' && (root.accountId !== undefined || root.accountAlias !== undefined);
}

/**
 * Which sources the key path can serve, from one look at the vault: those with keys in it; every source while it is
 * locked (unknown until unlocked: the key path asks for the passphrase); none without a vault.
 */
export async function keyHolders(): Promise<(source: string) => boolean> {
  const status = await vaultStatus();
  if (!status.initialized) return () => false;
  if (status.locked) return () => true;
  const entries = await readEntries('automatic');
  return (source) => entries !== undefined && Object.hasOwn(entries, source);
}
