/** Where line `line` (1-based, as diagnostics count) starts and ends in a textarea's value, for selecting it. */
export function lineRange(text: string, line: number): { start: number; end: number } {
  // A textarea's value always uses "\n" (CRLF is normalized), and the parser counts lines the same way.
  const lines = text.split('\n');
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  let start = 0;
  for (let i = 0; i < index; i++) start += (lines[i]?.length ?? 0) + 1;
  return { start, end: start + (lines[index]?.length ?? 0) };
}
