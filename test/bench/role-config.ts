/**
 * Configuration text with `count` role profiles, shaped like a large organisation's: teams as groups, an
 * account per team and environment, the usual role names, regions and colours. For the popup benchmarks.
 */

const TEAMS = ['payments', 'search', 'platform', 'data', 'identity', 'billing', 'mobile', 'ml', 'security', 'web'];
const ENVIRONMENTS = ['prod', 'staging', 'dev', 'sandbox'];
const ROLES = ['Admin', 'ReadOnly', 'Developer', 'ops/Deployer', 'Billing', 'SupportUser'];
const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2', 'ap-southeast-2', 'eu-central-1'];
const COLORS = ['c62828', '2e7d32', '1565c0', '6a1b9a', 'ef6c00', '00838f'];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

export function rolesConfig(count: number): string {
  const lines = ['[bench-keys]', '; long-term keys would be held by the extension', ''];
  for (let i = 0; i < count; i += 1) {
    const team = pick(TEAMS, i);
    const environment = pick(ENVIRONMENTS, Math.floor(i / TEAMS.length));
    const account = String(100000000000 + (Math.floor(i / ROLES.length) * 7919) % 899999999999);
    lines.push(
      `[${team}-${environment}-${i}]`,
      `role_arn = arn:aws:iam::${account}:role/${pick(ROLES, i)}`,
      'source_profile = bench-keys',
      `region = ${pick(REGIONS, i)}`,
      `color = ${pick(COLORS, i)}`,
      `group = ${team}`,
      '',
    );
  }
  return lines.join('\n');
}
