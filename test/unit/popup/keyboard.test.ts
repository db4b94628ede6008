import { describe, expect, it } from 'vitest';
import { clickOpenIn, keyLabels, searchKeyAction } from '../../../popup/keyboard';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  searchKeyAction({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keys in the search box', () => {
  it('moves through the list', () => {
    expect(key('ArrowDown')).toEqual({ type: 'move', by: 1 });
    expect(key('ArrowUp')).toEqual({ type: 'move', by: -1 });
    expect(key('PageDown')).toEqual({ type: 'page', direction: 1 });
    expect(key('PageUp')).toEqual({ type: 'page', direction: -1 });
    expect(key('Home')).toEqual({ type: 'edge', to: 'first' });
    expect(key('End')).toEqual({ type: 'edge', to: 'last' });
  });

  it('signs in with Enter where the settings say; Shift for a new window, Ctrl or Cmd for the current tab', () => {
    expect(key('Enter')).toEqual({ type: 'activate', openIn: undefined });
    expect(key('Enter', { shiftKey: true })).toEqual({ type: 'activate', openIn: 'new-window' });
    expect(key('Enter', { ctrlKey: true })).toEqual({ type: 'activate', openIn: 'current-tab' });
    expect(key('Enter', { metaKey: true })).toEqual({ type: 'activate', openIn: 'current-tab' });
  });

  it('Alt+Enter signs in the other way (keys or this console tab), with the same place modifiers', () => {
    expect(key('Enter', { altKey: true })).toEqual({ type: 'activate', openIn: undefined, otherWay: true });
    expect(key('Enter', { altKey: true, shiftKey: true })).toEqual({ type: 'activate', openIn: 'new-window', otherWay: true });
  });

  it('stars with Ctrl/Cmd+S and leaves plain letters, "/" and Alt chords to the text', () => {
    expect(key('s', { ctrlKey: true })).toEqual({ type: 'star' });
    expect(key('s', { metaKey: true })).toEqual({ type: 'star' });
    expect(key('s')).toBeUndefined();
    expect(key('/')).toBeUndefined();
    expect(key('ArrowDown', { altKey: true })).toBeUndefined();
    expect(key('Escape')).toEqual({ type: 'escape' });
  });

  it('gives clicks the same modifiers as Enter', () => {
    expect(clickOpenIn({ shiftKey: false, ctrlKey: false, metaKey: false })).toBeUndefined();
    expect(clickOpenIn({ shiftKey: true, ctrlKey: false, metaKey: false })).toBe('new-window');
    expect(clickOpenIn({ shiftKey: false, ctrlKey: false, metaKey: false, button: 1 })).toBe('new-tab');
    expect(clickOpenIn({ shiftKey: true, ctrlKey: false, metaKey: false, button: 1 })).toBe('new-window');
    expect(clickOpenIn({ shiftKey: false, ctrlKey: false, metaKey: true })).toBe('current-tab');
  });
});

describe('key labels', () => {
  it('says ⌘ on macOS and Ctrl elsewhere', () => {
    expect(keyLabels('Ctrl+↵ this tab · Ctrl+S star', 'MacIntel')).toBe('⌘↵ this tab · ⌘S star');
    expect(keyLabels('Ctrl+↵ this tab', 'Linux x86_64')).toBe('Ctrl+↵ this tab');
  });
});
