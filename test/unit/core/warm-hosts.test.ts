/**
 * Which hosts are warmed before a click (src/core/warm-hosts.ts): those the likely roles' sign-ins call from the
 * worker, in the order they call them; only regions the configuration leads to; at most a handful.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import { allHosts } from '../../../src/core/partitions';
import { MAX_WARMED_HOSTS, hostsToWarm, likelyProfiles, loginHostsToWarm } from '../../../src/core/warm-hosts';

const CONFIG = parseConfig(`
[alice]
region = us-east-1

[dev]
role_arn = arn:aws:iam::222222222222:role/Developer
source_profile = alice
region = eu-west-1

[deployer]
role_arn = arn:aws:iam::222222222222:role/ops/Deployer
source_profile = dev
region = eu-central-1

[prod]
role_arn = arn:aws:iam::333333333333:role/ReadOnly
source_profile = alice
region = us-west-2

[no-region]
role_arn = arn:aws:iam::444444444444:role/Auditor
source_profile = alice

[gov]
role_arn = arn:aws-us-gov:iam::555555555555:role/GovReader
source_profile = alice

[cn]
role_arn = arn:aws-cn:iam::666666666666:role/CnReader
source_profile = alice
region = cn-north-1

[sso-session acme]
sso_start_url = https://acme.awsapps.com/start
sso_region = eu-west-1

[acme-admin]
sso_session = acme
sso_account_id = 222222222222
sso_role_name = AdministratorAccess
region = ap-south-1

[acme-chained]
role_arn = arn:aws:iam::333333333333:role/Deployer
source_profile = acme-admin
region = sa-east-1

[aliased]
aws_account_id = demo-prod
role_name = ReadOnly
source_profile = alice
region = ca-central-1
`);

describe('the hosts a sign-in calls, in order', () => {
  it('a role assumed from keys: its STS host, then the sign-in host of its region', () => {
    expect(hostsToWarm(CONFIG, { active: 'dev' })).toEqual(['sts.eu-west-1.amazonaws.com', 'eu-west-1.signin.aws.amazon.com']);
  });

  it('a chain: each hop in its own region, then the target\u2019s sign-in host', () => {
    expect(hostsToWarm(CONFIG, { active: 'deployer' })).toEqual([
      'sts.eu-west-1.amazonaws.com',
      'sts.eu-central-1.amazonaws.com',
      'eu-central-1.signin.aws.amazon.com',
    ]);
  });

  it('no region: the partition\u2019s default STS region and the global sign-in host, as the sign-in uses', () => {
    expect(hostsToWarm(CONFIG, { active: 'no-region' })).toEqual(['sts.us-east-1.amazonaws.com', 'signin.aws.amazon.com']);
    expect(hostsToWarm(CONFIG, { active: 'gov' })).toEqual(['sts.us-gov-west-1.amazonaws.com', 'signin.amazonaws-us-gov.com']);
    expect(hostsToWarm(CONFIG, { active: 'cn' })).toEqual(['sts.cn-north-1.amazonaws.com.cn', 'signin.amazonaws.cn']);
  });

  it('Identity Center: the portal of its region (OIDC first when the token needs it), STS for GetCallerIdentity, the sign-in host', () => {
    expect(hostsToWarm(CONFIG, { active: 'acme-admin' })).toEqual([
      'portal.sso.eu-west-1.amazonaws.com',
      'sts.ap-south-1.amazonaws.com',
      'ap-south-1.signin.aws.amazon.com',
    ]);
    expect(hostsToWarm(CONFIG, { active: 'acme-chained', oidcNeeded: (url) => url === 'https://acme.awsapps.com/start' })).toEqual([
      'oidc.eu-west-1.amazonaws.com',
      'portal.sso.eu-west-1.amazonaws.com',
      'sts.sa-east-1.amazonaws.com',
      'sa-east-1.signin.aws.amazon.com',
    ]);
  });

  it('nothing for a role that only the console tab can switch to (an account alias), nor for a name not configured', () => {
    expect(hostsToWarm(CONFIG, { active: 'aliased' })).toEqual([]);
    expect(hostsToWarm(CONFIG, { active: 'not-configured', favourites: ['nor-this'], recent: { gone: [1] } })).toEqual([]);
  });
});

describe('which roles, and how many hosts', () => {
  it('the active row first, then the two most recently used (by last use), then the favourites, each once', () => {
    expect(likelyProfiles({ active: 'dev', recent: { prod: [300], cn: [100], gov: [200, 50], dev: [400] }, favourites: ['cn', 'deployer'] })).toEqual([
      'dev', 'prod', 'cn', 'deployer',
    ]);
  });

  it('at most a handful of hosts, most likely first', () => {
    const hosts = hostsToWarm(CONFIG, { active: 'deployer', recent: { prod: [2], gov: [1] }, favourites: ['cn', 'acme-admin', 'no-region'] });
    expect(hosts).toHaveLength(MAX_WARMED_HOSTS);
    expect(hosts).toEqual([
      'sts.eu-west-1.amazonaws.com',
      'sts.eu-central-1.amazonaws.com',
      'eu-central-1.signin.aws.amazon.com',
      'sts.us-west-2.amazonaws.com',
      'us-west-2.signin.aws.amazon.com',
      'sts.us-gov-west-1.amazonaws.com',
    ]);
    expect(hostsToWarm(CONFIG, { active: 'deployer', favourites: ['dev', 'prod'] }, 2)).toEqual(['sts.eu-west-1.amazonaws.com', 'sts.eu-central-1.amazonaws.com']);
  });

  it('never a region the configuration does not lead to, and only hosts the manifest grants', () => {
    const everyone = CONFIG.roles.map((role) => role.name);
    const hosts = hostsToWarm(CONFIG, { favourites: everyone, oidcNeeded: () => true }, 100);
    const regions = new Set(['us-east-1', 'eu-west-1', 'eu-central-1', 'us-west-2', 'us-gov-west-1', 'cn-north-1', 'ap-south-1', 'sa-east-1']);
    for (const host of hosts) {
      const region = /^(?:sts|oidc|portal\.sso)\.([a-z0-9-]+)\.|^([a-z0-9-]+)\.signin\./.exec(host);
      if (region) expect(regions, host).toContain(region[1] ?? region[2]);
      expect(allHosts(), host).toContain(host);
    }
    expect(hosts.some((host) => host.includes('ca-central-1'))).toBe(false);
  });
});

describe('the hosts a login navigates to (for a console page to connect to ahead)', () => {
  it('the sign-in host the login is posted to, then the console host it lands on, most likely role first', () => {
    expect(loginHostsToWarm(CONFIG, { active: 'dev', recent: { prod: [2] } })).toEqual([
      'eu-west-1.signin.aws.amazon.com',
      'eu-west-1.console.aws.amazon.com',
      'us-west-2.signin.aws.amazon.com',
      'us-west-2.console.aws.amazon.com',
    ]);
  });

  it('other partitions and no region: their own hosts; an alias role (console switch only): none; at most a handful', () => {
    expect(loginHostsToWarm(CONFIG, { active: 'gov' })).toEqual(['signin.amazonaws-us-gov.com', 'us-gov-west-1.console.amazonaws-us-gov.com']);
    expect(loginHostsToWarm(CONFIG, { active: 'cn' })).toEqual(['signin.amazonaws.cn', 'cn-north-1.console.amazonaws.cn']);
    expect(loginHostsToWarm(CONFIG, { active: 'aliased' })).toEqual([]);
    const everyone = CONFIG.roles.map((role) => role.name);
    expect(loginHostsToWarm(CONFIG, { favourites: everyone })).toHaveLength(MAX_WARMED_HOSTS);
    for (const host of loginHostsToWarm(CONFIG, { favourites: everyone }, 100)) expect(allHosts()).toContain(host);
  });
});
