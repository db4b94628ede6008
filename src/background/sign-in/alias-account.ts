/**
 * A key-based or Identity Center sign-in through a role written with an account alias (AESR's `aws_account_id =
 * <alias>`) cannot work: AssumeRole takes only the 12-digit account id. Refused before any AWS call (no vault
 * unlock, no MFA prompt, no Identity Center approval that could not help), with the fix on the profile that names
 * the alias; a console tab's switch-role takes the alias, and that way it works (sources/console/).
 */
import { aliasHops, type ConfigModel, type RoleProfile } from '../../core/config/index';
import { SignInError } from './sign-in-error';

export function refuseAliasAccounts(config: ConfigModel, target: RoleProfile): void {
  const hop = aliasHops(config)(target);
  if (!hop) return;
  const via = hop === target ? '' : `, a role in the chain of ${target.name},`;
  const error = new SignInError('invalid-config',
    `${hop.name}${via} names its account by the alias ${hop.accountId}, and signing in with keys or Identity Center ` +
    `(AssumeRole) needs the 12-digit account id: write it in aws_account_id of ${hop.name}, or switch to ` +
    `${target.name} from an AWS console tab.`);
  error.fix = 'profile';
  error.subject = hop.name;
  throw error;
}
