/**
 * 5,000 profiles parse correctly. How fast is a benchmark figure (`npm run bench`), not a timed test.
 */
import { describe, expect, it } from 'vitest';
import { exportConfig, parseConfig } from '../../../src/core/config';
import { bigConfig } from './big-config';
import { essence } from './helpers';

describe('a configuration of 5,000 profiles', () => {
  const text = bigConfig(5000);
  const model = parseConfig(text);

  it('parses every profile, without a diagnostic', () => {
    expect(model.diagnostics).toEqual([]);
    expect(model.roles).toHaveLength(4998); // 4,997 roles and the Identity Center profile, a role too
    expect(model.sources.map((s) => s.name)).toEqual(['default', 'base', 'sso']);
    expect(model.ssoSessions.map((s) => s.name)).toEqual(['corp']);
  });

  it('resolves each form and chain', () => {
    const byName = new Map(model.roles.map((r) => [r.name, r]));
    expect(byName.get('role-4995')).toMatchObject({ roleArn: 'arn:aws:iam::100000004995:role/path/Admin-4995', color: '#ff9900', chain: ['default', 'role-4995'] });
    expect(byName.get('role-4996')).toMatchObject({ roleName: 'Developer', region: 'us-east-1', chain: ['base', 'role-4996'] });
    expect(byName.get('role-4992')).toMatchObject({ roleName: 'Deployer', chain: ['sso', 'role-4992'] });
    expect(byName.get('role-4993')).toMatchObject({ roleName: 'Ops', chain: ['default', 'role-4990', 'role-4993'] });
    expect(byName.get('role-4994')).toMatchObject({ partition: 'aws-us-gov', chain: ['default', 'role-4990', 'role-4993', 'role-4994'] });
  });

  it('survives export and parse', () => {
    const again = parseConfig(exportConfig(model));
    expect(essence(again)).toEqual(essence(model));
  });
});
