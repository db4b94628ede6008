/**
 * "Copy details" under an error (issue 14): puts what a ticket needs on the clipboard (AWS's error code and request
 * id when AWS refused, the profile, the time, the extension's version), built and cleaned of anything secret-shaped
 * by src/core/error-details.ts. The time is when the error was shown, not when the button is pressed.
 */
import { useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { errorDetails } from '../src/core/error-details';
import type { AppError } from '../src/messages';
import { t } from './i18n';

export function CopyDetails({ error, profile }: { error: AppError; profile?: string | undefined }) {
  const at = useMemo(() => Date.now(), [error]);
  const [copied, setCopied] = useState<AppError | undefined>(undefined);
  const copy = () => {
    const text = errorDetails({ error, at, version: browser.runtime.getManifest().version, ...(profile !== undefined && { profile }) });
    void navigator.clipboard.writeText(text).then(
      () => setCopied(error),
      () => setCopied(undefined),
    );
  };
  return (
    <button type="button" onClick={copy}>
      {copied === error ? t('popupDetailsCopied') : t('popupCopyDetails')}
    </button>
  );
}
