/**
 * The Identity Centers a configuration signs in through, each a place to import accounts and roles from: every
 * `[sso-session]`, and every legacy start URL (`sso_start_url` and `sso_region` on the profiles) that no session
 * already covers.
 */
import type { ConfigModel } from '../config/model';
import { sameStartUrl } from './existing-profiles';
import type { ImportTarget } from './import-profiles';

export interface ImportSource {
  /** What to call it on the page: `sso-session big`, or the start URL. */
  label: string;
  startUrl: string;
  region: string;
  scopes?: string;
  target: ImportTarget;
}

export function importSources(model: ConfigModel): ImportSource[] {
  const sources: ImportSource[] = model.ssoSessions.map((session) => ({
    label: `sso-session ${session.name}`,
    startUrl: session.startUrl,
    region: session.region,
    ...(session.registrationScopes !== undefined && { scopes: session.registrationScopes }),
    target: { kind: 'session', name: session.name },
  }));
  for (const source of model.sources) {
    if (source.kind !== 'sso' || source.sessionName !== undefined) continue;
    if (sources.some((known) => sameStartUrl(known.startUrl, source.startUrl))) continue;
    sources.push({
      label: source.startUrl,
      startUrl: source.startUrl,
      region: source.ssoRegion,
      target: { kind: 'legacy', startUrl: source.startUrl, region: source.ssoRegion },
    });
  }
  return sources;
}
