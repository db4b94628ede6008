import { describe, expect, it } from 'vitest';
import { pageRows, prefixOffsets, revealRow, rowAt, visibleRange } from '../../../popup/virtual-window';

// Rows 0 and 3 are 28 px headers, the rest 44 px roles.
const offsets = prefixOffsets(10, (i) => (i === 0 || i === 3 ? 28 : 44));

describe('windowing', () => {
  it('sums heights into offsets', () => {
    expect([...offsets.slice(0, 5)]).toEqual([0, 28, 72, 116, 144]);
    expect(offsets[10]).toBe(28 * 2 + 44 * 8);
  });

  it('finds the row under a pixel', () => {
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 27)).toBe(0);
    expect(rowAt(offsets, 28)).toBe(1);
    expect(rowAt(offsets, 10_000)).toBe(9);
  });

  it('renders the rows in view plus overscan, clamped to the list', () => {
    expect(visibleRange(offsets, 0, 100, 0)).toEqual([0, 3]);
    expect(visibleRange(offsets, 144, 88, 1)).toEqual([3, 7]);
    expect(visibleRange(offsets, 0, 10_000, 5)).toEqual([0, 10]);
    expect(visibleRange(prefixOffsets(0, () => 44), 0, 100, 5)).toEqual([0, 0]);
  });

  it('scrolls just enough to reveal a row', () => {
    expect(revealRow(offsets, 1, 0, 100)).toBe(0);
    expect(revealRow(offsets, 4, 0, 100)).toBe(188 - 100);
    expect(revealRow(offsets, 0, 150, 100)).toBe(0);
  });

  it('pages by the rows that fit, keeping one for context', () => {
    expect(pageRows(440, 44)).toBe(9);
    expect(pageRows(30, 44)).toBe(1);
  });
});
