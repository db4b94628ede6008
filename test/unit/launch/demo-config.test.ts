/**
 * `npm start`'s demo configuration (test/launch/demo-config.ini) parses cleanly and has an IAM Identity Center
 * source the sandbox can sign in: an sso-session on the acme directory's start URL and region, profiles for
 * permission sets that jane holds in those accounts, and a role chained on one of them that the sandbox lets that
 * permission set assume. A demo that drifted from the sandbox's seed would fail only when a person clicked it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import { ACME, demoSsoDirectories, SSO_CHAIN_ROLES } from '../../sandbox/sso-seed';

const model = parseConfig(readFileSync(resolve(import.meta.dirname, '../../launch/demo-config.ini'), 'utf8'));
const acme = demoSsoDirectories.find((d) => d.startUrl === ACME.startUrl);

describe("npm start's demo configuration", () => {
  it('parses without an error', () => {
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.skipped).toEqual([]);
  });

  it('has an Identity Center source on the sandbox\u2019s acme directory, with roles jane holds there', () => {
    expect(model.ssoSessions.map((s) => [s.name, s.startUrl, s.region])).toEqual([['acme', ACME.startUrl, ACME.region]]);
    const sso = model.sources.flatMap((s) => (s.kind === 'sso' ? [s] : []));
    expect(sso.map((s) => s.name)).toEqual(['acme-dev-admin', 'acme-prod-readonly']);
    const jane = acme?.users.find((u) => u.username === ACME.username);
    for (const source of sso) {
      expect(jane?.assignments).toContainEqual({ accountId: source.accountId, permissionSet: source.roleName });
    }
  });

  it('chains a role on an Identity Center profile that the sandbox lets it assume', () => {
    const deployer = model.roles.find((r) => r.name === 'acme-prod-deployer');
    expect(deployer).toMatchObject({ roleArn: SSO_CHAIN_ROLES.deployer, chain: ['acme-prod-readonly', 'acme-prod-deployer'] });
  });
});
