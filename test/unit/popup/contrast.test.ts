/**
 * The popup's and the options page's colours, read from the shared tokens (src/ui/tokens.css) and popup.css, meet WCAG 2 contrast in both themes: 4.5:1 for text, 3:1 for
 * the focus ring, the selection bar and icons. A colour change that breaks this fails here, not in review.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(resolve(import.meta.dirname, '../../../popup/popup.css'), 'utf8');
const tokens = readFileSync(resolve(import.meta.dirname, '../../../src/ui/tokens.css'), 'utf8');

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

const light = variables(tokens.slice(0, tokens.indexOf('@media')));
const dark = { ...light, ...variables(tokens.slice(tokens.indexOf('@media'))) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT: Array<[string, string]> = [
  ['fg', 'bg'], ['muted', 'bg'], ['fg', 'hover'], ['muted', 'hover'], ['fg', 'active-bg'], ['muted', 'active-bg'],
  ['fg', 'panel'], ['muted', 'panel'], ['fg', 'field-bg'], ['muted', 'field-bg'], ['mark-fg', 'mark-bg'],
  ['error-fg', 'error-bg'], ['error-fg', 'bg'], ['warning-fg', 'bg'], ['warning-fg', 'panel'], ['ok', 'bg'], ['ok', 'hover'], ['ok', 'active-bg'], ['accent-fg', 'accent'],
];
const MARKS: Array<[string, string]> = [['accent', 'bg'], ['accent', 'active-bg'], ['field-line', 'field-bg']];
const STARS = { light: '#b7791f', dark: '#f2c14e' };

describe.each([['light', light, STARS.light], ['dark', dark, STARS.dark]] as const)('%s theme', (_, theme, star) => {
  it.each(TEXT)('text %s on %s reaches 4.5:1', (fg, bg) => {
    expect(theme[fg], fg).toBeDefined();
    expect(contrast(theme[fg] ?? '', theme[bg] ?? '')).toBeGreaterThanOrEqual(4.5);
  });

  it.each(MARKS)('%s against %s reaches 3:1', (fg, bg) => {
    expect(contrast(theme[fg] ?? '', theme[bg] ?? '')).toBeGreaterThanOrEqual(3);
  });

  it('the filled star reaches 3:1 on plain and selected rows', () => {
    expect(css).toContain(star);
    expect(contrast(star, theme.bg ?? '')).toBeGreaterThanOrEqual(3);
    expect(contrast(star, theme['active-bg'] ?? '')).toBeGreaterThanOrEqual(3);
  });
});
