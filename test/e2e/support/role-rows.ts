/**
 * The accessible names of the popup's rows, as a screen reader has them: a section header's aria-label ("Payments
 * (2), expanded. …"), a role's own text, the parts hidden from its name (star, detail line) left out. Roles are named
 * by their content, not an aria-label, so that the name is the visible text (WCAG 2.5.3).
 */
import type { Locator } from '@playwright/test';

/** The names of the rows `options` finds, in list order (aria-posinset: the virtual list appends the active row). */
export function rowNames(options: Locator): Promise<string[]> {
  return options.evaluateAll((rows) =>
    rows
      .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
      .map(
        (row) =>
          row.getAttribute('aria-label') ??
          [...row.childNodes]
            .filter((node) => !(node instanceof Element && node.getAttribute('aria-hidden') === 'true'))
            .map((node) => node.textContent ?? '')
            .join('')
            .trim(),
      ),
  );
}
