/** The sentences of an Identity Center import: where it is while it runs, and what it changed in the editor. */
import type { ImportResult } from '../core/sso/import-profiles';
import type { Progress } from './use-sso-import';

export function progressText(progress: Progress | undefined): string {
  if (!progress) return 'Signing in to IAM Identity Center…';
  if (progress.userCode !== undefined) return `Signing in: approve code ${progress.userCode} on the AWS page that opened.`;
  if (progress.accounts === 0) return 'Listing accounts…';
  return `${count(progress.accounts, 'account')}, ${progress.rolesListed} listed…`;
}

export function resultText(result: ImportResult): string {
  const found = `Found ${count(result.found, 'role')} in ${count(result.accounts, 'account')}`;
  if (result.added.length === 0) return `${found}, all already configured: nothing new to add.`;
  const kept = result.kept > 0 ? `; ${result.kept} already configured ${result.kept === 1 ? 'is' : 'are'} kept as ${result.kept === 1 ? 'it is' : 'they are'}` : '';
  return `${found}${kept}. ${count(result.added.length, 'new profile')} added to the editor: review them, then Save.`;
}

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
