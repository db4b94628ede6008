/**
 * Configuration text to the typed model, with diagnostics instead of exceptions. Each profile stands alone:
 * one with errors is left out, reported and listed in `skipped`; every other one still parses.
 */
import type { ConfigModel, Diagnostic, Source, SsoSession } from './model';
import { readIni, type IniProblem, type IniSection } from './ini';
import { diagnostic, newReport, sortDiagnostics, type Report } from './diagnostics';
import { readHeader, readProfileSection, readSessionSection, type Section } from './sections';
import { readRole, type RoleDraft } from './read-role';
import { readKeySource, readSsoSession, readSsoSource, ssoRole, toSsoSource, type SsoDraft } from './read-sources';
import { DEFAULT_SOURCE, resolveRoles, type ProfileDraft, type SourceDraft } from './resolve-roles';
import { skippedProfiles } from './skipped';

/**
 * The most a configuration may hold: twice the 10,000 roles the popup is built for, and 5 MB (10,000 roles of
 * ~250 bytes each are 2.5 MB). Past either it is refused whole: nothing in it is used, and a save keeps the last
 * good configuration, so a shared text cannot make the worker, the role index or every synced browser carry it.
 */
export const MAX_CONFIG_BYTES = 5 * 1024 * 1024;
export const MAX_CONFIG_SECTIONS = 20_000;

export function parseConfig(text: string): ConfigModel {
  try {
    return parse(text);
  } catch (error) {
    // A safety net, never the plan: the property tests check that this diagnostic never appears.
    const reason = error instanceof Error ? error.name : 'unknown error';
    return {
      roles: [], skipped: [], sources: [], ssoSessions: [],
      diagnostics: [diagnostic('internal-error', 0,
        `The configuration could not be read (${reason}), which is a bug in the extension: please report it. ` +
        `Your last saved configuration is still in use.`)],
    };
  }
}

function parse(text: string): ConfigModel {
  const diagnostics: Diagnostic[] = [];
  const bytes = sizeOverCap(text);
  if (bytes !== undefined) {
    return refused(diagnostic('too-large', 0,
      `This configuration is ${megabytes(bytes)}; the extension reads at most ${megabytes(MAX_CONFIG_BYTES)} ` +
      `(room for far more than 10,000 roles), so none of it is used and the last saved configuration stays: ` +
      `remove profiles you do not use, or long comments.`));
  }
  const profiles = new Map<string, ProfileDraft>();
  const sessionSections = new Map<string, Section>();
  const roleDrafts: RoleDraft[] = [];
  const sourceDrafts: SourceDraft[] = [];
  const ssoDrafts: { draft: SsoDraft; slot: SourceDraft }[] = [];

  const readSection = (ini: IniSection): Report => {
    const header = readHeader(ini.header);
    if (header.type === 'ignored') {
      diagnostics.push(diagnostic('ignored-section', ini.line,
        `[${header.what}] holds AWS CLI settings this extension does not use, so it is ignored and not ` +
        `exported: write profiles as [profile name], [name] or [sso-session name].`));
      return newReport(diagnostics);
    }
    const label = header.type === 'sso-session' ? `sso-session ${header.name}` : header.name;
    const first = header.type === 'sso-session' ? sessionSections.get(header.name) : profiles.get(header.name)?.section;
    if (first) {
      const report = newReport(diagnostics, label);
      report.add('duplicate-section', ini.line,
        `[${ini.header}] repeats a section already on line ${first.line}: merge the two, or rename this one.`);
      return report;
    }
    if (header.type === 'sso-session') {
      const section = readSessionSection(ini, header.name, diagnostics);
      sessionSections.set(header.name, section);
      return section.report;
    }
    const section = readProfileSection(ini, header.name, header.prefixed, diagnostics);
    if (section.kind === 'role') {
      const draft = readRole(section);
      roleDrafts.push(draft);
      profiles.set(section.name, draft);
    } else {
      const slot: SourceDraft = { kind: section.kind === 'sso' ? 'sso' : 'keys', section };
      if (section.kind === 'sso') ssoDrafts.push({ draft: readSsoSource(section), slot });
      else slot.source = readKeySource(section);
      sourceDrafts.push(slot);
      profiles.set(section.name, slot);
    }
    return section.report;
  };

  // Each section is read as soon as its lines are (readIni), so its tokens are let go at once. The line problems
  // wait for the end, each with the report of its section: that of the section it came with.
  const problems: IniProblem[] = [];
  const problemReports = new Map<IniSection, Report>();
  let sectionCount = 0;
  let problemsSeen = 0;
  readIni(text, problems, (ini) => {
    sectionCount++;
    // Too many: the text is refused whole below; the sections past the limit are only counted.
    if (sectionCount > MAX_CONFIG_SECTIONS) return;
    const report = readSection(ini);
    for (; problemsSeen < problems.length; problemsSeen++) {
      if (problems[problemsSeen]?.section === ini) problemReports.set(ini, report);
    }
  });
  if (sectionCount > MAX_CONFIG_SECTIONS) {
    return refused(diagnostic('too-many-profiles', 0,
      `This configuration has ${sectionCount.toLocaleString('en')} sections; the extension reads at most ` +
      `${MAX_CONFIG_SECTIONS.toLocaleString('en')} (twice the 10,000 roles the popup is built for), so none of it is ` +
      `used and the last saved configuration stays: remove profiles you do not use.`));
  }
  // Line problems count against their section, before anything reads whether it failed.
  for (const problem of problems) {
    reportProblem(problem, problem.section && problemReports.get(problem.section), diagnostics);
  }

  const ssoSessions: SsoSession[] = [];
  const sessions = new Map<string, SsoSession>();
  for (const section of sessionSections.values()) {
    const session = readSsoSession(section);
    if (session) {
      session.layout = section.layout;
      ssoSessions.push(session);
      sessions.set(session.name, session);
    }
  }
  for (const { draft, slot } of ssoDrafts) resolveSso(draft, slot, sessions, sessionSections);

  const roles = resolveRoles(roleDrafts, profiles);
  warnUnusedBaseAccounts(sourceDrafts, roleDrafts);

  const sources: Source[] = [];
  for (const { source, section } of sourceDrafts) {
    if (!source || section.report.failed) continue;
    source.layout = section.layout;
    sources.push(source);
    // An Identity Center profile is also a role to sign in as, in text order with the others.
    if (source.kind === 'sso') roles.push(ssoRole(source));
  }
  if (roles.some((role) => role.identityCenter)) roles.sort((a, b) => a.line - b.line);
  const skipped = skippedProfiles(roleDrafts, ssoDrafts.map(({ draft }) => draft), profiles);
  return { roles, skipped, sources, ssoSessions, diagnostics: sortDiagnostics(diagnostics) };
}

