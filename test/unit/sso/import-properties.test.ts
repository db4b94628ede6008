/**
 * Property tests of the Identity Center import, over any account names (duplicates, punctuation, spaces, unicode),
 * any existing profiles and any grouping: names stay unique (without case) and valid section names, the text
 * parses to exactly the roles it held plus the new ones, and a second import of the same discovery adds nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config';
import { GROUPINGS } from '../../../src/core/sso/import-grouping';
import { importProfiles, type ImportTarget } from '../../../src/core/sso/import-profiles';

const START_URL = 'https://big.awsapps.com/start';
const ROLES = ['ReadOnlyAccess', 'AdministratorAccess', 'Billing', 'PowerUserAccess'];

const accountId = fc.integer({ min: 100000000000, max: 100000000040 }).map(String);
const accountName = fc.oneof(
  fc.constantFrom('team-001-prod', 'Team-001-Prod', 'shop', 'Payments [EU] ; prod #1', '#', ' ', '', "'q'", 'Équipe', 'a/b', 'x]y'),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const account = fc.record({ accountId, accountName, roles: fc.uniqueArray(fc.constantFrom(...ROLES), { maxLength: 4 }) });
const discovery = fc.array(account, { maxLength: 25 });

/** Hand-written sections already there: some take the names an import would choose, some are the same account and role. */
const existing = fc.array(
  fc.oneof(
    fc.tuple(accountName, fc.constantFrom(...ROLES)).map(([name, role]) =>
      `[profile ${name.replace(/[\]\s#;]/g, '') || 'x'}/${role}]\nrole_arn = arn:aws:iam::111111111111:role/${role}\n`),
    fc.tuple(accountId, fc.constantFrom(...ROLES), fc.nat(1000)).map(([id, role, n]) =>
      `[profile mine-${n}]\nsso_session = big\nsso_account_id = ${id}\nsso_role_name = ${role}\n`),
  ),
  { maxLength: 8 },
);

const SESSION = `[sso-session big]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\n`;
const targets: ImportTarget[] = [{ kind: 'session', name: 'big' }, { kind: 'legacy', startUrl: START_URL, region: 'us-east-1' }];

describe('importProfiles, any discovery', () => {
  it('unique valid names, exactly the expected roles, and a second import adds nothing', () => {
    fc.assert(
      fc.property(discovery, existing, fc.constantFrom(...GROUPINGS), fc.constantFrom(...targets), (accounts, sections, grouping, target) => {
        // Hand-written sections may repeat a name: the parser reports that; keep them unique to compare roles exactly.
        const seen = new Set<string>();
        const before = [SESSION, ...sections.filter((s) => {
          const header = s.slice(0, s.indexOf('\n')).toLowerCase();
          return seen.has(header) ? false : (seen.add(header), true);
        })].join('\n');
        const old = parseConfig(before);
        const result = importProfiles(before, target, accounts, grouping);

        const names = result.added.map((p) => p.name);
        for (const name of names) expect(name).toMatch(/^[\w+=,.@-]+\/[\w+=,.@-]+$/);
        const all = [...old.roles.map((r) => r.name), ...names].map((n) => n.toLowerCase());
        expect(new Set(all).size).toBe(all.length);

        const parsed = parseConfig(result.text);
        expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual(old.diagnostics.filter((d) => d.severity === 'error'));
        const simple = (r: { name: string; accountId: string; roleName: string; group?: string | undefined }) =>
          `${r.name}|${r.accountId}|${r.roleName}|${r.group ?? ''}`;
        expect(parsed.roles.map(simple)).toEqual([...old.roles.map(simple), ...result.added.map(simple)]);

        // Every discovered pair is now configured, and none of the new profiles repeats a pair already there.
        const pairOf = (r: { accountId: string; roleName: string }) => `${r.accountId}|${r.roleName}`;
        const before2 = new Set(old.roles.filter((r) => r.identityCenter).map(pairOf));
        const addedPairs = result.added.map(pairOf);
        expect(new Set(addedPairs).size).toBe(addedPairs.length);
        for (const pair of addedPairs) expect(before2.has(pair)).toBe(false);
        const now = new Set([...before2, ...addedPairs]);
        for (const a of accounts) for (const r of a.roles) expect(now.has(`${a.accountId}|${r}`)).toBe(true);

        const again = importProfiles(result.text, target, accounts, grouping);
        expect(again.added).toEqual([]);
        expect(again.text).toBe(result.text);
        // Gone: exactly the existing profiles of this Identity Center whose pair the discovery lacks, still there.
        const discovered = new Set(accounts.flatMap((a) => a.roles.map((r) => `${a.accountId}|${r}`)));
        const expectedGone = old.roles.filter((r) => r.identityCenter && !discovered.has(`${r.accountId}|${r.roleName}`)).map((r) => r.name);
        expect(result.gone.map((g) => g.name)).toEqual(expectedGone);
        expect(again.gone).toEqual(result.gone);
      }),
      { numRuns: 300 },
    );
  });
});
