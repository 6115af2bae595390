/**
 * A document (document-blocks.ts) as GitHub-flavoured Markdown: headings, paragraphs and lists
 * as plain text (no emphasis, link or HTML of their own), tables with escaped pipes, code and
 * Mermaid in fences no content can close. Charts are left to HTML.
 */
import type { Block, Cell, DocSection } from './document-blocks.js';

/** `# title`, then every section as `## title` and its blocks, then the notes (Markdown). */
export function renderDocumentMarkdown(
  title: string,
  sections: readonly DocSection[],
  notes: readonly string[] = [],
): string {
  const out = [`# ${inline(title)}`, ''];
  for (const section of sections) {
    out.push(`## ${inline(section.title)}`, '');
    for (const block of section.blocks) {
      const text = renderBlock(block);
      if (text !== '') out.push(text, '');
    }
  }
  if (notes.length > 0) out.push(...notes, '');
  return out.join('\n');
}

// --- internal ---

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return inline(block.text);
    case 'list':
      return block.items
        .map((i) => `- ${i.mark === null ? '' : `**${MARKS[i.mark]}:** `}${inline(i.text)}`)
        .join('\n');
    case 'table':
      return renderTable(block);
    case 'code':
      return fence(block.language, block.text);
    case 'mermaid':
      return fence('mermaid', block.text);
    case 'chart':
      return '';
  }
}

const MARKS = { risk: 'Risk', missed: 'Missed', info: 'Note' } as const;

function renderTable(t: Extract<Block, { kind: 'table' }>): string {
  const row = (cells: readonly Cell[]): string => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${t.head.map((_, i) => (t.align[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
  const lines = [row(t.head), rule, ...t.rows.map(row)];
  if (t.omitted > 0) lines.push('', `_… and ${t.omitted} more rows._`);
  return lines.join('\n');
}

function cell(c: Cell): string {
  if (typeof c === 'string') return inline(c).replace(/\|/g, '\\|');
  return `[${inline(c.text).replace(/\|/g, '\\|')}](${c.href})`;
}

function fence(language: string, text: string): string {
  // A fence longer than any run of backticks inside, so nothing can close it early.
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${text}\n${marks}`;
}

/** Text that Markdown shows as written: no emphasis, links, HTML or line breaks of its own. */
function inline(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\`*_])/g, '\\$1')
    .replace(/\]\(/g, ']\\(')
    .replace(/^#/, '\\#')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
