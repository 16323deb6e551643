/**
 * The closing table of `npm run bench`: each benchmark adds its figures, each beside the baseline
 * measured in the same run and the target the issue set, and whether the target holds.
 */
export interface SummaryRow {
  /** What was measured, e.g. "timers, Redis: lateness p99". */
  figure: string;
  /** The measured value with its unit, e.g. "41 ms". */
  value: string;
  /** The same-run baseline with its unit, or "—" where a target is absolute. */
  baseline: string;
  /** The target in words, e.g. "≤ baseline + 50 ms and < 250 ms". */
  target: string;
  /** Whether the target holds; null where a figure is reported without a target. */
  holds: boolean | null;
}

const rows: SummaryRow[] = [];

export function addSummary(...added: SummaryRow[]): void {
  rows.push(...added);
}

export function summaryRows(): readonly SummaryRow[] {
  return rows;
}

/** Prints the table; returns whether every target holds. */
export function printSummary(): boolean {
  if (rows.length === 0) return true;
  const header: SummaryRow = { figure: 'figure', value: 'measured', baseline: 'baseline (same run)', target: 'target', holds: null };
  const verdict = (row: SummaryRow) => (row === header ? 'holds' : row.holds === null ? '—' : row.holds ? 'yes' : 'NO');
  const all = [header, ...rows];
  const width = (pick: (row: SummaryRow) => string) => Math.max(...all.map((row) => [...pick(row)].length));
  const columns: ((row: SummaryRow) => string)[] = [(r) => r.figure, (r) => r.value, (r) => r.baseline, (r) => r.target, verdict];
  const widths = columns.map(width);
  const pad = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - [...text].length));
  console.log('\nSummary');
  for (const row of all) console.log(`  ${columns.map((column, i) => pad(column(row), widths[i])).join('  ')}`);
  return rows.every((row) => row.holds !== false);
}
