/** One printed row: measure, result, budget, status. */
export type Row = [string, string, string, string];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Prints a Markdown table under a heading. */
export function printTable(heading: string, rows: Row[]): void {
  const all: Row[] = [['measure', 'result', 'budget', 'status'], ...rows];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...all.map((r) => r[c]!.length), 6));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  process.stdout.write(
    ['', heading, '', line(all[0]), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''].join('\n') + '\n',
  );
}
