/**
 * One linear pass of yaml's lexer over the text, before any document is built: counts alias
 * tokens and measures nesting depth, so an alias bomb or a file of 30 `{` is refused at once
 * with a position instead of being composed (the composer and toJS are recursive and, for
 * collection-valued keys, exponential).
 */
import { Lexer } from 'yaml';

export interface Prescan {
  /** Alias tokens (`*name`) in the text. */
  aliasCount: number;
  /** The offset of the first alias token (0 when there is none). */
  firstAliasOffset: number;
  /** The deepest nesting seen (up to the first token past the limit). */
  depth: number;
  /** Where the nesting first went deeper than the limit; undefined when it never did. */
  tooDeep?: { offset: number; depth: number };
}

/**
 * Scans `text` with yaml's lexer. Block structure is followed by columns, as yaml does: a `-`
 * opens a list at its column (a sibling item when one is open there, also under a key at the
 * same column), a key (the token before `:`) or a `?` opens a map at its column unless one is
 * open there; a line less indented closes the levels to its right. Open flow collections
 * (`{`, `[`) add one level each. The scan stops at the first token deeper than `maxDepth`.
 */
export function prescanYaml(text: string, maxDepth: number): Prescan {
  let aliasCount = 0;
  let firstAliasOffset = -1;
  let offset = 0;
  let lineStart = 0;
  let flow = 0;
  let nodeStart: { col: number; offset: number } | undefined; // the current node's first token
  let blockScalarBody = false;
  let deepest = 0;
  let levels: { col: number; list: boolean }[] = [];
  const top = (): { col: number; list: boolean } | undefined => levels[levels.length - 1];
  const openMap = (col: number): void => {
    for (let t = top(); t && (t.col > col || (t.col === col && t.list)); t = top()) levels.pop();
    if (top()?.col !== col) levels.push({ col, list: false });
  };
  const openList = (col: number): void => {
    for (let t = top(); t && t.col > col; t = top()) levels.pop();
    if (!(top()?.col === col && top()?.list)) levels.push({ col, list: true });
  };
  for (const token of new Lexer().lex(text)) {
    // The lexer's control tokens mark a document or a scalar and take no room in the text.
    if (token === DOCUMENT) {
      levels = [];
      continue;
    }
    if (token === SCALAR || token === FLOW_END) continue;
    const start = offset;
    const col = start - lineStart;
    offset += token.length;
    const newline = token.lastIndexOf('\n');
    if (newline >= 0) lineStart = start + newline + 1;
    if (token === '\n' || token === '\r\n') {
      nodeStart = undefined;
      continue;
    }
    if (/^[ \t]*$/.test(token) || token.startsWith('#')) continue;
    if (blockScalarBody) {
      // The body of a `|` or `>` scalar: its lines' indentation is text, not structure.
      blockScalarBody = false;
      continue;
    }
    if (token.startsWith('*')) {
      aliasCount += 1;
      if (firstAliasOffset < 0) firstAliasOffset = start;
    }
    if (flow === 0 && col === 0 && (token === '---' || token === '...')) {
      levels = [];
      continue;
    }
    let at = start;
    if (token === '{' || token === '[') {
      nodeStart ??= { col, offset: start };
      flow += 1;
    } else if (token === '}' || token === ']') flow = Math.max(0, flow - 1);
    else if (flow > 0) {
      // Inside a flow collection only its brackets count.
    } else if (token === '-') {
      openList(col);
      nodeStart = undefined;
    } else if (token === '?') {
      openMap(col);
      nodeStart = undefined;
    } else if (token === ':') {
      // A map opens at its key (the node before the `:`), and is reported there.
      openMap(nodeStart?.col ?? col);
      at = nodeStart?.offset ?? start;
      nodeStart = undefined;
    } else {
      nodeStart ??= { col, offset: start };
      if (token.startsWith('|') || token.startsWith('>')) blockScalarBody = true;
    }
    const depth = levels.length + flow;
    deepest = Math.max(deepest, depth);
    if (depth > maxDepth) {
      return {
        aliasCount,
        firstAliasOffset: Math.max(0, firstAliasOffset),
        depth: deepest,
        tooDeep: { offset: at, depth },
      };
    }
  }
  return { aliasCount, firstAliasOffset: Math.max(0, firstAliasOffset), depth: deepest };
}

// --- internal ---

// yaml's CST control characters (yaml/dist/parse/cst.js): document start, flow end, scalar.
const DOCUMENT = '\x02';
const FLOW_END = '\x18';
const SCALAR = '\x1f';
