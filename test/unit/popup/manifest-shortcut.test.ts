/** A keyboard shortcut opens the popup (the commands API), so the picker is reachable without a mouse. */
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json';

describe('the popup shortcut', () => {
  it('is declared as the action command with a suggested key', () => {
    const commands = (manifest as { commands?: Record<string, { suggested_key?: { default?: string } }> }).commands;
    expect(commands?._execute_action?.suggested_key?.default).toBe('Alt+Shift+R');
    expect(manifest.action.default_popup).toBe('popup/index.html');
  });
});
