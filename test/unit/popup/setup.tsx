/** Shared by the popup component tests: renders the popup against the fake browser, with a user to drive it. */
import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import { App } from '../../../popup/app';

/**
 * happy-dom computes no default `display`, so the accessible-name algorithm spaces inline elements as if they were
 * blocks ("prod -admin" for a highlighted match); the browser's default for the inline elements rows are made of.
 */
function inlineDefaults(): void {
  if (document.getElementById('inline-defaults')) return;
  const style = document.createElement('style');
  style.id = 'inline-defaults';
  style.textContent = 'span, mark { display: inline; }';
  document.head.append(style);
}

export async function renderPopup({ waitForList = true } = {}) {
  inlineDefaults();
  const user = userEvent.setup();
  const view = render(<App />);
  const search = screen.getByRole<HTMLInputElement>('combobox', { name: 'Search roles' });
  // The list is ready when the background's answer has been rendered.
  if (waitForList) await waitFor(() => expect(screen.getByRole('listbox', { name: 'Roles' }).getAttribute('aria-busy')).toBe('false'));
  return { user, search, ...view };
}

/** The accessible names of the options in the DOM (the virtual window), in order. */
export function optionNames(): string[] {
  return screen
    .queryAllByRole('option')
    .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
    .map((option) => nameOf(option) ?? '');
}

export function activeOption(): HTMLElement | null {
  const search = screen.getByRole('combobox', { name: 'Search roles' });
  const id = search.getAttribute('aria-activedescendant');
  return id === null ? null : document.getElementById(id);
}

/** The text an element's aria-describedby points at (what a screen reader reads after its name). */
export function descriptionOf(element: Element | null | undefined): string {
  const ids = element?.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

/**
 * A row's accessible name: a section header's aria-label, or a role's own text (its name comes from its content,
 * the parts hidden from it, star and detail line, left out: role-option.tsx).
 */
export function nameOf(element: Element | null | undefined): string | null | undefined {
  if (!element) return element;
  return (
    element.getAttribute('aria-label') ??
    [...element.childNodes]
      .filter((node) => !(node instanceof Element && node.getAttribute('aria-hidden') === 'true'))
      .map((node) => node.textContent ?? '')
      .join('')
      .trim()
  );
}