function refused(reason: Diagnostic): ConfigModel {
  return { roles: [], skipped: [], sources: [], ssoSessions: [], diagnostics: [reason] };
}

/** The text's size in UTF-8 bytes when it is over MAX_CONFIG_BYTES, else undefined; encoded only when its length leaves it open. */
function sizeOverCap(text: string): number | undefined {
  // A UTF-16 unit is 1 to 3 UTF-8 bytes (a surrogate pair, 2 units, is 4): a text longer than the cap in units is over
  // it in bytes too, and one of at most a third of it in units is under it.
  if (text.length > MAX_CONFIG_BYTES) return text.length;
  if (text.length * 3 <= MAX_CONFIG_BYTES) return undefined;
  const bytes = new TextEncoder().encode(text).length;
  return bytes > MAX_CONFIG_BYTES ? bytes : undefined;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function reportProblem(problem: IniProblem, report: Report | undefined, sink: Diagnostic[]): void {
  const add = (code: Parameters<Report['add']>[0], line: number, message: string): void => {
    if (report) report.add(code, line, message);
    else sink.push(diagnostic(code, line, message));
  };
  switch (problem.code) {
    case 'bad-line':
      add('bad-line', problem.line,
        `Line ${problem.line} is not a setting, a [section] header or a comment: write key = value, or start ` +
        `the line with # to keep it as a comment.`);
      return;
    case 'bad-section':
      add('bad-section', problem.line,
        `This section header is not valid, so the lines under it are ignored: write [profile name], [name] or ` +
        `[sso-session name], with nothing after the ] but a comment.`);
      return;
    case 'outside-section':
      add('outside-section', problem.line,
        `${problem.key ?? 'This setting'} comes before any section, so it belongs to no profile: put a ` +
        `[profile name] header above it.`);
      return;
    case 'unclosed-quote':
      add('unclosed-quote', problem.line,
        `The value of ${problem.key ?? 'this setting'} opens a quote that is never closed, so the quote is ` +
        `part of the value: add the closing quote, or remove the opening one.`);
  }
}

function resolveSso(
  draft: SsoDraft, slot: SourceDraft, sessions: Map<string, SsoSession>, sessionSections: Map<string, Section>,
): void {
  const section = draft.section;
  const name = draft.sessionName;
  let session: SsoSession | undefined;
  if (name !== undefined) {
    session = sessions.get(name);
    const line = section.values.get('sso_session')?.line ?? section.line;
    const sessionSection = sessionSections.get(name);
    if (!sessionSection) {
      section.report.add('missing-sso-session', line,
        `sso_session = ${name} names no [sso-session ${name}] section: add one with sso_start_url and ` +
        `sso_region, or write the name of an existing one.`);
    } else if (!session) {
      section.report.add('broken-source', line,
        `sso_session = ${name} cannot be used because [sso-session ${name}] (line ${sessionSection.line}) has ` +
        `errors: fix them first.`);
    }
  }
  if (section.report.failed) return;
  const source = toSsoSource(draft, session);
  if (source) slot.source = source;
}

/**
 * An AESR base account is only useful to the profiles that name it as `source_profile`; one that nobody names
 * is most likely a role whose `role_name` was forgotten.
 */
function warnUnusedBaseAccounts(sources: SourceDraft[], roles: RoleDraft[]): void {
  const named = new Set<string>();
  for (const role of roles) if (role.source) named.add(role.source.value);
  for (const { section, source } of sources) {
    const base = source?.kind === 'keys' ? source : undefined;
    if (!base?.accountId || section.report.failed || named.has(section.name) || section.name === DEFAULT_SOURCE) continue;
    section.report.add('unused-base-account', section.values.get('aws_account_id')?.line ?? section.line,
      `[${section.name}] has aws_account_id but no role, and no profile names it as source_profile: add ` +
      `role_name = <role name> to sign in to it, or source_profile = ${section.name} to the roles that start from it.`);
  }
}
