/**
 * "IAM Identity Center": every sso-session and legacy start URL in the editor's current text (saved or not), each
 * with "Import accounts and roles". The text is parsed here, a moment after typing stops, and only when it
 * mentions sso_ at all: a 5,000-profile parse takes ~50 ms, too long to run on every keystroke.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { parseConfig } from '../core/config';
import { importSources } from '../core/sso/import-targets';
import { importProfiles } from '../core/sso/import-profiles';
import { SsoImportRow } from './sso-import-row';
import type { ImportSource } from '../core/sso/import-targets';

const SETTLE_MS = 300;

interface Props {
  /** The editor's text, as rendered: what the sources are listed from. */
  text: string;
  /** The editor's text right now (a discovery answers seconds after the click; the person may have typed since). */
  currentText: () => string;
  /** Puts the text with the imported profiles into the editor, unsaved. */
  onImported: (text: string) => void;
  onGoToLine: (line: number) => void;
}

export function IdentityCenterImport({ text, currentText, onImported, onGoToLine }: Props) {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const sources = useMemo(() => (/sso_/i.test(settled) ? importSources(parseConfig(settled)) : []), [settled]);
  const apply = (source: ImportSource) => (accounts: Parameters<typeof importProfiles>[2], grouping: Parameters<typeof importProfiles>[3]) => {
    const result = importProfiles(currentText(), source.target, accounts, grouping);
    if (result.added.length > 0) onImported(result.text);
    return result;
  };
  if (sources.length === 0) return null;
  return (
    <section class="identity-center" aria-labelledby="identity-center-heading">
      <h3 id="identity-center-heading">IAM Identity Center</h3>
      <p class="hint">
        Import every account and permission set you can reach as profiles in the editor. Profiles you already have are
        kept; nothing is saved until you press Save.
      </p>
      {sources.map((source) => (
        <SsoImportRow key={source.label} source={source} apply={apply(source)} onGoToLine={onGoToLine} />
      ))}
    </section>
  );
}
