/** Shared by the popup component tests: renders the popup against the fake browser, with a user to drive it. */
import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import { App } from '../../../popup/app';

export async function renderPopup({ waitForList = true } = {}) {
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
    .map((option) => option.getAttribute('aria-label') ?? '');
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

export function nameOf(element: Element | null | undefined): string | null | undefined {
  return element?.getAttribute('aria-label');
}
