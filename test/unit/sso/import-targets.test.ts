/** Where an import can come from: every sso-session, and legacy start URLs no session covers. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import { importSources } from '../../../src/core/sso/import-targets';

describe('importSources', () => {
  it('lists sessions, then legacy start URLs once each, leaving out those a session covers', () => {
    const model = parseConfig(`[sso-session big]
sso_start_url = https://big.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile covered]
sso_start_url = https://big.awsapps.com/start/
sso_region = us-east-1
sso_account_id = 900000000001
sso_role_name = ReadOnlyAccess

[profile old-1]
sso_start_url = https://old.awsapps.com/start
sso_region = eu-west-1
sso_account_id = 111111111111
sso_role_name = ReadOnlyAccess

[profile old-2]
sso_start_url = https://old.awsapps.com/start
sso_region = eu-west-1
sso_account_id = 111111111111
sso_role_name = AdministratorAccess
`);
    expect(importSources(model)).toEqual([
      {
        label: 'sso-session big', startUrl: 'https://big.awsapps.com/start', region: 'us-east-1', scopes: 'sso:account:access',
        target: { kind: 'session', name: 'big' },
      },
      {
        label: 'https://old.awsapps.com/start', startUrl: 'https://old.awsapps.com/start', region: 'eu-west-1',
        target: { kind: 'legacy', startUrl: 'https://old.awsapps.com/start', region: 'eu-west-1' },
      },
    ]);
  });

  it('lists nothing for a configuration without Identity Center', () => {
    expect(importSources(parseConfig('[profile a]\nrole_arn = arn:aws:iam::111111111111:role/A\n'))).toEqual([]);
  });
});
