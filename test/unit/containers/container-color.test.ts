/** Profile hex colours to Firefox's fixed container colours, by nearest hue and lightness. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTAINER_COLORS, containerColor } from '../../../src/core/container-color';

describe('container colours', () => {
  it('gives each of Firefox\u2019s own colour codes its own name back', () => {
    // The colorCode values contextualIdentities.query() answers in Firefox 128 to 153.
    const firefox = { blue: '#37adff', turquoise: '#00c79a', green: '#51cd00', yellow: '#ffcb00', orange: '#ff9f00', red: '#ff613d', pink: '#ff4bda', purple: '#af51f5' };
    for (const [name, code] of Object.entries(firefox)) expect(containerColor(code)).toBe(name);
  });

  it('maps the colours people put in AESR configurations to the one they would name', () => {
    const cases: [string, string][] = [
      ['#c62828', 'red'], ['#ff0000', 'red'], ['#dc143c', 'red'], ['#b71c1c', 'red'],
      ['#ef6c00', 'orange'], ['#ff6600', 'orange'], ['#795548', 'orange'], ['#8b4513', 'orange'],
      ['#fdd835', 'yellow'], ['#ffd700', 'yellow'], ['#ffeb3b', 'yellow'],
      ['#2e7d32', 'green'], ['#00ff00', 'green'], ['#4caf50', 'green'], ['#008000', 'green'],
      ['#00838f', 'turquoise'], ['#008080', 'turquoise'], ['#00ffff', 'turquoise'], ['#009688', 'turquoise'],
      ['#1565c0', 'blue'], ['#0d47a1', 'blue'], ['#000080', 'blue'], ['#87ceeb', 'blue'], ['#3f51b5', 'blue'], ['#607d8b', 'blue'],
      ['#6a1b9a', 'purple'], ['#673ab7', 'purple'], ['#9c27b0', 'purple'],
      ['#ad1457', 'pink'], ['#ff00ff', 'pink'], ['#ffc0cb', 'pink'], ['#ff69b4', 'pink'], ['#e91e63', 'pink'],
    ];
    expect(cases.map(([hex]) => [hex, containerColor(hex)])).toEqual(cases);
  });

  it('gives greys, black, white and no colour the neutral toolbar colour', () => {
    for (const hex of ['#000000', '#ffffff', '#9e9e9e', '#777788', '#1a1a1a', '#f5f5f5', undefined]) expect(containerColor(hex)).toBe('toolbar');
  });

  it('reads the colour with or without # and in any case, and anything else as no colour', () => {
    expect(containerColor('C62828')).toBe('red');
    expect(containerColor(' #2E7D32 ')).toBe('green');
    for (const bad of ['', '#fff', 'red', '#12345g', '#1234567']) expect(containerColor(bad)).toBe('toolbar');
  });

  it('always answers one of Firefox\u2019s colours (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffff }), (value) => {
      expect(CONTAINER_COLORS).toContain(containerColor(`#${value.toString(16).padStart(6, '0')}`));
    }));
  });
});
