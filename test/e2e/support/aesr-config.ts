/**
 * The configuration the console-session end-to-end tests paste (issue 13): AESR's README configurations (shared
 * fixtures) as they are, `[AnotherRole]` (an account alias in `aws_account_id`, a single) included, with the
 * sandbox's own accounts written the same way (carol's account 111111111111 as a base, two roles that name it).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '..', '..', 'fixtures', 'configs', name), 'utf8');
const COMPLEX = fixture('aesr-readme-complex.ini');
const SIMPLE = fixture('aesr-readme-simple.ini');

/** The sandbox's accounts in AESR's format: a base account, and targets that name it. */
export const SANDBOX_AESR = `
[demo-identity]
aws_account_id = 111111111111

[demo-dev]
aws_account_id = 222222222222
role_name = Developer
source_profile = demo-identity
region = eu-west-1
color = 2e7d32

[demo-breakglass]
aws_account_id = 222222222222
role_name = BreakGlass
source_profile = demo-identity
`;

export const AESR_CONFIG = `${COMPLEX}\n${SIMPLE}\n${SANDBOX_AESR}`;

/**
 * What a console signed in as carol (an IAM user of 111111111111) can switch to in AESR_CONFIG, by AESR's rules: the
 * targets of the base whose account is hers, then the singles (roles with no source that are no one's base).
 */
export const CAROL_OFFER = ['demo-dev', 'demo-breakglass', 'AnotherRole', 'marketingadmin', 'anotheraccount', 'athirdaccount'];
