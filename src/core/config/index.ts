/** The configuration: INI text (AESR and `~/.aws/config`) to a typed model with diagnostics, and back. */
export { parseConfig } from './parse-config';
export { exportConfig } from './export-config';
export { aliasHops } from './alias-hops';
export { DIAGNOSTIC_CODES, refusesWhole, severityOf, type DiagnosticCode } from './diagnostics';
export { DEFAULT_SOURCE, MAX_CHAIN_HOPS } from './resolve-roles';
export { MAX_CONFIG_BYTES, MAX_CONFIG_SECTIONS } from './parse-config';
export type {
  ConfigModel, Diagnostic, KeySource, LayerId, LayerReport, RoleProfile, SectionLayout, Setting, Severity, SkippedProfile,
  Source, SsoSession, SsoSource,
} from './model';
