/**
 * Profiles of an Identity Center that its discovery no longer found (account closed, permission set removed):
 * listed, never deleted, each with a way to its line in the editor so the person can decide.
 */
import type { GoneProfile } from '../core/sso/import-profiles';
import { count } from './sso-import-text';

export function SsoImportGone({ gone, onGoToLine }: { gone: GoneProfile[]; onGoToLine: (line: number) => void }) {
  if (gone.length === 0) return null;
  return (
    <div class="sso-gone">
      <p>
        {count(gone.length, 'profile is', 'profiles are')} no longer in IAM Identity Center. {gone.length === 1 ? 'It is' : 'They are'} kept
        in the editor: delete {gone.length === 1 ? 'it' : 'them'} if you no longer need {gone.length === 1 ? 'it' : 'them'}.
      </p>
      <ul aria-label="Profiles no longer in IAM Identity Center">
        {gone.map((profile) => (
          <li key={profile.name}>
            <button type="button" class="link" onClick={() => onGoToLine(profile.line)}>
              {profile.name}
            </button>{' '}
            (line {profile.line}): {profile.roleName} in account {profile.accountId}
          </li>
        ))}
      </ul>
    </div>
  );
}
