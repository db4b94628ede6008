/**
 * Every problem the parser reports, with its stable code and severity. An error leaves its profile out of the
 * model (every other profile still parses); a warning is for text that works but is probably not what was meant.
 */
import type { Diagnostic, Severity } from './model';

const SEVERITIES = {
  // Lines and sections
  'bad-line': 'error',
  'bad-section': 'error',
  'outside-section': 'error',
  'duplicate-section': 'error',
  'duplicate-key': 'error',
  'unclosed-quote': 'warning',
  'ignored-section': 'warning',
  'empty-value': 'warning',
  'keys-in-config': 'warning',
  'misspelt-key': 'warning',
  // Roles
  'missing-account': 'error',
  'missing-role-name': 'error',
  'invalid-arn': 'error',
  'role-arn-conflict': 'error',
  'account-alias': 'warning',
  'invalid-account-id': 'error',
  'invalid-role-name': 'error',
  'sso-and-role': 'error',
  'default-without-source': 'error',
  // Values
  'bad-color': 'error',
  'bad-duration': 'error',
  'bad-session-name': 'error',
  'bad-source-identity': 'error',
  'bad-external-id': 'error',
  'bad-mfa-serial': 'error',
  'bad-destination': 'error',
  'bad-start-url': 'error',
  'unknown-region': 'warning',
  'region-partition': 'warning',
  'remote-image': 'warning',
  'bad-marker': 'warning',
  // Sources and chains
  'missing-source': 'error',
  'source-cycle': 'error',
  'broken-source': 'error',
  'chain-too-deep': 'error',
  'incomplete-sso': 'error',
  'sso-account-alias': 'error',
  'missing-sso-session': 'error',
  'incomplete-sso-session': 'error',
  'source-account-alias': 'warning',
  'unused-base-account': 'warning',
  'target-ignored': 'warning',
  'sso-key-ignored': 'warning',
  'credential-source-ignored': 'warning',
  'chained-duration': 'warning',
  // Layers (core/config/layers.ts): a name a read-only layer above already has
  'shadowed-profile': 'error',
  'shadowed-source': 'error',
  'shadowed-sso-session': 'error',
  // The whole text
  'too-large': 'error',
  'too-many-profiles': 'error',
  // A bug of ours, reported instead of thrown
  'internal-error': 'error',
} as const satisfies Record<string, Severity>;

export type DiagnosticCode = keyof typeof SEVERITIES;

/**
 * The problems that refuse the whole text: nothing in it is used, and a save keeps the last good configuration.
 * Any other error leaves out only its profile (or line), and the text is saved with the rest working.
 */
const WHOLE_TEXT: ReadonlySet<string> = new Set<DiagnosticCode>(['too-large', 'too-many-profiles', 'internal-error']);

export function refusesWhole(d: { code: DiagnosticCode }): boolean {
  return WHOLE_TEXT.has(d.code);
}

export const DIAGNOSTIC_CODES = Object.keys(SEVERITIES) as DiagnosticCode[];

export function severityOf(code: DiagnosticCode): Severity {
  return SEVERITIES[code];
}

export function diagnostic(code: DiagnosticCode, line: number, message: string, profile?: string): Diagnostic {
  const result: Diagnostic = { line, severity: SEVERITIES[code], message, code };
  if (profile !== undefined) result.profile = profile;
  return result;
}

/** Sorts by line, errors before warnings on the same line; stable otherwise. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, index) => ({ d, index }))
    .sort((a, b) => a.d.line - b.d.line || rank(a.d) - rank(b.d) || a.index - b.index)
    .map(({ d }) => d);
}

function rank(d: Diagnostic): number {
  return d.severity === 'error' ? 0 : 1;
}

/** Collects the problems of one profile (or of no profile) into the model's list, and remembers any error. */
export class Report {
  failed = false;
  /** The error on the earliest line (the first one the list shows): why the profile is skipped. */
  firstError: Diagnostic | undefined;

  constructor(private readonly sink: Diagnostic[], readonly profile?: string) {}

  add(code: DiagnosticCode, line: number, message: string): void {
    const added = diagnostic(code, line, message, this.profile);
    this.sink.push(added);
    if (SEVERITIES[code] !== 'error') return;
    this.failed = true;
    if (!this.firstError || line < this.firstError.line) this.firstError = added;
  }
}

export function newReport(sink: Diagnostic[], profile?: string): Report {
  return new Report(sink, profile);
}
