/**
 * A document section (document-blocks.ts) for the terminal: paragraphs wrapped at 100 columns,
 * lists with a warning mark for risks, tables through render-table.ts with long cells wrapped.
 * Diagrams and charts are left to Markdown and HTML.
 */
import type { Block, DocSection } from './document-blocks.js';
import { renderTable } from './render-table.js';
import type { TextStyle } from './text-style.js';

/** A section as terminal lines: its title in bold (when `titled`), then its blocks. */
export function renderSectionText(s: DocSection, style: TextStyle, titled: boolean): string[] {
  const lines = titled ? [style.bold(s.title)] : [];
  for (const b of s.blocks) lines.push(...block(b, style));
  return lines;
}

// --- internal ---

const WIDTH = 100;

function block(b: Block, style: TextStyle): string[] {
  switch (b.kind) {
    case 'paragraph':
      return wrap(b.text, '');
    case 'list':
      return b.items.flatMap((i) => {
        const mark = i.mark === 'risk' || i.mark === 'missed' ? style.warning('⚠ ') : '• ';
        return wrap(i.text, '  ').map((l, k) => (k === 0 ? `${mark}${l.trimStart()}` : l));
      });
    case 'table': {
      // Long cells wrap, so the table fits a terminal (cli-table3 keeps line breaks).
      const rows = b.rows.map((r) =>
        r.map((c) => wrap(typeof c === 'string' ? c : `${c.text} ${c.href}`, '', CELL).join('\n')),
      );
      const lines = [renderTable(b.head, rows, style, b.align)];
      if (b.omitted > 0) lines.push(style.dim(`… and ${b.omitted} more rows`));
      return lines;
    }
    case 'code':
      return b.text.split('\n').map((l) => `  ${l}`);
    case 'mermaid':
    case 'chart':
      return [];
  }
}

/** Table cells wider than this wrap. */
const CELL = 48;

/** Words wrapped at `width` columns, each line starting with `indent`. */
function wrap(text: string, indent: string, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(/\s+/)) {
    if (line.length > indent.length && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
    }
    line += line.length > indent.length ? ` ${word}` : word;
  }
  if (line.length > indent.length) lines.push(line);
  return lines;
}
