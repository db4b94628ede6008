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
  // Roles
  'missing-account': 'error',
  'missing-role-name': 'error',
  'invalid-arn': 'error',
  'role-arn-conflict': 'error',
  'account-alias': 'error',
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
  // Sources and chains
  'missing-source': 'error',
  'source-cycle': 'error',
  'broken-source': 'error',
  'chain-too-deep': 'error',
  'incomplete-sso': 'error',
  'missing-sso-session': 'error',
  'incomplete-sso-session': 'error',
  'source-account-alias': 'warning',
  'unused-base-account': 'warning',
  'target-ignored': 'warning',
  'sso-key-ignored': 'warning',
  'credential-source-ignored': 'warning',
  'chained-duration': 'warning',
  // The whole text
  'too-large': 'error',
  'too-many-profiles': 'error',
  // A bug of ours, reported instead of thrown
  'internal-error': 'error',
} as const satisfies Record<string, Severity>;

export type DiagnosticCode = keyof typeof SEVERITIES;

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

  constructor(private readonly sink: Diagnostic[], readonly profile?: string) {}

  add(code: DiagnosticCode, line: number, message: string): void {
    this.sink.push(diagnostic(code, line, message, this.profile));
    if (SEVERITIES[code] === 'error') this.failed = true;
  }
}

export function newReport(sink: Diagnostic[], profile?: string): Report {
  return new Report(sink, profile);
}
