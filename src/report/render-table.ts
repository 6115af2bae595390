/** A cli-table3 table with hasim's look: bold headings via the given style, no built-in colour. */
import Table from 'cli-table3';
import type { TextStyle } from './text-style.js';

export type TableCell = string | number;

/** Renders rows under a heading as a boxed table (no trailing newline). */
export function renderTable(
  head: readonly string[],
  rows: readonly (readonly TableCell[])[],
  style: TextStyle,
  align: readonly ('left' | 'right')[] = [],
): string {
  const table = new Table({
    head: head.map((h) => style.bold(h)),
    colAligns: head.map((_, i) => align[i] ?? 'left'),
    // cli-table3 colours headings and borders itself unless told not to; colour is ours.
    // Compact: no rule between rows, so long tables (timelines) stay readable.
    style: { head: [], border: [], compact: true },
  });
  for (const row of rows) table.push(row.map((c) => String(c)));
  return table.toString();
}
