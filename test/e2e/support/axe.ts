/**
 * axe-core (Deque's accessibility engine, from npm) over what a page shows now: every WCAG 2.0, 2.1 and 2.2 A/AA
 * rule, axe's best practices (one main landmark, a heading, content in landmarks) and label-content-name-mismatch
 * (WCAG 2.5.3, which axe ships as experimental: a name that does not start with the visible text breaks speech
 * input). No rule is turned off: a failure is fixed in the page. Each state is checked in the light and the dark
 * theme, and screenshotted in both for a person to look at (test-results/screenshots/a11y-*).
 * https://github.com/dequelabs/axe-core/blob/develop/doc/rule-descriptions.md
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', '..', 'test-results', 'screenshots');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

/** One line per offending element: the rule, what axe says, where. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(TAGS)
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help} (${node.target.join(' ')})`),
  );
}

/**
 * Checks `page` as it is now in both colour schemes, with zero violations, and screenshots each; leaves the page
 * in the light scheme.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const slug = state.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: resolve(SCREENSHOTS, `a11y-${slug}-${colorScheme}.png`), animations: 'disabled', fullPage: true });
    expect.soft(await violations(page), `${state}, ${colorScheme} theme: axe-core violations`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
