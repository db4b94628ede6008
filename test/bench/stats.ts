/** Median, min and max of a set of samples, for the benchmark tables. */
export interface Figure {
  name: string;
  unit: 'ms' | 'KB' | 'MB' | 'requests';
  median: number;
  min: number;
  max: number;
  samples: number;
  target?: number;
}

export function summarize(name: string, unit: Figure['unit'], samples: number[], target?: number): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return {
    name,
    unit,
    median: round(median),
    min: round(sorted[0] ?? 0),
    max: round(sorted.at(-1) ?? 0),
    samples: sorted.length,
    ...(target !== undefined && { target }),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.name,
    `${f.median} ${f.unit}`,
    `${f.min} – ${f.max}`,
    String(f.samples),
    f.target === undefined ? '' : `< ${f.target} ${f.unit} ${f.median < f.target ? 'met' : 'MISSED'}`,
  ]);
  const header = ['figure', 'median', 'min – max', 'n', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
