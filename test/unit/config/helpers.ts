/** Shared helpers for the configuration tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigModel, Diagnostic } from '../../../src/core/config';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * The real-world configurations, copied unchanged into the repository from the team's shared fixtures so a
 * fresh clone tests on its own; fixtures-copy.test.ts checks the copies still match when shared/ is beside it.
 */
export const FIXTURES_DIR = path.resolve(repoRoot, 'test', 'fixtures', 'configs');
export const SHARED_FIXTURES_DIR = path.resolve(repoRoot, '..', 'shared', 'fixtures', 'configs');

export function readFixture(name: string): string {
  return readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
}

/** Diagnostics without their wording, for exact comparison. */
export function summary(model: ConfigModel): { code: string; line: number; profile?: string; severity: string }[] {
  return model.diagnostics.map((d: Diagnostic) => {
    const s: { code: string; line: number; profile?: string; severity: string } = { code: d.code, line: d.line, severity: d.severity };
    if (d.profile !== undefined) s.profile = d.profile;
    return s;
  });
}

export function codes(model: ConfigModel): string[] {
  return model.diagnostics.map((d) => d.code);
}

/** A copy without `line` and `layout`: what must survive any round trip. */
export function essence(model: ConfigModel): unknown {
  const strip = <T extends { line: number; layout?: unknown }>(item: T): Omit<T, 'line' | 'layout'> => {
    const { line: _line, layout: _layout, ...rest } = item;
    return rest;
  };
  return { roles: model.roles.map(strip), sources: model.sources.map(strip), ssoSessions: model.ssoSessions.map(strip) };
}

/** A copy without `line` only (layouts included). */
export function withoutLines(model: ConfigModel): unknown {
  const strip = <T extends { line: number }>(item: T): Omit<T, 'line'> => {
    const { line: _line, ...rest } = item;
    return rest;
  };
  return { roles: model.roles.map(strip), sources: model.sources.map(strip), ssoSessions: model.ssoSessions.map(strip) };
}

export function roleNamed(model: ConfigModel, name: string) {
  return model.roles.find((r) => r.name === name);
}

/** Joins lines with LF (tests read better as arrays of lines). */
export function ini(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
