/** Clicking a diagnostic's line number selects that line: the range computed for the textarea. */
import { describe, expect, it } from 'vitest';
import { lineRange } from '../../../src/options/line-range';

describe('lineRange', () => {
  const text = '[a]\nrole_arn = x\n\n[b]';
  const select = (line: number) => {
    const { start, end } = lineRange(text, line);
    return text.slice(start, end);
  };

  it('selects the whole of a 1-based line', () => {
    expect(select(1)).toBe('[a]');
    expect(select(2)).toBe('role_arn = x');
    expect(select(4)).toBe('[b]');
  });

  it('puts the cursor on an empty line, and keeps out-of-range lines inside the text', () => {
    expect(lineRange(text, 3)).toEqual({ start: 17, end: 17 });
    expect(select(0)).toBe('[a]');
    expect(select(99)).toBe('[b]');
  });
});
