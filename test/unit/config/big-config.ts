/** A large, valid configuration for scale tests (and benchmarks). */

/** Key sources, AESR base accounts, an SSO session, and roles in every form, chained up to 4 deep. */
export function bigConfig(profiles: number): string {
  const lines = [
    '[default]', 'region = eu-west-1', '',
    '[base]', 'aws_account_id = 111111111111', 'target_role_name = Developer', 'target_region = us-east-1', '',
    '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1', '',
    '[profile sso]', 'sso_session = corp', 'sso_account_id = 555555555555', 'sso_role_name = Admin', '',
  ];
  for (let i = 0; i < profiles - 3; i++) {
    const account = String(100000000000 + i);
    lines.push(`[profile role-${i}]`);
    switch (i % 5) {
      case 0: lines.push(`role_arn = arn:aws:iam::${account}:role/path/Admin-${i}`, 'color = ff9900'); break;
      case 1: lines.push(`aws_account_id = ${account}`, 'source_profile = base ; AESR target'); break;
      case 2: lines.push(`role_arn = arn:aws:iam::${account}:role/Deployer`, 'source_profile = sso', 'duration_seconds = 3600'); break;
      case 3: lines.push(`aws_account_id = ${account}`, 'role_name = Ops', `source_profile = role-${i - 3}`, 'output = json'); break;
      default: lines.push(`role_arn = arn:aws-us-gov:iam::${account}:role/Auditor`, `source_profile = role-${i - 1}`, 'region = us-gov-west-1');
    }
    lines.push('');
  }
  return lines.join('\n');
}
