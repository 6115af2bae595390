/**
 * The building blocks of a format-neutral report document: paragraphs, lists, tables (cut to a
 * row budget), code, the layout diagram and chart slots, in titled sections.
 */

export type Cell = string | { text: string; href: string };

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: { text: string; mark: 'risk' | 'missed' | 'info' | null }[] }
  | { kind: 'table'; head: string[]; rows: Cell[][]; align: ('left' | 'right')[]; omitted: number }
  | { kind: 'code'; language: string; text: string }
  | { kind: 'mermaid'; text: string }
  | { kind: 'chart'; id: string };

export interface DocSection {
  id: string;
  title: string;
  blocks: Block[];
}

export interface DocumentOptions {
  /** Rows a table shows at most; the rest are counted in `omitted`. */
  maxRows: number;
  /** Contributors listed per predicate. */
  contributorsPerPredicate: number;
  /** Whether the layout section carries the Mermaid diagram. */
  diagram: boolean;
}

export const FULL_DOCUMENT: DocumentOptions = {
  maxRows: Number.POSITIVE_INFINITY,
  contributorsPerPredicate: 3,
  diagram: true,
};

/** A table block with at most `maxRows` rows. */
export function table(
  head: string[],
  rows: Cell[][],
  align: ('left' | 'right')[],
  options: DocumentOptions,
): Block {
  const shown = rows.slice(0, options.maxRows);
  return { kind: 'table', head, rows: shown, align, omitted: rows.length - shown.length };
}

/** A list block with at most `maxRows` items; a last item says how many were left out. */
export function list(
  items: { text: string; mark: 'risk' | 'missed' | 'info' | null }[],
  options: DocumentOptions,
): Block {
  const shown = items.slice(0, options.maxRows);
  const left = items.length - shown.length;
  return {
    kind: 'list',
    items: left > 0 ? [...shown, { text: `… and ${left} more`, mark: null }] : shown,
  };
}
