/**
 * A sign-in's success on the status line (issue 14): "Signed in as prod-admin (Admin · 123456789012)", the profile
 * with the role and account the assumed-role ARN names, instead of the raw ARN that filled the line; the ARN itself
 * on hover (the status's title) and behind Copy ARN, an icon button on the same line, so nothing below it moves.
 */
import { useState } from 'preact/hooks';
import { signedInAs } from '../src/core/sessions/signed-in-as';
import { t } from './i18n';
import { CheckIcon, CopyIcon } from './icons';

export function signedInText(profile: string, assumedRoleArn: string): string {
  const who = signedInAs(assumedRoleArn);
  return who ? t('popupSignedIn', profile, who.roleName, who.accountId) : t('popupSignedInProfile', profile);
}

export function CopyArn({ arn }: { arn: string }) {
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const copy = () => {
    void navigator.clipboard.writeText(arn).then(
      () => setCopied(arn),
      () => setCopied(undefined),
    );
  };
  // An icon, named for screen readers and on hover: the line is one line high and the success text needs its width.
  const name = copied === arn ? t('popupArnCopied') : t('popupCopyArn');
  return (
    <button type="button" class="status-action" aria-label={name} title={name} onClick={copy}>
      {copied === arn ? <CheckIcon /> : <CopyIcon />}
    </button>
  );
}
