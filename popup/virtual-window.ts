/**
 * Windowing for the role list: only the rows in view (plus a few) are in the DOM, so 10,000 roles cost what 20
 * do. Row heights are fixed per kind, so offsets are a prefix sum and nothing is measured: no layout reads, no
 * ResizeObserver, and the same numbers in a test DOM without layout as in Chromium. (Smaller than
 * @tanstack/virtual-core, whose measuring we would not use.)
 */

/** `offsets[i]` is the top of row i; `offsets[n]` the total height. */
export function prefixOffsets(count: number, heightOf: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i += 1) offsets[i + 1] = (offsets[i] ?? 0) + heightOf(i);
  return offsets;
}

/** The row that contains pixel `y` (binary search over the offsets). */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((offsets[mid] ?? 0) <= y) low = mid;
    else high = mid - 1;
  }
  return Math.max(0, low);
}

/** `[start, end)` of the rows to render for a scroll position, with `overscan` extra rows on each side. */
export function visibleRange(offsets: Float64Array, scrollTop: number, viewport: number, overscan: number): [number, number] {
  const count = offsets.length - 1;
  if (count <= 0) return [0, 0];
  const first = rowAt(offsets, scrollTop);
  const last = rowAt(offsets, scrollTop + Math.max(viewport - 1, 0));
  return [Math.max(0, first - overscan), Math.min(count, last + 1 + overscan)];
}

/** The scroll position that brings row `index` fully into view with the least movement. */
export function revealRow(offsets: Float64Array, index: number, scrollTop: number, viewport: number): number {
  const top = offsets[index] ?? 0;
  const bottom = offsets[index + 1] ?? top;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport) return bottom - viewport;
  return scrollTop;
}

/** How many rows a PageUp/PageDown moves: the rows that fit in the viewport, less one for context. */
export function pageRows(viewport: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewport / rowHeight) - 1);
}
