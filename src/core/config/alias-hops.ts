/**
 * Roles written with an account alias in `aws_account_id` (AESR allows it; `RoleProfile.accountIsAlias`): the
 * console's switch-role takes an alias, AssumeRole does not. So no key-based or Identity Center sign-in can go
 * through such a role, as the target or as a hop of a chain; only a console tab can switch to it.
 */
import type { ConfigModel, RoleProfile } from './model';

/**
 * For a role, the first role of its chain (itself included) whose account is an alias, else undefined. Built once
 * per model: with no alias role at all (nearly every configuration) it answers at once.
 */
export function aliasHops(model: Pick<ConfigModel, 'roles'>): (role: RoleProfile) => RoleProfile | undefined {
  const aliased = new Map<string, RoleProfile>();
  for (const role of model.roles) if (role.accountIsAlias) aliased.set(role.name, role);
  if (aliased.size === 0) return () => undefined;
  return (role) => {
    for (const name of role.chain) {
      const hop = aliased.get(name);
      if (hop) return hop;
    }
    return undefined;
  };
}
